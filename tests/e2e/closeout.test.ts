/**
 * The closeout area end to end: a package with planted gaps
 * (packages/closeout-gaps) and the sample are built; the closeout page must
 * list exactly what `handover check --json` reports, the handbook PDF must
 * hold every published procedure with its diagrams and a numbered contents,
 * and the registers, traceability and sign-off pages must show their data.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLOSEOUT_CODES } from '../../src/lib/completeness.ts';
import { extractDiagrams } from '../../src/lib/diagrams.ts';
import { checkDir, sampleDir } from '../support/package.ts';
import { buildPackage, launchBrowser, runCli, serveDir, tempDir } from '../support/site.ts';

const gapsDir = join(import.meta.dirname, 'packages', 'closeout-gaps');
const today = '2026-09-30';

interface Site {
  out: string;
  server: Awaited<ReturnType<typeof serveDir>>;
}
const sites: Record<'gaps' | 'sample' | 'gapsWithoutDiagrams', Site> = {} as never;
let browser: Browser;

beforeAll(async () => {
  // The same package with every diagram taken out, to show that the diagrams are what fills the handbook's pages.
  const plain = join(await tempDir('no-diagrams'), 'package');
  await cp(gapsDir, plain, { recursive: true });
  for (const { file } of (await checkDir(plain)).pkg.procedures) {
    const text = await readFile(join(plain, file), 'utf8');
    await writeFile(join(plain, file), text.replace(/```mermaid\n[\s\S]*?```\n/g, 'No diagram.\n'));
  }
  expect((await checkDir(plain)).pkg.procedures.flatMap((p) => extractDiagrams(p.body))).toEqual([]);
  // It is also a package with history: signed off as it is, then a limit lowered and a text changed under the same version.
  const git = (...args: string[]) => execFileSync('git', ['-C', plain, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Signed off');
  git('tag', 'signed-off');
  const entry = join(plain, 'procedures/standard/order-entry.mdx');
  await writeFile(entry, (await readFile(entry, 'utf8')).replace('version: "1.2"', 'version: "1.3"').replace('      - upTo: 5\n', '      - upTo: 4\n').replace('      - over: 5\n', '      - over: 4\n'));
  const override = join(plain, 'procedures/standard/price-override.mdx');
  await writeFile(override, `${await readFile(override, 'utf8')}\nA price override is never keyed on a rush order.\n`);
  await writeFile(join(plain, 'handover.yaml'), `${await readFile(join(plain, 'handover.yaml'), 'utf8')}baseline: signed-off\n`);
  for (const [name, dir] of [['gaps', gapsDir], ['sample', undefined], ['gapsWithoutDiagrams', plain]] as const) {
    const out = dir === undefined ? inject('sampleSite') : await buildPackage(dir);
    sites[name] = { out, server: await serveDir(out) };
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site?.server.close();
});

async function open(site: Site, path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

/** `code file:line` of every closeout finding `handover check --json` prints. */
async function checkedItems(dir: string): Promise<string[]> {
  const run = await runCli(['check', dir, '--json', '--today', today]);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { findings: { code: string; file: string; line?: number }[] };
  return report.findings.map((f) => `${f.code} ${f.file}:${f.line ?? ''}`).sort();
}

/** The closeout part of those findings: what the checklist reports. */
async function checklistFindings(dir: string): Promise<string[]> {
  return (await checkedItems(dir)).filter((line) => CLOSEOUT_CODES.has(line.split(' ')[0] as never));
}

/** `code file:line` of every row of the closeout page that carries a finding: its open items and its further findings. */
async function dashboardItems(page: Page): Promise<string[]> {
  const rows = await page.locator('tr.co-item[data-code], tr.co-finding').evaluateAll((elements) =>
    elements.map((row) => `${row.getAttribute('data-code')} ${row.getAttribute('data-file')}:${row.getAttribute('data-line') ?? ''}`),
  );
  return rows.sort();
}

/** The text of a PDF, or of one page; `layout` keeps lines as printed (a contents line with its page number). */
function pdfText(file: string, page?: number, layout = false): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

describe('handover check and /closeout/ on a package with planted gaps', () => {
  it('check reports exactly the planted gaps', async () => {
    expect(await checklistFindings(gapsDir)).toEqual([
      'conflict-check-overdue conflicts.yaml:14',
      'customization-missing-tests customizations/label-print/:',
      'deck-uncovered procedures/rush/rush-order.mdx:1',
      'issue-open issues.yaml:15',
      'missing-procedure handover.yaml:19',
      'review-overdue procedures/standard/price-override.mdx:7',
      'test-failed customizations/price-check/tests.yaml:11',
    ]);
  });

  it.each(['gaps', 'sample'] as const)('/closeout/ of the %s package shows every finding of check --json and of the build\'s check.json, and nothing else', async (name) => {
    const page = await open(sites[name], '/closeout/');
    const shown = await dashboardItems(page);
    expect(shown).toEqual(await checkedItems(name === 'gaps' ? gapsDir : sampleDir));
    const built = JSON.parse(readFileSync(join(sites[name].out, 'check.json'), 'utf8')) as { findings: { code: string; file: string; line?: number }[] };
    expect(shown).toEqual(built.findings.map((f) => `${f.code} ${f.file}:${f.line ?? ''}`).sort());
    await page.close();
  });

  it('lists overdue items first, links each to its page and names the file to fix', async () => {
    const page = await open(sites.gaps, '/closeout/');
    const statuses = await page.locator('tr.co-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses.slice(0, 2)).toEqual(['overdue', 'overdue']);
    expect(statuses.indexOf('failed')).toBe(2);
    const review = page.locator('tr.co-item[data-code="review-overdue"]');
    expect(await review.locator('a').getAttribute('href')).toBe('/procedures/standard/price-override/');
    expect(await review.locator('.co-location').textContent()).toBe('procedures/standard/price-override.mdx:7');
    expect(await page.locator('tr.co-item[data-code="test-failed"] a').getAttribute('href')).toBe('/customizations/price-check/#test-pc-t02');
    expect(await page.locator('tr.co-item[data-code="conflict-check-overdue"] a').getAttribute('href')).toBe('/conflicts/#cf-1');
    // The open issue without a solution is a finding of its own.
    expect(await page.locator('tr.co-item[data-code="issue-open"]').allTextContents()).toEqual([expect.stringContaining('ISS-2')]);
    expect(await page.locator('tr.co-item:not([data-code])').count()).toBe(0);
    await page.close();
  });

  it('shows a labelled progress bar per part with its score', async () => {
    const page = await open(sites.gaps, '/closeout/');
    const bars = page.getByRole('progressbar');
    expect(await bars.count()).toBe(5);
    const named = await bars.evaluateAll((elements) =>
      elements.map((bar) => `${document.getElementById(bar.getAttribute('aria-labelledby')!)!.textContent} ${(bar as HTMLProgressElement).value}`),
    );
    expect(named).toEqual(['Work standards 75', 'Customization material 78', 'Conflict register 50', 'Training material 50', 'Issue log 50']);
    expect(await page.getByRole('progressbar', { name: 'Training material' }).getAttribute('aria-describedby')).toBeTruthy();
    await page.close();
  });
});

describe('handbook.pdf', () => {
  const pdf = () => join(sites.gaps.out, 'handbook.pdf');

  it('has a cover and a contents page listing every published procedure, and no internal one', () => {
    expect(existsSync(pdf())).toBe(true);
    expect(pdfText(pdf(), 1)).toContain('Gapfield Handover Package');
    expect(pdfText(pdf(), 1)).toContain('Gapfield Industrial Ltd');
    const contents = pdfText(pdf(), 2);
    expect(contents).toContain('Contents');
    for (const title of ['Order entry', 'Price override', 'Rush order handling', 'Price floor check', 'CF-1 Rush orders phoned', 'Glossary']) expect(contents).toContain(title);
    expect(pdfText(pdf())).not.toContain('Margin floor table');
  });

  it('puts each procedure on its own page, at the page number the contents gives', () => {
    const contents = pdfText(pdf(), 2, true);
    for (const [number, title] of [['1.1.1', 'Order entry'], ['1.1.2', 'Price override'], ['1.2.1', 'Rush order handling']] as const) {
      const listed = new RegExp(`${number.replace(/\./g, '\\.')}\\s+${title}\\s+(\\d+)\\s*$`, 'm').exec(contents);
      expect(listed, `${number} ${title} in the contents`).not.toBeNull();
      const onPage = pdfText(pdf(), Number(listed![1]), true).replace(/\s+/g, ' ');
      expect(onPage, `page ${listed![1]}`).toContain(`${number} ${title}`);
    }
  });

  it('shows the diagrams: their labels are text of the PDF, and they take pages of their own', () => {
    const text = pdfText(pdf()).replace(/\s+/g, ' ');
    for (const label of ['Receive purchase order', 'Credit check passed?', 'Agree special price', 'Same-day pick']) expect(text).toContain(label);
    const plain = join(sites.gapsWithoutDiagrams.out, 'handbook.pdf');
    expect(pdfText(plain)).not.toContain('Same-day pick');
    expect(pdfPages(pdf())).toBeGreaterThan(pdfPages(plain));
  });

  it('numbers every page in the footer', () => {
    const pages = pdfPages(pdf());
    expect(pdfText(pdf(), pages)).toContain(`Page ${pages} of ${pages}`);
  });

  it('is offered for download from the handbook page, which holds the same document', async () => {
    const page = await open(sites.gaps, '/handbook/');
    expect(await page.locator('a[href="/handbook.pdf"]').count()).toBe(1);
    expect(await page.locator('.hb-procedure').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-procedure')))).toEqual([
      'standard/order-entry',
      'standard/price-override',
      'rush/rush-order',
    ]);
    // Bodies keep their diagrams and approval tables; headings and ids fit the one document.
    expect(await page.locator('.hb-procedure figure.ho-diagram .ho-diagram-drawing svg').count()).toBe(3);
    // The rush order and the price override state no ladder of their own: they show the one they inherit from the order entry, marked so.
    expect(await page.locator('.hb-procedure h5', { hasText: 'Approval authority' }).count()).toBe(3);
    for (const variant of ['rush/rush-order', 'standard/price-override']) {
      expect(await page.locator(`[data-procedure="${variant}"] [data-inherited="approvals"]`).textContent()).toBe('inherited from Order entry');
    }
    const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
    expect(ids.length).toBe(new Set(ids).size);
    // A link to another procedure of the handbook leads to its section.
    expect(await page.locator('[data-procedure="rush/rush-order"] a', { hasText: 'order entry' }).first().getAttribute('href')).toBe('#hb-procedure-standard-order-entry');
    await page.close();
  });
});

describe('changes since the baseline', () => {
  it('shows on the closeout page what changed since the signed-off revision, and the sign-off sheet names it', async () => {
    const page = await open(sites.gapsWithoutDiagrams, '/closeout/');
    const section = page.locator('section.co-changes');
    expect(await section.getAttribute('data-baseline')).toBe('signed-off');
    expect(await section.locator('h2').textContent()).toBe('Changes since signed-off');
    const ladder = section.locator('.co-change-ladder[data-procedure="standard/order-entry"]');
    expect(await ladder.locator('tr[data-change="changed"]').allInnerTexts()).toEqual([expect.stringMatching(/Band 1\s+≤ 5 %: .+\s+≤ 4 %: /), expect.stringMatching(/Band 2\s+> 5 %: .+\s+> 4 %: /)]);
    expect(await section.locator('li[data-procedure="standard/price-override"] .ho-badge--warn').textContent()).toMatch(/^changed, still version /);
    expect(await section.locator('li[data-procedure="standard/order-entry"]').count()).toBe(1);
    expect(await page.locator('starlight-toc a', { hasText: 'Changes since signed-off' }).count()).toBe(1);
    // The text changed under the same version is a finding of the check, on the page too.
    expect(await page.locator('tr.co-finding[data-code="version-not-bumped"]').getAttribute('data-file')).toBe('procedures/standard/price-override.mdx');
    await page.close();
    const sheet = await open(sites.gapsWithoutDiagrams, '/closeout/sign-off/');
    expect(await sheet.locator('.co-sheet-head a[href="/closeout/#changes-since"]').textContent()).toBe('signed-off');
    await sheet.close();
  });
});

describe('sign-off sheet', () => {
  it('lists every published procedure with its version and the fingerprint of its source file', async () => {
    const page = await open(sites.gaps, '/closeout/sign-off/');
    const rows = await page.locator('tr[data-procedure]').evaluateAll((elements) =>
      elements.map((row) => ({
        id: row.getAttribute('data-procedure')!,
        fingerprint: row.getAttribute('data-fingerprint')!,
        shown: row.querySelector('.co-fingerprint code')!.textContent,
        title: row.querySelector('.co-fingerprint')!.getAttribute('title'),
        blanks: [...row.querySelectorAll('td.co-blank')].map((cell) => cell.textContent),
      })),
    );
    expect(rows.map((row) => row.id)).toEqual(['standard/order-entry', 'standard/price-override', 'rush/rush-order']);
    for (const row of rows) {
      const expected = createHash('sha256').update(readFileSync(join(gapsDir, 'procedures', `${row.id}.mdx`))).digest('hex');
      expect(row.fingerprint).toBe(expected);
      expect(row.shown).toBe(expected.slice(0, 12));
      expect(row.title).toContain(expected);
      expect(row.blanks).toEqual(['', '', '']);
    }
    await page.close();
  });

  it('covers the customizations with their acceptance tests and the registers, each with its fingerprints', async () => {
    const page = await open(sites.gaps, '/closeout/sign-off/');
    const { pkg } = await checkDir(gapsDir);
    expect(await page.locator('tr[data-customization]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-customization')))).toEqual(pkg.customizations.map((c) => c.id));
    const priceCheck = page.locator('tr[data-customization="price-check"]');
    const records = pkg.customizations.find((c) => c.id === 'price-check')!.tests!.records.map((r) => r.data.result);
    expect(await priceCheck.textContent()).toContain(`${records.filter((r) => r === 'pass').length} passed, ${records.filter((r) => r === 'fail').length} failed`);
    const files = await priceCheck.locator('.co-fingerprint').evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-file'), cell.querySelector('code')!.textContent]));
    expect(files.map(([file]) => file)).toContain('customizations/price-check/tests.yaml');
    for (const [file, shown] of files) expect(shown).toBe(createHash('sha256').update(readFileSync(join(gapsDir, file!))).digest('hex').slice(0, 12));
    expect(await page.locator('tr[data-customization="label-print"]').textContent()).toContain('no test records');
    expect(await page.locator('tr[data-register]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-register')))).toEqual(['conflicts.yaml', 'issues.yaml']);
    await page.close();
  });

  it('prints the day it is printed, the full fingerprints and no words meant for the screen', async () => {
    const page = await open(sites.gaps, '/closeout/sign-off/');
    await page.emulateMedia({ media: 'print' });
    const text = await page.locator('.co-signoff').innerText();
    expect(text).not.toContain('Hover');
    expect(await page.locator('.co-signoff button').isVisible()).toBe(false);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(await page.locator('[data-print-date]').textContent()).toBe(day);
    expect(text).toMatch(/Portal built on\s*2026-09-30/i);
    const hash = createHash('sha256').update(readFileSync(join(gapsDir, 'procedures/standard/order-entry.mdx'))).digest('hex');
    expect(text.replace(/\s/g, '')).toContain(hash);
    await page.close();
  });
});

describe('traceability and registers', () => {
  it('traces each customization in one row and flags the unexcused failure', async () => {
    const page = await open(sites.gaps, '/customizations/');
    const flagged = page.locator('tr.ho-row-alert');
    expect(await flagged.getAttribute('data-customization')).toBe('price-check');
    expect(await flagged.textContent()).toContain('1 failed without waiver');
    expect(await flagged.textContent()).toContain('The floor is checked per line, not per order.');
    expect(await page.locator('tr[data-customization="label-print"]').textContent()).toContain('no test records');
    const detail = await open(sites.gaps, '/customizations/price-check/');
    expect(await detail.locator('.co-alert a').textContent()).toBe('PC-T02');
    expect(await detail.locator('#test-pc-t02').getAttribute('class')).toContain('ho-row-alert');
    expect((await detail.locator('#test-pc-t03').getAttribute('class')) ?? '').not.toContain('ho-row-alert');
    await page.close();
    await detail.close();
  });

  it('shows on a procedure page the customizations, conflicts and known issues that touch it', async () => {
    const page = await open(sites.gaps, '/procedures/rush/rush-order/');
    expect(await page.locator('#ho-customizations + ul').textContent()).toContain('Rush label printing');
    expect(await page.locator('.co-context--conflicts').textContent()).toContain('The clerk phoned the warehouse');
    expect(await page.locator('.co-context--issues a').getAttribute('href')).toBe('/issues/#iss-1');
    const other = await open(sites.gaps, '/procedures/standard/price-override/');
    expect(await other.locator('.co-context--customizations').textContent()).toContain('The floor is checked per line');
    await page.close();
    await other.close();
  });

  it('flags the overdue follow-up check on the conflict timeline', async () => {
    const page = await open(sites.gaps, '/conflicts/');
    const overdue = page.locator('#cf-1 ~ .co-timeline li[data-overdue]');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.textContent()).toContain('2026-09-01');
    expect(await overdue.textContent()).toContain('29 days overdue');
    await page.close();
  });

  it('filters the issue log by status and category, and shows everything without scripts', async () => {
    const page = await open(sites.gaps, '/issues/');
    const visible = () => page.locator('section[data-issue]:visible h2').allTextContents();
    expect(await visible()).toHaveLength(2);
    await page.getByLabel('Status').selectOption('open');
    expect(await visible()).toEqual(['ISS-2 · Floor missing for new product group']);
    expect(await page.getByRole('status').textContent()).toBe('1 of 2 issues shown.');
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Category').selectOption('system');
    expect(await visible()).toEqual(['ISS-1 · Rush labels print twice']);
    expect(page.url()).toContain('?category=system');
    await page.close();

    const noScript = await open(sites.gaps, '/issues/?status=open', { javaScriptEnabled: false });
    expect(await noScript.locator('section[data-issue]:visible').count()).toBe(2);
    expect(await noScript.locator('form[data-issue-filter]').isVisible()).toBe(false);
    await noScript.close();
  });

  it('puts each issue\'s solution into the search index', async () => {
    const page = await open(sites.gaps, '/issues/');
    // A string, so the test runner does not rewrite the browser's import().
    const subResults = await page.evaluate<string[]>(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('spooler');
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.flatMap((result) => result.sub_results.map((sub) => sub.url));
    })()`);
    expect(subResults).toContain('/issues/#iss-1');
    await page.close();
  });
});
