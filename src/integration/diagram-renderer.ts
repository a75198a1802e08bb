import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { diagramKey } from '../lib/diagrams.ts';
import { CJK_LINE_WIDTH, wrapCjkLabels } from '../lib/diagram-labels.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

const require = createRequire(import.meta.url);
const mermaidDist = dirname(require.resolve('mermaid/dist/mermaid.min.js'));
export const mermaidVersion: string = (JSON.parse(await readFile(join(mermaidDist, '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Mermaid's settings for every build-time drawing. Diagrams are drawn once,
 * in the light theme: mermaid's dark theme puts colours into the drawing
 * itself (shape fills, shadows), so a dark copy would cost a second full
 * render; the portal's dark mode recolours the light drawing with a CSS
 * filter instead. A fixed seed makes mermaid's shape outlines the same on
 * every build, so an unchanged package gives byte-identical pages.
 */
const MERMAID_CONFIG = { startOnLoad: false, theme: 'default', securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false }, handDrawnSeed: 1 };
/** Part of the cache key: a change to the settings above must redraw everything. */
/**
 * Some diagram types draw with Math.random (gitGraph names its commits with
 * it, and the labels' widths follow), so each render starts from the same
 * seed: the same source gives the same SVG on every cold render.
 */
const RANDOM_SEED = 0x5eed;
const CONFIG_ID = JSON.stringify({ ...MERMAID_CONFIG, randomSeed: RANDOM_SEED, cjkLineWidth: CJK_LINE_WIDTH });
/** The id mermaid gives the SVG while drawing it; replaced by one per diagram afterwards. */
const RENDER_ID = 'ho-diagram-rendering';

/** The render pages' made-up origin: playwright answers every request to it, so nothing goes to the network. */
const RENDER_ORIGIN = 'http://mermaid.invalid';
/** Each page is its own renderer process; more pages than cores only adds start-up cost. */
const MAX_PAGES = 4;
/** Diagrams per round trip to a page: small enough that the pages finish together, large enough to amortise the call. */
const CHUNK = 4;

export interface RenderFailure {
  source: string;
  message: string;
}

/**
 * Renders Mermaid to SVG in one headless Chromium for the whole build, in
 * batches spread over one page per core, with an on-disk cache keyed by
 * source, mermaid version and settings: a rebuild with unchanged diagrams
 * starts no browser at all.
 */
export class DiagramRenderer {
  readonly cacheDir: string;
  readonly chromiumPath: string | undefined;
  private browser: Promise<Browser> | undefined;
  private readonly pages: Promise<Page>[] = [];
  /** Calls of renderAll take turns: mermaid keeps global state, so two renders in one page must not overlap. */
  private turn: Promise<unknown> = Promise.resolve();
  /** Renders that actually ran in the browser, for progress output and benchmarks. */
  rendered = 0;

  constructor(cacheDir: string, chromiumPath = findChromium()) {
    this.cacheDir = cacheDir;
    this.chromiumPath = chromiumPath;
  }

  private file(source: string) {
    return join(this.cacheDir, `${diagramKey(source, mermaidVersion, CONFIG_ID)}.svg`);
  }

  /** Whether the source has been drawn, hence parses, with this mermaid version. */
  hasRendering(source: string): boolean {
    return existsSync(this.file(source.trim()));
  }

  /** The cached SVG, or undefined when it has not been rendered. */
  async cached(source: string): Promise<string | undefined> {
    return readFile(this.file(source.trim()), 'utf8').catch(() => undefined);
  }

  /** The browser's pages with mermaid loaded, opening more up to `count`. */
  private openPages(count: number): Promise<Page>[] {
    if (!this.chromiumPath) throw new Error('no Chromium available');
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.chromiumPath, args: CHROMIUM_ARGS }));
    while (this.pages.length < count) {
      this.pages.push(
        this.browser.then(async (browser) => {
          const page = await browser.newPage();
          // Served as a script file rather than injected as text, so Chromium parses mermaid's 5 MB while it loads instead of after.
          // The page reaches nothing but its own origin: a label or image of a package's diagram cannot fetch anything.
          await page.route('**/*', async (route) => {
            const url = new URL(route.request().url());
            if (url.origin !== RENDER_ORIGIN) return route.abort('blockedbyclient');
            return url.pathname === '/mermaid.min.js'
              ? route.fulfill({ contentType: 'text/javascript', body: await readFile(join(mermaidDist, 'mermaid.min.js')) })
              : route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body><script src="/mermaid.min.js"></script></body></html>' });
          });
          await page.goto(`${RENDER_ORIGIN}/`);
          await page.evaluate((config) => (globalThis as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize(config), MERMAID_CONFIG);
          return page;
        }),
      );
    }
    return this.pages.slice(0, count);
  }

  /**
   * Renders every source not yet in the cache. Returns the sources mermaid
   * could not render; the others are in the cache afterwards. `progress`
   * hears how many of the missing sources are done.
   */
  renderAll(sources: readonly string[], progress?: (done: number, total: number) => void): Promise<RenderFailure[]> {
    const run = this.turn.then(() => this.renderMissing(sources, progress));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async renderMissing(sources: readonly string[], progress?: (done: number, total: number) => void): Promise<RenderFailure[]> {
    const missing: string[] = [];
    for (const source of new Set(sources.map((source) => source.trim()))) if ((await this.cached(source)) === undefined) missing.push(source);
    if (missing.length === 0) return [];
    await mkdir(this.cacheDir, { recursive: true });
    const failures: RenderFailure[] = [];
    const queue = [...missing];
    let done = 0;
    const pageCount = Math.min(availableParallelism(), MAX_PAGES, Math.ceil(missing.length / CHUNK));
    // Each page takes the next few sources when it is done, so one page with large diagrams does not hold the others up.
    await Promise.all(
      this.openPages(pageCount).map(async (opening) => {
        const page = await opening;
        for (let chunk = queue.splice(0, CHUNK); chunk.length > 0; chunk = queue.splice(0, CHUNK)) {
          // Chinese labels are broken at word boundaries before mermaid would cut them anywhere (diagram-labels.ts).
          const results = await renderChunk(page, chunk.map((source) => wrapCjkLabels(source)));
          for (const [index, result] of results.entries()) {
            const source = chunk[index]!;
            if ('error' in result) failures.push({ source, message: result.error.split('\n')[0]! });
            else {
              await writeFile(this.file(source), uniqueIds(result.svg, diagramKey(source, mermaidVersion, CONFIG_ID)));
              this.rendered++;
            }
          }
          done += chunk.length;
          progress?.(done, missing.length);
        }
      }),
    );
    return failures;
  }

  async close() {
    const browser = this.browser;
    this.browser = undefined;
    this.pages.length = 0;
    if (browser) await (await browser).close();
  }
}

/** Renders sources one after another in the page. */
function renderChunk(page: Page, items: string[]): Promise<({ svg: string } | { error: string })[]> {
  return page.evaluate(async ({ items, id, seed }) => {
    const mermaid = (globalThis as unknown as { mermaid: { render(id: string, source: string): Promise<{ svg: string }> } }).mermaid;
    const out: ({ svg: string } | { error: string })[] = [];
    for (const source of items) {
      // mulberry32: a small seeded generator, restarted for every diagram so the order of rendering does not matter.
      let state = seed;
      Math.random = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      try {
        out.push({ svg: (await mermaid.render(id, source)).svg });
      } catch (error) {
        out.push({ error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  }, { items, id: RENDER_ID, seed: RANDOM_SEED });
}

/**
 * Mermaid names the SVG and scopes its CSS by the render id; two diagrams on
 * one page must not share it, so the id becomes one derived from the cache key.
 */
function uniqueIds(svg: string, key: string): string {
  return svg.split(RENDER_ID).join(`ho-${key}`);
}
