import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { diagramKey } from '../lib/diagrams.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

const require = createRequire(import.meta.url);
const mermaidDist = dirname(require.resolve('mermaid/dist/mermaid.min.js'));
export const mermaidVersion: string = (JSON.parse(await readFile(join(mermaidDist, '..', 'package.json'), 'utf8')) as { version: string }).version;

/** The portal's two colour schemes; every diagram is drawn in both. */
export const THEMES = ['default', 'dark'] as const;
export type DiagramTheme = (typeof THEMES)[number];

export interface RenderFailure {
  source: string;
  message: string;
}

/**
 * Renders Mermaid to SVG in one headless Chromium for the whole build, in
 * batches, with an on-disk cache keyed by source, mermaid version and theme:
 * a rebuild with unchanged diagrams starts no browser at all.
 */
export class DiagramRenderer {
  readonly cacheDir: string;
  readonly chromiumPath: string | undefined;
  private browser: Promise<Browser> | undefined;
  /** One page per theme: each is its own renderer process, so the themes render on two cores at once. */
  private readonly pages = new Map<DiagramTheme, Promise<Page>>();
  /** Renders that actually ran in the browser, for progress output and benchmarks. */
  rendered = 0;

  constructor(cacheDir: string, chromiumPath = findChromium()) {
    this.cacheDir = cacheDir;
    this.chromiumPath = chromiumPath;
  }

  private file(source: string, theme: DiagramTheme) {
    return join(this.cacheDir, `${diagramKey(source, mermaidVersion, theme)}.svg`);
  }

  /** The cached SVG, or undefined when it has not been rendered. */
  async cached(source: string, theme: DiagramTheme): Promise<string | undefined> {
    return readFile(this.file(source, theme), 'utf8').catch(() => undefined);
  }

  private openPage(theme: DiagramTheme): Promise<Page> {
    if (!this.chromiumPath) throw new Error('no Chromium available');
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.chromiumPath, args: CHROMIUM_ARGS }));
    let page = this.pages.get(theme);
    if (!page) {
      page = this.browser.then(async (browser) => {
        const opened = await browser.newPage();
        await opened.setContent('<!doctype html><html><body></body></html>');
        await opened.addScriptTag({ path: join(mermaidDist, 'mermaid.min.js') });
        return opened;
      });
      this.pages.set(theme, page);
    }
    return page;
  }

  /**
   * Renders every source not yet in the cache, in both themes at once.
   * Returns the sources mermaid could not render; the others are in the
   * cache afterwards.
   */
  async renderAll(sources: readonly string[]): Promise<RenderFailure[]> {
    const unique = [...new Set(sources.map((source) => source.trim()))];
    const failures = new Map<string, string>();
    await Promise.all(THEMES.map((theme) => this.renderTheme(theme, unique, failures)));
    return [...failures].map(([source, message]) => ({ source, message }));
  }

  /** Renders the sources missing from the cache in one theme, in one batch; records failures by source. */
  private async renderTheme(theme: DiagramTheme, sources: readonly string[], failures: Map<string, string>) {
    const missing: string[] = [];
    for (const source of sources) if ((await this.cached(source, theme)) === undefined) missing.push(source);
    if (missing.length === 0) return;
    const page = await this.openPage(theme);
    const results = await page.evaluate(
      async ({ items, theme }) => {
        const mermaid = (globalThis as unknown as { mermaid: { initialize(config: object): void; render(id: string, source: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, theme, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } });
        const out: ({ svg: string } | { error: string })[] = [];
        for (const [index, source] of items.entries()) {
          try {
            out.push({ svg: (await mermaid.render(`${theme}-${index}`, source)).svg });
          } catch (error) {
            out.push({ error: error instanceof Error ? error.message : String(error) });
          }
        }
        return out;
      },
      { items: missing, theme },
    );
    await mkdir(this.cacheDir, { recursive: true });
    for (const [index, result] of results.entries()) {
      const source = missing[index]!;
      if ('error' in result) failures.set(source, result.error.split('\n')[0]!);
      else {
        await writeFile(this.file(source, theme), uniqueIds(result.svg, diagramKey(source, mermaidVersion, theme)));
        this.rendered++;
      }
    }
  }

  async close() {
    const browser = this.browser;
    this.browser = undefined;
    this.pages.clear();
    if (browser) await (await browser).close();
  }
}

/**
 * Mermaid names the SVG and scopes its CSS by the render id; two diagrams on
 * one page must not share it, so the id becomes one derived from the cache key.
 */
function uniqueIds(svg: string, key: string): string {
  const id = /<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  return id ? svg.split(id).join(`ho-${key}`) : svg;
}
