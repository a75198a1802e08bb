import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { labels as labelsOf } from '../../src/lib/i18n.ts';
import { approvalLabels } from '../../src/lib/i18n/approvals.ts';
import { learningLabels } from '../../src/lib/i18n/learning.ts';
import { toTraditional } from '../../src/lib/i18n/traditional.ts';
import { routes } from '../../src/lib/routes.ts';
import { checkDir, chineseDir, repoRoot } from '../support/package.ts';
import { buildPackage, launchBrowser, serveDir } from '../support/site.ts';
import { packageWords, untranslatedWords } from '../support/ui-language.ts';

let out: string;
let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  out = inject('chineseSite');
  server = await serveDir(out);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${server.url}/`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const dialog = () => page.locator('#starlight__search');
const resultLinks = () => dialog().locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a');

/** Types a query into Starlight's search dialog and waits for its results to load. */
async function search(term: string): Promise<string[]> {
  if (!(await dialog().isVisible())) await page.locator('button[data-open-modal]').click();
  await dialog().locator('input.pagefind-ui__search-input').fill(term);
  return settledResults(term);
}

/**
 * The result addresses once the search has settled: the message names the
 * term, every result has loaded, and nothing changes for a moment (the UI
 * debounces typing and filter clicks, so stale results linger briefly).
 */
async function settledResults(term: string): Promise<string[]> {
  const snapshot = async () => {
    const message = (await dialog().locator('.pagefind-ui__message').textContent()) ?? '';
    const loading = await dialog().locator('.pagefind-ui__result .pagefind-ui__loading').count();
    const links = await resultLinks().evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return { settled: message.includes(term) && loading === 0 && links.length > 0, key: `${message}|${links.join()}`, links };
  };
  const deadline = Date.now() + 10_000;
  let last = await snapshot();
  while (Date.now() < deadline) {
    await page.waitForTimeout(500);
    const next = await snapshot();
    if (next.settled && next.key === last.key) return next.links;
    last = next;
  }
  throw new Error(`the search for ${term} did not settle: ${last.key}`);
}

async function toggleFilter(name: string, value: string) {
  const block = dialog().locator('.pagefind-ui__filter-block', { has: page.locator('.pagefind-ui__filter-name', { hasText: name }) });
  if ((await block.getAttribute('open')) === null) await block.locator('summary').click();
  await block.locator('.pagefind-ui__filter-label', { hasText: new RegExp(`^${value} \\(`) }).click();
}

describe('search in the Chinese portal', () => {
  it('indexes the pages as Chinese with the extended (segmenting) Pagefind', () => {
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<html lang="zh-CN"/);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBeGreaterThan(20);
  });

  it.each([
    // Two pages are about the credit limit: the release procedure and the credit-control customization.
    ['信用额度', [routes.procedure('standard/credit-release'), `${routes.customization('customer-credit-control')}requirement/`]],
    ['样品', routes.procedure('sample/sample-order')],
    ['冲销', routes.procedure('return/billing-reversal')],
    // No procedure is named after the ex-factory price: its definition comes first.
    ['出厂价', routes.glossary],
    // The master-data rules say who may create payment terms.
    ['付款条件', routes.masterData],
  ])('finds %s on the right page first', async (term, expected) => {
    const results = await search(term);
    expect(typeof expected === 'string' ? [expected] : expected).toContain(results[0]);
  });

  it('narrows the results with the content type, order type and owner filters', async () => {
    const all = await search('出厂价');
    expect(all.length).toBeGreaterThan(4);
    expect(all.some((path) => !path.startsWith('/procedures/'))).toBe(true);

    await toggleFilter('内容类型', '作业规范');
    const procedures = await settledResults('出厂价');
    expect(procedures.length).toBeGreaterThan(1);
    expect(procedures.length).toBeLessThan(all.length);
    expect(procedures.every((path) => path.startsWith('/procedures/'))).toBe(true);

    await toggleFilter('订单类型', '新品订单');
    expect(await settledResults('出厂价')).toEqual([routes.procedure('new-product/new-product-order')]);

    await toggleFilter('订单类型', '新品订单');
    await toggleFilter('负责人', '销售经理');
    const owned = await settledResults('出厂价');
    expect(owned).toContain(routes.procedure('standard/sales-order'));
    expect(owned.length).toBeLessThan(procedures.length);
    await toggleFilter('负责人', '销售经理');
    await toggleFilter('内容类型', '作业规范');
  });

  it('shows each procedure result with its content type, order type, version and owner, and speaks Chinese throughout', async () => {
    const [href] = await search('冲销');
    const { pkg } = await checkDir(chineseDir);
    const hit = pkg.procedures.find((p) => routes.procedure(p.id) === href)!;
    const orderType = pkg.meta!.data.orderTypes.find((type) => type.id === hit.data.orderType)!.name;
    const first = dialog().locator('.pagefind-ui__result').first();
    // Pagefind shows the metadata in its own (code point) order.
    await expect.poll(async () => (await first.locator('.pagefind-ui__result-tag').allTextContents()).map((tag) => tag.trim()).sort()).toEqual(['内容类型: 作业规范', `订单类型: ${orderType}`, `版本: ${hit.data.version}`, '负责人: 财务经理'].sort());
    // Sub-results lead to the sections of the page that match.
    expect(await first.locator('.pagefind-ui__result-nested a').count()).toBeGreaterThan(0);
    const text = await dialog().innerText();
    expect(text).toContain('相关的结果');
    expect(text).toContain('内容类型');
    expect(untranslatedWords(text, packageWords(chineseDir))).toEqual([]);
  });

  it('indexes the procedure text, not the panel labels run into their values', async () => {
    const labels = labelsOf('zh-CN');
    const { pkg } = await checkDir(chineseDir);
    const fragments = readdirSync(join(out, 'pagefind', 'fragment')).map((name) => JSON.parse(gunzipSync(readFileSync(join(out, 'pagefind', 'fragment', name))).subarray(12).toString('utf8')) as { url: string; content: string });
    for (const procedure of pkg.procedures.filter((p) => p.data.audience !== 'internal')) {
      const fragment = fragments.find((f) => f.url === routes.procedure(procedure.id))!;
      // The index marks Chinese word boundaries with zero-width spaces; the text is read without them.
      const content = fragment.content.replace(/\u200b/g, '');
      expect(content.length, procedure.id).toBeGreaterThan(100);
      const orderType = pkg.meta!.data.orderTypes.find((type) => type.id === procedure.data.orderType)!.name;
      expect(content, procedure.id).not.toContain(`${labels('procedure.orderType')}${orderType}`);
      expect(content, procedure.id).not.toContain(`${labels('procedure.version')}${procedure.data.version}`);
    }
  });

  it('lists one sub-result per register record', async () => {
    await search('电话');
    const register = dialog().locator('.pagefind-ui__result', { has: page.locator(`a[href="${routes.conflicts}"]`) });
    const records = await register.locator('.pagefind-ui__result-nested a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).hash));
    // The records that mention the term, each linked by its own anchor.
    expect(records.filter((hash) => /^#cf-\d+$/.test(hash)).length).toBeGreaterThan(0);
  });
});

describe('search in the English portal', () => {
  it('searches a misspelt word as the word meant, finding its pages before anything else, and goes back to what was typed on request', async () => {
    const sample = await serveDir(inject('sampleSite'));
    const english = await browser.newPage();
    try {
      await english.goto(`${sample.url}/`);
      await english.locator('button[data-open-modal]').click();
      const box = english.locator('#starlight__search input.pagefind-ui__search-input');
      await box.fill('discont');
      const note = english.locator('.ho-search-correction');
      await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain('Showing results for “discount”.');
      expect(await box.inputValue()).toBe('discount');
      // The hits are about discounts: the glossary's definition of the term (never a letter heading) and the procedures.
      const hits = english.locator('.pagefind-ui__result a');
      await expect.poll(async () => (await hits.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''))).some((href) => href.startsWith('/procedures/')), { timeout: 10_000 }).toBe(true);
      const links = await hits.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
      expect(links.filter((href) => href.startsWith('/glossary/'))).not.toContainEqual(expect.stringMatching(/#letter-/));
      expect(links).toContain('/glossary/#term-discount');
      await note.getByRole('button', { name: 'Search for “discont” instead' }).click();
      expect(await box.inputValue()).toBe('discont');
      await english.waitForTimeout(1000);
      expect(await box.inputValue()).toBe('discont');

      // Slide text is searchable: a phrase written only on a slide finds its deck, shown as a deck.
      await box.fill('two deliveries');
      const deckHit = english.locator('.pagefind-ui__result', { has: english.locator('a[href^="/decks/order-basics"]') });
      await expect.poll(() => deckHit.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect((await deckHit.first().locator('.pagefind-ui__result-tag').allTextContents()).map((tag) => tag.trim())).toContain('Content type: Slide deck');
      // The hit leads to the deck at the slide that says it.
      const slideLink = await deckHit.first().locator('a[href*="#slide-"]').first().getAttribute('href');
      const slide = Number(/#slide-(\d+)$/.exec(slideLink ?? '')?.[1]);
      expect(slide).toBeGreaterThan(1);
      await english.goto(`${sample.url}${slideLink}`);
      await expect.poll(() => english.locator('.bespoke-marp-slide').evaluateAll((slides) => slides.findIndex((s) => s.classList.contains('bespoke-marp-active')) + 1)).toBe(slide);
    } finally {
      await english.close();
      await sample.close();
    }
  });
});

describe('the Traditional Chinese portal', () => {
  it('speaks Traditional Chinese throughout and finds a Traditional Chinese query top-1', async () => {
    const dir = join(repoRoot, 'tests/e2e/packages/zh-tw');
    const site = await buildPackage(dir);
    const served = await serveDir(site);
    const taiwan = await browser.newPage();
    try {
      await taiwan.goto(`${served.url}/`);
      expect(await taiwan.locator('html').getAttribute('lang')).toBe('zh-TW');
      // Every interface label the page shows is written in Traditional characters: none of the
      // characters our Simplified labels have and Traditional Chinese writes otherwise appear
      // (a character the package's own Traditional text uses, such as the 准 of 核准, is both).
      const authored = new Set(readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((file) => (/\.(ya?ml|mdx?)$/.test(file) ? [...readFileSync(join(dir, file), 'utf8')] : [])));
      const simplifiedOnly = new Set(
        [...Object.values(learningLabels['zh-CN']), ...Object.values(approvalLabels['zh-CN'])]
          .join('')
          .split('')
          .filter((char) => toTraditional(char) !== char && !authored.has(char)),
      );
      for (const path of ['/', routes.approvals, routes.glossary, routes.procedure('standard/rush-order'), routes.learningPath('order-desk')]) {
        await taiwan.goto(`${served.url}${path}`);
        const text = await taiwan.locator('body').innerText();
        expect([...text].filter((char) => simplifiedOnly.has(char)), path).toEqual([]);
      }
      // The glossary is ordered by zhuyin, under its initials.
      await taiwan.goto(`${served.url}${routes.glossary}`);
      const letters = await taiwan.locator('.ho-glossary-group > h2').allTextContents();
      expect(letters.length).toBeGreaterThan(3);
      expect(letters.every((letter) => /^[\u3105-\u3129A-Z#]$/.test(letter))).toBe(true);
      // Search finds the one procedure that says so, first.
      await taiwan.locator('button[data-open-modal]').click();
      await taiwan.locator('#starlight__search input.pagefind-ui__search-input').fill('折讓單須由財務經理簽核');
      const first = taiwan.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a').first();
      await expect.poll(async () => new URL((await first.getAttribute('href').catch(() => null)) ?? '/', served.url).pathname, { timeout: 10_000 }).toBe(routes.procedure('return/return-order'));
      const dialogText = await taiwan.locator('#starlight__search').innerText();
      expect(dialogText).not.toContain('搜索');
      expect(dialogText).not.toContain('结果');
    } finally {
      await taiwan.close();
      await served.close();
    }
  });
});
