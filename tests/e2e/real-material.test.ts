// `check` green means `build` green: every real-material case is built as a user would, and
// the build succeeds exactly when its case passes, refusing a failing one with the same finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realMaterialCases } from '../support/real-material.ts';
import { runCli, tempDir } from '../support/site.ts';

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const page = (out: string, path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
/** The article of a page, without the portal's own scripts and styles. */
const article = (out: string, path: string) => page(out, path).split('sl-markdown-content')[1]!.split('</main>')[0]!;

/** What each case must look like once built: the material renders as its author meant. */
const renders: Record<string, (out: string) => void> = {
  'starlight-asides': (out) => {
    for (const variant of ['note', 'tip', 'caution', 'danger']) expect(article(out, 'procedures/standard/order')).toContain(`starlight-aside--${variant}`);
  },
  'readme-details-summary': (out) => expect(readdirSync(join(out, 'pages')).some((p) => article(out, `pages/${p}`).includes('<details>'))).toBe(true),
  'readme-badges-comments': (out) => {
    for (const p of readdirSync(join(out, 'pages'))) expect(article(out, `pages/${p}`)).not.toContain('&lt;!--');
  },
  'mermaid-in-four-backtick-fence': (out) => {
    const html = article(out, 'pages/writing-diagrams');
    expect(html).not.toContain('Fragment');
    expect(html).not.toMatch(/<svg[^>]*id="ho-/);
    expect(html).toContain('flowchart');
  },
  'mermaid-doc-examples': (out) => {
    for (const p of readdirSync(join(out, 'pages'))) expect(article(out, `pages/${p}`), p).toMatch(/<svg[^>]*id="ho-/);
  },
  'mermaid-fence-capitalised': (out) => expect(article(out, 'procedures/standard/order')).toMatch(/<svg[^>]*id="ho-/),
  'mermaid-fence-in-list-item': (out) => expect(article(out, 'procedures/standard/order').match(/<svg[^>]*id="ho-/g)?.length).toBeGreaterThanOrEqual(2),
  'page-images': (out) => {
    const images = [...readdirSync(join(out, 'pages')).flatMap((p) => article(out, `pages/${p}`).match(/<img[^>]*src="([^"]+)"/g) ?? [])];
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const img of images) expect(existsSync(join(out, /src="([^"]+)"/.exec(img)![1]!))).toBe(true);
  },
  'deck-background-images': (out) => {
    expect(existsSync(join(out, 'decks/welcome/assets/hero.png'))).toBe(true);
    expect(existsSync(join(out, 'decks/welcome.pdf'))).toBe(true);
  },
  'marp-dollar-prices': (out) => {
    const deck = readFileSync(join(out, 'decks', readdirSync(join(out, 'decks')).find((d) => !d.includes('.'))!, 'index.html'), 'utf8');
    expect(deck).toContain('$1,200');
    expect(deck).not.toContain('<mjx-container');
  },
  'marp-math-katex': (out) => expect(readFileSync(join(out, 'decks', readdirSync(join(out, 'decks')).find((d) => !d.includes('.'))!, 'index.html'), 'utf8')).toContain('class="katex'),
  'marp-math-mathjax': (out) => expect(readFileSync(join(out, 'decks/order-totals/index.html'), 'utf8')).toContain('<mjx-container'),
};

describe('real material builds as its case pins', () => {
  it('pins how the material renders for cases that exist', () => {
    const names = new Set(realMaterialCases().map((c) => c.name));
    for (const name of Object.keys(renders)) expect(names.has(name), name).toBe(true);
  });

  it.each(realMaterialCases().map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const out = join(await tempDir('real'), 'site');
    const run = await runCli(['build', testCase.dir, '--out', out, '--today', '2026-09-30']);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output, 'no stack trace').not.toMatch(STACK_FRAME);
    if (testCase.expect === 'pass') {
      expect(run.code, output).toBe(0);
      renders[testCase.name]?.(out);
    } else {
      expect(run.code, output).toBe(1);
      const { file, line, code } = testCase.finding!;
      expect(run.stdout).toContain(`${file}:${line}  error  ${code}`);
      // The build speaks the package's language.
      const chinese = /^locale:\s*zh-CN/m.test(readFileSync(join(testCase.dir, 'handover.yaml'), 'utf8'));
      expect(run.stderr).toContain(chinese ? '交接包有错误，已拒绝生成' : 'build refused because the package has errors');
    }
  });
});
