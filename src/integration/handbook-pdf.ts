import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import type { Page } from 'playwright-core';
import { locateMarkers, pageMarker } from '../lib/handbook.ts';
import { escapeHtml } from '../lib/html.ts';
import { routes } from '../lib/routes.ts';
import { artifactKey, browserIdentity, makerSource, type ArtifactCache } from './artifact-cache.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

/** Where handbook.pdf is written in the built site. */
export const HANDBOOK_PDF = 'handbook.pdf';

/**
 * Prints the built /handbook/ page to `handbook.pdf` in headless Chromium,
 * with page numbers in the footer and in the table of contents.
 *
 * Chromium cannot fill `target-counter()`, so the contents are numbered in
 * two passes: the first print paints nothing but a marker at each section
 * heading (taking no room in the layout), pdftotext tells on which page
 * each marker landed, and the second print has the markers removed and the
 * page numbers written into the contents' page column, whose width is
 * reserved so that nothing moves.
 * Without Chromium nothing is printed (the diagram step has already said so
 * once); without pdftotext the PDF is printed with an unnumbered contents.
 * An unchanged handbook page is not printed again but copied from the
 * artifact cache.
 */
export async function writeHandbookPdf(outDir: URL, artifacts: ArtifactCache, logger: AstroIntegrationLogger): Promise<void> {
  const executablePath = findChromium();
  const root = fileURLToPath(outDir);
  const page = join(root, 'handbook', 'index.html');
  if (!executablePath || !existsSync(page)) return;
  // The page names its styles by content hash and holds its diagrams inline, so its HTML stands for everything printed.
  const key = artifactKey(
    await readFile(page),
    await browserIdentity(executablePath),
    await makerSource(import.meta.url),
    await makerSource(new URL('../lib/handbook.ts', import.meta.url).href),
    String(onPath('pdftotext')),
  );
  if (await artifacts.restore(key, [HANDBOOK_PDF], root)) {
    logger.info(`${HANDBOOK_PDF}: unchanged, from the cache`);
    return;
  }
  await printHandbook(root, executablePath, logger);
  await artifacts.store(key, [HANDBOOK_PDF], root);
}

/** Whether a program is on the PATH, without running it. */
function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, program)));
}

async function printHandbook(root: string, executablePath: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = Date.now();
  const server = await serveStatic(root);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // A handbook of a thousand procedures takes Chromium minutes to lay out and print, more while decks convert beside it.
    page.setDefaultTimeout(PRINT_TIMEOUT_MS);
    // The print reads the built site and nothing else: no address a document names is fetched.
    const origin = new URL(server.url).origin;
    await page.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.fallback() : route.abort('blockedbyclient')));
    await page.goto(`${server.url}${routes.handbook}`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const { footerTitle, footerPage, sections } = await prepareForPrint(page);
    const options = pdfOptions(footerTitle, footerPage);

    // Tags, outline and footer do not move anything on the page; the measuring print leaves them out.
    const pageTexts = onPath('pdftotext') ? await pdfPageTexts(await page.pdf(PAGE_LAYOUT)) : undefined;
    if (pageTexts === undefined) logger.warn('pdftotext (poppler-utils) not found: the contents of handbook.pdf have no page numbers.');
    const pages = pageTexts ? locateMarkers(pageTexts, sections) : new Map<number, number>();
    if (pageTexts && pages.size < sections) logger.warn(`handbook.pdf: ${sections - pages.size} of ${sections} contents entries could not be located; they have no page number.`);
    await fillPageNumbers(page, pages);
    const pdf = await page.pdf(options);
    await writeFile(join(root, HANDBOOK_PDF), pdf);
    logger.info(`${HANDBOOK_PDF}: ${pageTexts?.length ?? '?'} pages, ${pages.size} contents entries numbered, in ${Date.now() - started} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

const PRINT_TIMEOUT_MS = 20 * 60_000;

/** The paper: everything that decides where the pages break. */
const PAGE_LAYOUT = { format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' } } as const;

function pdfOptions(title: string, pageLabel: string) {
  const numbers = escapeHtml(pageLabel).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');
  // Header and footer templates do not see the page's styles; everything they need is inline.
  const footerTemplate = `<div style="font-size:8px;font-family:sans-serif;color:#555;width:100%;padding:0 16mm;display:flex;justify-content:space-between;"><span>${escapeHtml(title)}</span><span>${numbers}</span></div>`;
  return {
    ...PAGE_LAYOUT,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate,
    outline: true,
    tagged: true,
  } as const;
}

/**
 * Readies the page for the measuring print: waits for fonts, takes links to
 * portal pages out (they would point at this temporary server), puts a
 * marker at each heading the contents list, and hides all but the markers. Returns the footer texts and the number of entries.
 */
async function prepareForPrint(page: Page): Promise<{ footerTitle: string; footerPage: string; sections: number }> {
  const markers = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-hb-page]')].map((entry) => entry.dataset.hbPage!));
  return page.evaluate(
    async ({ anchors, texts }) => {
      await document.fonts.ready;
      for (const link of document.querySelectorAll<HTMLAnchorElement>('.hb-document a[href]')) {
        if (!link.getAttribute('href')!.startsWith('#')) link.removeAttribute('href');
      }
      anchors.forEach((anchor, index) => {
        const heading = document.getElementById(anchor);
        if (!heading) return;
        // Absolutely positioned inside the heading: printed on the heading's page, taking no room in the layout.
        heading.style.position = 'relative';
        const marker = document.createElement('span');
        marker.className = 'hb-measure-marker';
        marker.textContent = texts[index]!;
        marker.style.cssText = 'position:absolute;left:0;top:0;font-size:4px;line-height:1;color:#000;white-space:nowrap;';
        heading.append(marker);
      });
      // The measuring print paints only the markers. Hidden content keeps its place, so the pages break where they will in
      // the real print, and Chromium prints a third of the time without drawing text, tables and diagrams.
      const measuring = document.createElement('style');
      measuring.id = 'hb-measuring';
      measuring.textContent = 'body, body * { visibility: hidden !important; } .hb-measure-marker { visibility: visible !important; }';
      document.head.append(measuring);
      const documentElement = document.querySelector<HTMLElement>('.hb-document')!;
      return { footerTitle: documentElement.dataset.hbFooterTitle ?? document.title, footerPage: documentElement.dataset.hbFooterPage ?? '{page} / {pages}', sections: anchors.length };
    },
    { anchors: markers, texts: markers.map((_anchor, index) => pageMarker(index)) },
  );
}

/** Removes the markers and writes each located page number into the contents. */
async function fillPageNumbers(page: Page, pages: Map<number, number>): Promise<void> {
  await page.evaluate((located) => {
    for (const marker of document.querySelectorAll('.hb-measure-marker, #hb-measuring')) marker.remove();
    const numbers = new Map(located);
    document.querySelectorAll<HTMLElement>('[data-hb-page]').forEach((entry, index) => {
      const number = numbers.get(index);
      if (number !== undefined) entry.textContent = String(number);
    });
  }, [...pages]);
}

/** The text of each page of a PDF, via pdftotext; undefined when pdftotext is not installed. */
async function pdfPageTexts(pdf: Buffer): Promise<string[] | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'handover-handbook-'));
  try {
    const file = join(dir, 'measure.pdf');
    await writeFile(file, pdf);
    const text = await new Promise<string | undefined>((resolve, reject) => {
      execFile('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve(undefined);
        else if (error) reject(new Error(`pdftotext failed on the handbook: ${error.message}`));
        else resolve(stdout);
      });
    });
    // pdftotext ends every page with a form feed.
    return text?.split('\f').slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
