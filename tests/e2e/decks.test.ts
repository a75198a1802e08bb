// Decks in the built portal: bespoke HTML, PDF and PPTX with every slide and
// the presenter notes, Chinese glyphs, embeds that follow the procedure, and
// the training page that links them.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { marpEngine } from '../../src/lib/deck-check.ts';
import { deckFiles } from '../../src/lib/decks.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { readPackageDir } from '../../src/lib/package-files.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { routes } from '../../src/lib/routes.ts';
import { chineseDir, repoRoot, sampleDir } from '../support/package.ts';
import { launchBrowser, runCli, serveDir, tempDir } from '../support/site.ts';

const embedsDir = join(repoRoot, 'tests/e2e/packages/deck-embeds');

/** The public decks of a package, with their slides' presenter notes as Marp sees them. */
async function publicDecks(dir: string) {
  const pkg = applyProfile(loadPackage(await readPackageDir(dir)).pkg, 'public');
  return pkg.decks.map((deck) => {
    const { comments } = marpEngine().render(deck.raw);
    return { deck, files: deckFiles(deck.slug), slides: comments.length, notes: comments.map((slide) => slide.join('\n').trim()) };
  });
}

function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} not found: install poppler-utils (apt-get install -y poppler-utils)`);
    throw cause;
  }
}

const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [file]))?.[1]);

/**
 * Glyph programs of the PDF's Type 3 fonts. Chromium embeds CFF-based
 * OpenType fonts such as Noto Sans CJK as Type 3 fonts, one program per
 * glyph used; text drawn as "tofu" boxes would use one .notdef glyph for
 * every character instead, so the count tells real glyphs from boxes.
 */
function type3Glyphs(file: string): number {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  const streams = [text];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    try {
      streams.push(inflateSync(bytes.subarray(start, text.indexOf('endstream', start))).toString('latin1'));
    } catch {
      // Not a deflated stream (an image, say): it holds no font dictionaries.
    }
  }
  return [...streams.join('\n').matchAll(/\/CharProcs\s*<<([^>]*)>>/g)].reduce((sum, match) => sum + (match[1]!.match(/\d+\s+\d+\s+R/g)?.length ?? 0), 0);
}

/** Builds with extra environment variables (e.g. HANDOVER_CHROMIUM=none) into a fresh temp dir. */
async function buildWith(dir: string, env: NodeJS.ProcessEnv) {
  const out = join(await tempDir('decks'), 'dist');
  const run = await runCli(['build', dir, '--out', out, '--today', '2026-09-30'], env);
  if (run.code !== 0) throw new Error(`build of ${dir} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return { out, log: `${run.stdout}${run.stderr}` };
}

let out: string;
let zhOut: string;
let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Browser;

beforeAll(async () => {
  out = inject('sampleSite');
  zhOut = inject('chineseSite');
  server = await serveDir(out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('decks built with Chromium', () => {
  it('publish every public deck as a presentation, PDF, PPTX and thumbnail', async () => {
    const decks = await publicDecks(sampleDir);
    expect(decks.length).toBeGreaterThan(0);
    for (const { files } of decks) {
      for (const path of [`${files.presentation}index.html`, files.pdf, files.pptx, files.thumbnail]) expect(existsSync(join(out, path)), path).toBe(true);
      expect(readFileSync(join(out, files.thumbnail)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('give each PDF one page per slide, in English and Chinese', async () => {
    for (const [dir, root] of [[sampleDir, out], [chineseDir, zhOut]] as const) {
      for (const { files, slides } of await publicDecks(dir)) expect(pdfPages(join(root, files.pdf)), files.pdf).toBe(slides);
    }
  });

  it('give each PPTX one slide per slide and the presenter notes', async () => {
    for (const { files, slides, notes } of await publicDecks(sampleDir)) {
      const zip = await JSZip.loadAsync(readFileSync(join(out, files.pptx)));
      const names = Object.keys(zip.files);
      expect(names).toContain('[Content_Types].xml');
      expect(names.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)), files.pptx).toHaveLength(slides);
      const notesXml = await Promise.all(names.filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
      expect(notesXml.length).toBe(notes.filter(Boolean).length);
      const allNotes = notesXml.join('\n');
      for (const note of notes.filter(Boolean)) {
        // The note's opening words, up to the first character XML would escape.
        const opening = /^[^"'&<>]{1,40}/.exec(note)![0];
        expect(allNotes, files.pptx).toContain(opening);
      }
    }
  });

  it('show Chinese glyphs, not boxes, in the Chinese PDF', async () => {
    const [first] = await publicDecks(chineseDir);
    const pdf = join(zhOut, first!.files.pdf);
    const fonts = poppler('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Every font is embedded (column "emb"), so the reader's machine needs no CJK font.
    for (const font of fonts) expect(font).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const text = poppler('pdftotext', [pdf, '-']);
    expect(text).toContain(first!.deck.data.title);
    const distinctHan = new Set(text.match(/\p{Script=Han}/gu)).size;
    expect(distinctHan).toBeGreaterThan(50);
    expect(type3Glyphs(pdf)).toBeGreaterThanOrEqual(distinctHan);
  });

  it('draw a flow diagram as the same SVG as the procedure page, as a file beside the deck,, and the approval table from the procedure', () => {
    const deck = readFileSync(join(out, routes.deck('order-basics'), 'index.html'), 'utf8');
    const procedure = readFileSync(join(out, routes.procedure('standard/sales-order'), 'index.html'), 'utf8');
    // Diagram SVG ids derive from the cache key (source, mermaid version, theme): equal ids, equal pictures.
    // The deck shows each drawing as an SVG file beside it (raw SVG would need Marp's --html).
    const drawings = [...deck.matchAll(/src="(diagrams\/[0-9a-f]+\.svg)"/g)].map((match) => readFileSync(join(out, routes.deck('order-basics'), match[1]!), 'utf8'));
    const deckIds = new Set(drawings.flatMap((svg) => svg.match(/<svg[^>]*id="(ho-[0-9a-f]+)"/g) ?? []));
    const pageIds = new Set(procedure.match(/<svg[^>]*id="(ho-[0-9a-f]+)"/g));
    expect(deckIds.size).toBeGreaterThan(0);
    expect([...deckIds].some((id) => pageIds.has(id))).toBe(true);
    expect(deck).not.toContain('{{');
    expect(deck).toContain('&gt; 5 % – ≤ 12 %');
    expect(deck).toContain('Sold at ex-factory price');
  });

  it('present full screen with on-screen controls, presenter view and overview', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${routes.deck('order-basics')}`);
    for (const control of ['fullscreen', 'overview', 'presenter']) expect(await page.locator(`.bespoke-marp-osc button[data-bespoke-marp-osc="${control}"]`).count(), control).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#2');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the training page', () => {
  it('lists every deck with its first slide, its files and the procedures it covers', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${routes.training}`);
    const decks = await publicDecks(sampleDir);
    for (const { deck, files } of decks) {
      const card = page.locator(`.ho-deck[data-deck="${deck.slug}"]`);
      expect(await card.locator('h3').textContent()).toBe(deck.data.title);
      const thumbnail = card.locator('img.ho-deck__cover');
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      const links = await card.locator('.ho-deck__links a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links).toEqual([files.presentation, files.pdf, files.pptx]);
      for (const link of links) expect((await fetch(`${server.url}${link}`)).status, link!).toBe(200);
      const covered = await card.locator('.ho-inline-list a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(covered).toEqual(deck.data.covers.map((id) => routes.procedure(id)));
    }
    await page.close();
  });

  it('lists the quizzes with question count and pass mark, and the learning paths', async () => {
    const pkg = applyProfile(loadPackage(await readPackageDir(sampleDir)).pkg, 'public');
    const html = readFileSync(join(out, routes.training, 'index.html'), 'utf8');
    for (const quiz of pkg.quizzes) {
      const row = new RegExp(`<tr data-quiz="${quiz.slug}"[^>]*>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row).toContain(`href="${routes.quiz(quiz.slug)}"`);
      expect(row).toContain(`>${quiz.data.questions.length}</td>`);
      expect(row).toContain(`>${quiz.data.passMark} %</td>`);
      expect(existsSync(join(out, routes.quiz(quiz.slug), 'index.html')), quiz.slug).toBe(true);
    }
    for (const path of pkg.meta!.data.learningPaths ?? []) {
      expect(html).toContain(`href="${routes.learningPath(path.id)}"`);
      expect(existsSync(join(out, routes.learningPath(path.id), 'index.html')), path.id).toBe(true);
    }
  });

  it('speaks Chinese in the Chinese portal', () => {
    const html = readFileSync(join(zhOut, routes.training, 'index.html'), 'utf8');
    for (const label of ['培训课件', '打开演示', '测验', '学习路径', '涉及流程']) expect(html).toContain(label);
    for (const english of ['Open presentation', 'Slide decks', 'Pass mark', 'Procedures covered']) expect(html).not.toContain(english);
  });
});

describe('decks of a small package', () => {
  it('follow the procedure: a changed band shows in the rebuilt deck', async () => {
    const dir = join(await tempDir('deck-embeds'), 'pkg');
    cpSync(embedsDir, dir, { recursive: true });
    const env = { HANDOVER_CHROMIUM: 'none' };
    const first = await buildWith(dir, env);
    const deckPage = (root: string) => readFileSync(join(root, routes.deck('basics'), 'index.html'), 'utf8');
    expect(deckPage(first.out)).toContain('≤ 5 %');

    const file = join(dir, 'procedures/standard/order.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('upTo: 5', 'upTo: 8').replace('over: 5', 'over: 8'));
    const second = await buildWith(dir, env);
    expect(deckPage(second.out)).toContain('≤ 8 %');
    expect(deckPage(second.out)).toContain('&gt; 8 %');
    expect(deckPage(second.out)).not.toContain('≤ 5 %');
  });

  it('a rebuild copies unchanged deck files and the handbook from the cache, and makes changed ones anew', async () => {
    const dir = join(await tempDir('deck-embeds'), 'pkg');
    cpSync(embedsDir, dir, { recursive: true });
    // Info-level output, where the build says what it took from the cache.
    const env = { HANDOVER_CACHE_DIR: await tempDir('cache'), HANDOVER_QUIET: '' };
    const basics = deckFiles('basics');
    const files = (root: string) => [basics.pdf, basics.pptx, basics.thumbnail, 'handbook.pdf'].map((path) => readFileSync(join(root, path)));

    const cold = await buildWith(dir, env);
    expect(cold.log).not.toMatch(/from the cache/);
    const warm = await buildWith(dir, env);
    expect(warm.log).toMatch(/1 decks: HTML, PDF, PPTX and thumbnails in \d+ ms, 1 unchanged from the cache/);
    expect(warm.log).toContain('handbook.pdf: unchanged, from the cache');
    expect(files(warm.out)).toEqual(files(cold.out));

    const file = join(dir, 'procedures/standard/order.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('upTo: 5', 'upTo: 8').replace('over: 5', 'over: 8'));
    const changed = await buildWith(dir, env);
    expect(changed.log).not.toMatch(/from the cache/);
    // pdftotext drops the narrow spaces of "≤ 8 %".
    for (const pdf of [basics.pdf, 'handbook.pdf']) {
      const text = poppler('pdftotext', [join(changed.out, pdf), '-']).replace(/\s+/g, '');
      expect(text, pdf).toContain('≤8%');
      expect(text, pdf).not.toContain('≤5%');
    }
  });

  it('without Chromium: HTML only, said once, and the training page links nothing that is missing', async () => {
    const { out: built, log } = await buildWith(embedsDir, { HANDOVER_CHROMIUM: 'none' });
    const basics = deckFiles('basics');
    expect(existsSync(join(built, basics.presentation, 'index.html'))).toBe(true);
    for (const path of [basics.pdf, basics.pptx, basics.thumbnail]) expect(existsSync(join(built, path)), path).toBe(false);
    expect(log.match(/no chromium/gi)).toHaveLength(1);
    const training = readFileSync(join(built, routes.training, 'index.html'), 'utf8');
    expect(training).toContain('ho-deck__cover--card');
    expect(training).not.toMatch(/href="[^"]+\.(pdf|pptx)"/);
    // Internal decks stay out of the public profile.
    expect(existsSync(join(built, routes.deck('trainer-notes')))).toBe(false);
    expect(training).not.toContain('Trainer preparation');
  });

  it('refuses a deck that embeds what its procedure does not have, naming the deck line', async () => {
    const dir = join(await tempDir('deck-embeds'), 'pkg');
    cpSync(embedsDir, dir, { recursive: true });
    const deck = join(dir, 'decks/basics.md');
    writeFileSync(deck, readFileSync(deck, 'utf8').replace('{{flow standard/order}}', '{{flow standard/ordr}}'));
    const run = await runCli(['check', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/decks\/basics\.md:17 {2}error {2}unknown-procedure {2}\{\{flow standard\/ordr\}\}: procedure "standard\/ordr" does not exist; did you mean "standard\/order"\?/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });
});
