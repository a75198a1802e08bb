import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveDir } from '../support/site.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Site {
  name: string;
  out: string;
  server: Awaited<ReturnType<typeof serveDir>>;
}

const sites: Site[] = [];
let browser: Browser;

beforeAll(async () => {
  for (const [name, out] of [['sample', inject('sampleSite')], ['zh-cn', inject('chineseSite')]] as const) {
    sites.push({ name, out, server: await serveDir(out) });
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const site of sites) await site.server.close();
});

/** Every page of a built site, as its address. */
function pagesOf(out: string): string[] {
  return readdirSync(out, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith('decks/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

/** The file a site address is served from, or undefined. */
function fileFor(out: string, path: string): string | undefined {
  const direct = join(out, decodeURIComponent(path));
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(direct, 'index.html');
  return existsSync(index) ? index : undefined;
}

describe.each(['sample', 'zh-cn'])('the built %s portal', (name) => {
  const site = () => sites.find((s) => s.name === name)!;

  it('has no broken internal link or anchor', () => {
    const { out } = site();
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
      return ids.get(file)!;
    };
    for (const page of pagesOf(out)) {
      const html = readFileSync(fileFor(out, page)!, 'utf8');
      for (const [, attribute, url] of html.matchAll(/\s(href|src)="([^"]+)"/g)) {
        if (/^([a-z]+:|\/\/|#$)/i.test(url!) || url!.startsWith('data:')) continue;
        const target = new URL(url!.replace(/&amp;/g, '&'), `http://portal${page}`);
        if (target.host !== 'portal') continue;
        const file = fileFor(out, target.pathname);
        if (!file) {
          broken.push(`${page}: ${attribute}="${url}" (no such file)`);
          continue;
        }
        const anchor = decodeURIComponent(target.hash.slice(1));
        if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken.push(`${page}: ${url} (no anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads every page with no console error, no failed request and nothing from outside the portal', async () => {
    const { out, server } = site();
    const page = await browser.newPage();
    const problems: string[] = [];
    let current = '';
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : (problems.push(`${current}: left the origin: ${route.request().url()}`), route.abort())));
    page.on('console', (message) => message.type() === 'error' && problems.push(`${current}: console: ${message.text()}`));
    page.on('requestfailed', (request) => problems.push(`${current}: failed: ${request.url()}`));
    page.on('response', (response) => response.status() >= 400 && problems.push(`${current}: ${response.status()} ${response.url()}`));
    page.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
    for (const path of pagesOf(out).filter((p) => p !== '/404.html')) {
      current = path;
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390-pixel phone on every page: nothing scrolls sideways, and the title is never cut', async () => {
    const { out, server } = site();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const wide: string[] = [];
    for (const path of pagesOf(out).filter((p) => p !== '/404.html')) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width}px`);
    }
    expect(wide).toEqual([]);
    const title = await page.evaluate(() => {
      const span = document.querySelector<HTMLElement>('.site-title span');
      return span && { scroll: span.scrollWidth, client: span.clientWidth };
    });
    expect(title!.scroll).toBeLessThanOrEqual(title!.client);
    await page.close();
  });
});

describe('a desktop screen', () => {
  it('shows every test-record table whole at 1400 pixels, without a scrollbar of its own', async () => {
    const overflowing: string[] = [];
    let tables = 0;
    for (const { out, server } of sites) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      for (const path of pagesOf(out).filter((p) => /^\/customizations\/[^/]+\/$/.test(p))) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        const boxes = await page.locator('.ho-scroll:has(table.ho-tests)').evaluateAll((scrolls) => scrolls.map((box) => ({ scroll: box.scrollWidth, client: box.clientWidth })));
        tables += boxes.length;
        for (const box of boxes) if (box.scroll > box.client) overflowing.push(`${path}: ${box.scroll}px in ${box.client}px`);
      }
      await page.close();
    }
    expect(tables).toBeGreaterThanOrEqual(4);
    expect(overflowing).toEqual([]);
  });
});

/** The pages the issue names for the accessibility audit. */
function auditedPages(out: string): string[] {
  const pages = pagesOf(out);
  const first = (prefix: string) => pages.find((p) => p.startsWith(prefix) && p !== prefix);
  return ['/', '/procedures/standard/sales-order/', '/approvals/', '/closeout/', first('/quizzes/'), '/training/'].filter((p): p is string => p !== undefined);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('accessibility', () => {
  it('axe finds no serious or critical violation on the key pages, in light and dark themes', async () => {
    const { out, server } = sites.find((s) => s.name === 'sample')!;
    const pages = auditedPages(out);
    expect(pages).toHaveLength(6);
    const found: string[] = [];
    for (const theme of ['light', 'dark']) {
      const page = await browser.newPage();
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      for (const path of pages) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        for (const violation of await seriousViolations(page)) found.push(`${theme} ${path}: ${violation}`);
      }
      await page.close();
    }
    expect(found).toEqual([]);
  });
});

it('builds every page of both packages', () => {
  for (const site of sites) expect(pagesOf(site.out).length, site.name).toBeGreaterThan(30);
});
