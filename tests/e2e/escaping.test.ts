import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/package.ts';
import { buildPackage, launchBrowser, serveDir, tempDir } from '../support/site.ts';

/** Markup an attacker (or a careless copy-paste) might put into a YAML field. */
const PAYLOAD = `</title><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
const QUOTED = JSON.stringify(PAYLOAD);

/**
 * Bodies that pass the check but look like attacks: markup shown as code, in
 * character references, as link text, and in a deck's code block.
 */
const BODY = [
  '',
  '## Shown, not run',
  '',
  '`<img src=x onerror="window.__pwned=1">` and &lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '',
  '```html',
  '<script>window.__pwned=1</script>',
  '<iframe srcdoc="<script>window.__pwned=1</script>"></iframe>',
  '```',
  '',
  '[javascript:window.__pwned=1](https://example.com/help)',
  '',
].join('\n');

/** Puts the payload into text fields of every YAML file and into the titles of documents. */
function plant(dir: string) {
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
  edit('handover.yaml', (t) => t.replace(/^title: .*$/m, `title: ${QUOTED}`).replace(/name: Catalogue order/, `name: ${QUOTED}`).replace(/title: Order desk basics/, `title: ${QUOTED}`));
  edit('roles.yaml', (t) => t.replace('name: Branch manager', `name: ${QUOTED}`));
  edit('glossary.yaml', (t) => t.replace(/definition: .*/, `definition: ${QUOTED}`));
  edit('conflicts.yaml', (t) => t.replace(/legacyPractice: .*/, `legacyPractice: ${QUOTED}`));
  edit('issues.yaml', (t) => t.replace(/summary: .*/, `summary: ${QUOTED}`));
  edit('customizations/lot-trace/tests.yaml', (t) => t.replace(/case: .*/, `case: ${QUOTED}`));
  edit('quizzes/order-desk.yaml', (t) => t.replace(/prompt: .*/, `prompt: ${QUOTED}`).replace(/explanation: .*/, `explanation: ${QUOTED}`));
  for (const file of readdirSync(join(dir, 'procedures'), { recursive: true }).map(String).filter((f) => f.endsWith('.mdx'))) {
    edit(`procedures/${file}`, (t) => `${t.replace(/^title: .*$/m, `title: ${QUOTED}`).replace(/action: .*/, `action: ${QUOTED}`).replace(/summary: .*/, `summary: ${QUOTED}`)}${BODY}`);
  }
  edit('decks/order-desk.md', (t) => `${t}\n---\n\n# Shown, not run\n${BODY}`);
}

let out: string;
let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Browser;

beforeAll(async () => {
  const dir = join(await tempDir('escape'), 'package');
  cpSync(join(repoRoot, 'tests/fixtures/good/other-package'), dir, { recursive: true });
  plant(dir);
  out = await buildPackage(dir);
  server = await serveDir(out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('markup in YAML fields', () => {
  it('is shown as text on every page and never runs', async () => {
    const pages = readdirSync(out, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${relative(out, join(out, file)).replace(/index\.html$/, '')}`);
    expect(pages.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned), path).toBeUndefined();
      expect(await page.locator('img[src="x"]').count(), path).toBe(0);
    }
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('is shown to the reader as the text that was written', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/conflicts/`);
    expect(await page.locator('main').textContent()).toContain(PAYLOAD);
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(scripts.filter((text) => text.includes('__pwned'))).toEqual([]);
    expect(await page.title()).toContain('</title>');
    await page.close();
  });
});
