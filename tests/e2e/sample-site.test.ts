import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILD_MARKER } from '../../src/lib/output-guard.ts';
import { docPath } from '../../src/lib/routes.ts';
import { checkDir, repoRoot, sampleDir } from '../support/package.ts';
import { launchBrowser, runCli, serveDir } from '../support/site.ts';

let out: string;
let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Browser;

beforeAll(async () => {
  out = inject('sampleSite');
  server = await serveDir(out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageFile = (path: string) => join(out, path, 'index.html');

describe('the built sample portal', () => {
  it('offers "Report a problem" on every page: an e-mail to the contact with the report template and the page', () => {
    // The portal's pages; the decks' own presentations have no portal footer.
    const pages = readdirSync(out, { recursive: true }).map(String).filter((file) => file.endsWith('index.html') && !file.startsWith('decks/'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const href = /<p class="ho-report[^"]*"[^>]*><a href="([^"]+)"/.exec(readFileSync(join(out, file), 'utf8'))?.[1];
      expect(href, file).toMatch(/^mailto:crm-keyusers@verholt\.example\?subject=/);
      const mail = new URL(href!.replace(/&amp;/g, '&'));
      expect(mail.searchParams.get('body'), file).toContain(`Page: /${file.replace(/index\.html$/, '')}`);
      expect(mail.searchParams.get('body')).toContain('What happened:');
    }
  });

  it('sums up the issue log: by category and month, the median days to resolution and the oldest open issues', async () => {
    const { pkg } = await checkDir(sampleDir);
    const published = pkg.issues.filter((i) => i.data.audience !== 'internal');
    const issues = readFileSync(pageFile('/issues/'), 'utf8');
    const open = published.filter((i) => i.data.status === 'open').length;
    const cells = [...issues.matchAll(/<tr data-category="([a-z]+)"[^>]*><th[^>]*>[^<]*<\/th><td[^>]*>(\d+)<\/td><td[^>]*>(\d+)<\/td>/g)];
    expect(cells.reduce((sum, match) => sum + Number(match[2]), 0)).toBe(open);
    expect(cells.reduce((sum, match) => sum + Number(match[3]), 0)).toBe(published.length - open);
    expect(issues).toMatch(/data-median="\d+(\.5)?"/);
    expect(issues).toContain('co-issue-oldest');
  });

  it('has the master-data rules as a matrix, a section per rule and a handbook chapter', async () => {
    const { pkg } = await checkDir(sampleDir);
    const page = readFileSync(pageFile('/master-data/'), 'utf8');
    expect([...page.matchAll(/<tr data-rule="([^"]+)"/g)].map((match) => match[1])).toEqual(pkg.masterData.map((rule) => rule.data.id));
    // Payment terms: only the finance controller creates them.
    expect(page).toMatch(/<tr data-rule="MD-02">[\s\S]*?<td data-role="finance-controller" data-rights="owner create change">/);
    expect(readFileSync(pageFile('/handbook/'), 'utf8')).toContain('hb-chapter--masterdata');
  });

  it("shows an issue's screenshot evidence on the issue log, published beside it", () => {
    const issues = readFileSync(pageFile('/issues/'), 'utf8');
    const src = /<ul class="ho-evidence"[^>]*>\s*<li[^>]*><a href="([^"]+)"[^>]*><img src="\1"/.exec(issues)?.[1];
    expect(src).toBe('/issues/evidence/evidence/ISS-001-change-order-greyed-out.png');
    expect(readFileSync(join(out, src!))).toEqual(readFileSync(join(sampleDir, 'evidence/ISS-001-change-order-greyed-out.png')));
  });

  it('printed no warning the author cannot act on while the examples were built', () => {
    for (const log of inject('buildLogs')) {
      expect(log).not.toMatch(/\[WARN\]/);
      expect(log).not.toContain('EBADENGINE');
    }
  });

  it('was made from one reading of the package, as its build marker records', () => {
    const marker = JSON.parse(readFileSync(join(out, BUILD_MARKER), 'utf8')) as { packageReads: number; profile: string };
    expect(marker).toMatchObject({ packageReads: 1, profile: 'public' });
  });

  it('has a page per procedure, customization document, register and free page', async () => {
    const { pkg } = await checkDir(sampleDir);
    const published = [
      ...pkg.procedures.filter((p) => p.data.audience !== 'internal').map((p) => p.file),
      ...pkg.customizations.flatMap((c) => [c.requirement!.file, c.implementation!.file]),
      ...pkg.pages.map((p) => p.file),
    ];
    expect(published.length).toBeGreaterThan(15);
    for (const file of published) expect(existsSync(pageFile(docPath(file))), file).toBe(true);
    for (const c of pkg.customizations) expect(existsSync(pageFile(`/customizations/${c.id}/`))).toBe(true);
    for (const path of ['/conflicts/', '/issues/', '/customizations/', '/glossary/', '/']) expect(existsSync(pageFile(path)), path).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'check.json'), 'utf8')).summary.errors).toBe(0);
  });

  it('opens a procedure with its panel, approval table and revision history, with no console error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
    await page.goto(`${server.url}/procedures/standard/sales-order/`);
    const panel = page.locator('.ho-panel').first();
    await expect.poll(() => panel.textContent()).toContain('Customer Service Clerk');
    expect(await panel.textContent()).toContain('Key procedure');
    const approvals = page.locator('.ho-approvals');
    expect(await approvals.textContent()).toContain('> 5 % – ≤ 12 %');
    expect(await approvals.textContent()).toContain('Sold at ex-factory price');
    expect(await page.locator('#revision-history').count()).toBe(1);
    // The sidebar lists order types in handover.yaml's order.
    const groups = await page.locator('nav[aria-label] details summary').allTextContents();
    const order = ['Standard sales order', 'Order change', 'Order reversal', 'New-product order', 'Sample order'].map((name) => groups.findIndex((g) => g.includes(name)));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks an overdue review date', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/procedures/standard/credit-hold-release/`);
    expect(await page.locator('.ho-overdue').textContent()).toContain('overdue');
    await page.close();
  });

  it('renders the registers with all their records', async () => {
    const { pkg } = await checkDir(sampleDir);
    const conflicts = readFileSync(pageFile('/conflicts/'), 'utf8');
    for (const c of pkg.conflicts) expect(conflicts).toContain(c.data.id);
    const issues = readFileSync(pageFile('/issues/'), 'utf8');
    for (const i of pkg.issues.filter((issue) => issue.data.audience !== 'internal')) expect(issues).toContain(i.data.id);
    const tests = readFileSync(pageFile('/customizations/web-order-import/'), 'utf8');
    expect(tests).toContain('ho-result-fail');
  });
});

describe('handover build', () => {
  it('refuses a package with errors and leaves the previous output untouched', async () => {
    const marker = join(out, 'previous-build.txt');
    writeFileSync(marker, 'kept');
    const before = readdirSync(out).sort();
    const broken = join(repoRoot, 'tests/e2e/packages/unknown-role');
    const run = await runCli(['build', broken, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('unknown-role');
    expect(run.stderr).toContain('build refused');
    expect(readdirSync(out).sort()).toEqual(before);
    expect(readFileSync(marker, 'utf8')).toBe('kept');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });
});
