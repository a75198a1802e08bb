// Mermaid at build time: broken diagrams are findings with file and line;
// with Chromium, procedure pages carry finished SVG and load no Mermaid code;
// without it, the same pages still draw their diagrams in the reader's browser.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DiagramRenderer } from '../../src/integration/diagram-renderer.ts';
import { extractDiagrams } from '../../src/lib/diagrams.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { readPackageDir } from '../../src/lib/package-files.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { routes } from '../../src/lib/routes.ts';
import { chineseDir, repoRoot, sampleDir } from '../support/package.ts';
import { launchBrowser, runCli, serveDir, tempDir } from '../support/site.ts';

/** Public procedures of a package that hold at least one diagram. */
async function proceduresWithDiagrams(dir: string) {
  const pkg = applyProfile(loadPackage(await readPackageDir(dir)).pkg, 'public');
  return pkg.procedures.filter((procedure) => extractDiagrams(procedure.body).length > 0);
}

/** Every `.mdx` under a folder, recursively. */
function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => join(dir, file));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('handover check and diagrams', () => {
  it('reports a broken diagram as mermaid-invalid with file and line, without a stack trace', async () => {
    const dir = join(await tempDir('diagrams'), 'pkg');
    cpSync(join(repoRoot, 'tests/e2e/packages/deck-embeds'), dir, { recursive: true });
    const file = join(dir, 'procedures/standard/order.mdx');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('B -->|No| C[Sales Manager approves]', 'B -->|No| C[Sales Manager approves'));
    const brokenLine = text.split('\n').findIndex((line) => line.includes('B -->|No|')) + 1;

    const run = await runCli(['check', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^procedures/standard/order\\.mdx:${brokenLine} {2}error {2}mermaid-invalid {2}the diagram does not parse`, 'm'));
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);

    const json = JSON.parse((await runCli(['check', dir, '--json'])).stdout) as { findings: { code: string; file: string; line?: number }[] };
    expect(json.findings.filter((f) => f.code === 'mermaid-invalid')).toEqual([expect.objectContaining({ file: 'procedures/standard/order.mdx', line: brokenLine })]);
  });

  it('reports no diagram errors for packages whose diagrams are fine', async () => {
    for (const dir of [sampleDir, chineseDir]) {
      const run = await runCli(['check', dir, '--json']);
      const { findings } = JSON.parse(run.stdout) as { findings: { code: string }[] };
      expect(findings.filter((f) => f.code === 'mermaid-invalid'), dir).toEqual([]);
    }
  });
});

/** Loads a page and returns what it fetched as script, with the text of each script. */
async function visit(page: Page, url: string) {
  const scripts: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.text().then((body) => void scripts.push({ url: response.url(), body }), () => undefined));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  return scripts;
}

describe('procedure pages built with Chromium', () => {
  let out: string;
  let server: Awaited<ReturnType<typeof serveDir>>;
  beforeAll(async () => {
    out = inject('sampleSite');
    server = await serveDir(out);
  });
  afterAll(async () => server?.close());

  it('show diagrams as inline SVG and load no Mermaid JavaScript', async () => {
    const { procedures } = applyProfile(loadPackage(await readPackageDir(sampleDir)).pkg, 'public');
    expect(procedures.filter((p) => extractDiagrams(p.body).length > 0).length).toBeGreaterThan(0);
    for (const procedure of procedures) {
      const page = await browser.newPage();
      const scripts = await visit(page, `${server.url}${routes.procedure(procedure.id)}`);
      const mermaidScripts = scripts.filter((script) => /mermaid/i.test(script.url) || /mermaid/i.test(script.body));
      expect(mermaidScripts.map((script) => script.url), procedure.id).toEqual([]);
      const inline = await page.locator('script:not([src])').allTextContents();
      expect(inline.filter((code) => /mermaid/i.test(code)), procedure.id).toEqual([]);
      expect(await page.locator('.ho-diagram svg').count(), procedure.id).toBe(extractDiagrams(procedure.body).length);
      expect(await page.locator('pre.ho-mermaid').count(), procedure.id).toBe(0);
      await page.close();
    }
  });

  it('recolour the drawing when the portal is dark, and print it light', async () => {
    const [procedure] = await proceduresWithDiagrams(sampleDir);
    const filters = async (theme: string, media: 'screen' | 'print') => {
      const page = await browser.newPage();
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.emulateMedia({ media });
      await page.goto(`${server.url}${routes.procedure(procedure!.id)}`);
      const found = await page.locator('.ho-diagram svg').evaluateAll((svgs) => svgs.map((svg) => getComputedStyle(svg).filter));
      await page.close();
      return found;
    };
    const diagrams = extractDiagrams(procedure!.body).length;
    expect(await filters('light', 'screen')).toEqual(Array(diagrams).fill('none'));
    expect(await filters('dark', 'screen')).toEqual(Array(diagrams).fill('invert(1) hue-rotate(180deg)'));
    expect(await filters('dark', 'print')).toEqual(Array(diagrams).fill('none'));
  });
});

describe('the diagram renderer', () => {
  it('draws the same source to the same SVG on every build, so unchanged pages stay byte-identical', async () => {
    // gitGraph names its commits at random and gantt measures dates: both once differed between cold renders.
    const sources = [
      'flowchart LR\n  A([Order entered]) --> B{Over 50,000?}\n  B -->|Yes| C[Finance approves]\n  B -->|No| D[Manager approves]',
      'gitGraph\n  commit\n  branch hotfix\n  checkout hotfix\n  commit\n  checkout main\n  merge hotfix\n  commit',
      'gantt\n  title Cutover\n  dateFormat YYYY-MM-DD\n  section Data\n  Load customers :a1, 2026-05-01, 3d\n  Train users :after a1, 5d',
    ];
    const runs: string[][] = [];
    // The second run renders in the opposite order, so no diagram's drawing depends on the one before it.
    for (const [run, order] of [['first', sources], ['second', [...sources].reverse()]] as const) {
      const renderer = new DiagramRenderer(await tempDir(`renderer-${run}`));
      try {
        expect(await renderer.renderAll(order)).toEqual([]);
        expect(renderer.rendered).toBe(sources.length);
        runs.push(await Promise.all(sources.map(async (source) => (await renderer.cached(source))!)));
      } finally {
        await renderer.close();
      }
    }
    for (const svg of runs[0]!) expect(svg).toMatch(/^<svg /);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('breaks Chinese labels between words only, as mermaid draws them', async () => {
    const labels = ['客户信用额度超出后由财务经理审批一次性放行并通知销售代表跟进', '折扣超过百分之十二需要总经理审批吗', '新品订单须先完成工程可行性评审并收取定金'];
    const source = `flowchart TD\n  A["${labels[0]}"] --> B{${labels[1]}}\n  B -->|是| C[${labels[2]}]`;
    const renderer = new DiagramRenderer(await tempDir('renderer-zh'));
    try {
      expect(await renderer.renderAll([source])).toEqual([]);
      const svg = (await renderer.cached(source))!;
      const words = new Intl.Segmenter('zh', { granularity: 'word' });
      for (const label of labels) {
        // The rows of the label as drawn: each <text> holds one row per outer tspan.
        const text = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!).find((t) => t.replace(/<[^>]+>/g, '').startsWith(label.slice(0, 2)))!;
        const rows = text.split(/<tspan class="text-outer-tspan[^"]*"[^>]*>/).slice(1).map((row) => row.replace(/<[^>]+>/g, ''));
        expect(rows.join(''), label).toBe(label);
        expect(rows.length, label).toBeGreaterThan(1);
        const cuts = new Set([...words.segment(label)].map((segment) => segment.index));
        let offset = 0;
        for (const row of rows.slice(0, -1)) {
          offset += row.length;
          expect(cuts.has(offset), `"${label}" is cut after "${row}"`).toBe(true);
        }
      }
    } finally {
      await renderer.close();
    }
  });

  it('renders each source once, reports the broken ones by source, and caches the rest', async () => {
    const good = ['flowchart TD\n  A --> B', 'sequenceDiagram\n  Sales->>Finance: Approve?', 'stateDiagram-v2\n  [*] --> Draft'];
    const broken = 'flowchart TD\n  A --> B[unclosed';
    const renderer = new DiagramRenderer(await tempDir('renderer-batch'));
    try {
      const failures = await renderer.renderAll([...good, broken, good[0]!, ` ${good[1]!}\n`]);
      expect(failures).toEqual([{ source: broken, message: expect.stringMatching(/\S/) }]);
      expect(renderer.rendered).toBe(3);
      for (const source of good) expect(await renderer.cached(source), source).toMatch(/^<svg [^>]*id="ho-[0-9a-f]{24}"/);
      expect(await renderer.renderAll(good)).toEqual([]);
      expect(renderer.rendered).toBe(3);
    } finally {
      await renderer.close();
    }
  });
});

describe('procedure pages built without Chromium', () => {
  let out: string;
  let server: Awaited<ReturnType<typeof serveDir>>;
  beforeAll(async () => {
    // Each diagram gets a unique comment, so no earlier build's cache can supply its SVG: the pages must fall back.
    const dir = join(await tempDir('no-chromium'), 'pkg');
    cpSync(sampleDir, dir, { recursive: true });
    const stamp = Date.now().toString(36);
    for (const file of mdxFiles(join(dir, 'procedures'))) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/(```mermaid\n[\s\S]*?)\n```/g, `$1\n%% uncached ${stamp}\n\`\`\``));
    }
    const built = join(await tempDir('site'), 'dist');
    const run = await runCli(['build', dir, '--out', built, '--today', '2026-09-30'], { HANDOVER_CHROMIUM: 'none' });
    if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    out = built;
    server = await serveDir(out);
  });
  afterAll(async () => server?.close());

  it('still show every diagram, drawn in the reader\'s browser, with no script error or failed request', async () => {
    const procedures = await proceduresWithDiagrams(sampleDir);
    for (const procedure of procedures) {
      const html = readFileSync(join(out, routes.procedure(procedure.id), 'index.html'), 'utf8');
      expect(html, procedure.id).toContain('class="ho-mermaid"');
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
      page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()}: ${response.url()}`));
      await page.goto(`${server.url}${routes.procedure(procedure.id)}`);
      const diagrams = extractDiagrams(procedure.body).length;
      await expect.poll(() => page.locator('.ho-diagram svg').count(), { timeout: 20_000 }).toBe(diagrams);
      await expect.poll(() => page.locator('.ho-diagram-pending').count(), { timeout: 20_000 }).toBe(0);
      expect(errors, procedure.id).toEqual([]);
      await page.close();
    }
  });
});
