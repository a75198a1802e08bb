import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import { deckAssetReferences } from '../lib/deck-check.ts';
import { expandDeckEmbeds } from '../lib/deck-embeds.ts';
import { deckFiles } from '../lib/decks.ts';
import { extractDiagrams, replaceDiagrams } from '../lib/diagrams.ts';
import { labels } from '../lib/i18n.ts';
import { progressStorageKey } from '../lib/learning.ts';
import { deckProgressScript } from './deck-progress.ts';
import { searchableDeckHtml } from './deck-search.ts';
import { orderTypesOf, searchFacets } from '../lib/search-facets.ts';
import type { DeckEntry } from '../lib/package.ts';
import { resolvePackagePath } from '../lib/package-paths.ts';
import { artifactKey, browserIdentity, makerSource, type ArtifactCache } from './artifact-cache.ts';
import type { SiteModel } from './build-model-store.ts';
import type { DeckWorkerInput, DeckWorkerMessage } from './deck-worker.ts';
import { accessibleTitle, diagramHtml, printableSvg } from './diagram-html.ts';
import type { DiagramRenderer } from './diagram-renderer.ts';
import { projectRoot } from './project-root.ts';
import { cacheRoot } from './settings.ts';

const require = createRequire(import.meta.url);
const THEME = fileURLToPath(new URL('../styles/decks/handover.css', import.meta.url));
const WORKER = new URL('./deck-worker.ts', import.meta.url);
const MARP_CONFIG = fileURLToPath(new URL('./marp.config.mjs', import.meta.url));

/** The files a deck names, by path relative to the deck: drawn diagrams and the package's images. */
type DeckFileSet = Map<string, Uint8Array>;

/** The formats that need a browser, one marp-cli run each; the PPTX carries the presenter notes. */
const BROWSER_CONVERSIONS = [['--pdf', '--pdf-outlines'], ['--pptx'], ['--image', 'png', '--image-scale', '0.5']];
/** More Chromiums than this cost more memory than they save time. */
const MAX_WORKERS = 4;

/**
 * What every deck needs whatever its theme: screen-reader text stays
 * invisible. Marp applies a <style> element of the deck to all slides.
 */
const DECK_STYLE = '<style>.sr-only { display: none; }</style>';

/**
 * Publishes every deck of the profile: the bespoke HTML presentation at
 * `decks/<slug>/`, and with a Chromium also `decks/<slug>.pdf`, `.pptx` and
 * `.png` (the first slide, for the training page). Embeds are expanded from
 * the procedures and diagrams come from the site's renderer and cache, so a
 * slide shows exactly what the procedure page shows. Conversions run in
 * parallel workers, one Chromium each; any failure fails the build, so the
 * training page never links to a file that is not there. A deck whose
 * prepared Markdown did not change gets its browser files from the artifact
 * cache instead.
 */
export async function buildDecks(model: SiteModel, renderer: DiagramRenderer, artifacts: ArtifactCache, outDir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const { pkg, locale } = model;
  if (pkg.decks.length === 0) return;
  const started = Date.now();
  const decksDir = join(fileURLToPath(outDir), 'decks');
  // Work files live in the cache, which a build may write; a killed build's are removed by the next.
  const work = join(cacheRoot(projectRoot), `deck-work-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  try {
    const expanded = pkg.decks.map((deck) => ({ deck, name: basename(deckFiles(deck.slug).base), text: expandDeckEmbeds(deck, pkg, locale) }));
    await renderDiagrams(expanded, renderer);
    const decks = await Promise.all(expanded.map(async ({ deck, name, text }) => ({ name, slug: deck.slug, source: deck.file, covers: deck.data.covers, ...(await prepareDeck(deck, text, renderer, locale, model)) })));
    const pending = decks.filter((d) => d.markdown.includes('class="ho-mermaid"'));
    await mkdir(decksDir, { recursive: true });
    // The HTML deck is published at decks/<name>/, so the files it names go beside it there.
    for (const deck of decks) await writeDeckFiles(join(decksDir, deck.name), deck.files);

    const browserPath = renderer.chromiumPath;
    const sharedArgs = ['--config-file', MARP_CONFIG, '--allow-local-files', '--theme-set', THEME, ...(browserPath ? ['--browser', 'chrome', '--browser-path', browserPath] : [])];
    // A deck whose browser files are in the artifact cache is not converted in a browser again.
    const keyOf = browserPath ? await browserFilesKey(browserPath) : undefined;
    const toConvert: ((typeof decks)[number] & { key: string })[] = [];
    if (keyOf) {
      for (const deck of decks) {
        const key = keyOf(deck.markdown + filesDigest(deck.files));
        if (!(await artifacts.restore(key, browserFiles(deck.name), decksDir))) toConvert.push({ ...deck, key });
      }
    }
    const reused = keyOf ? decks.length - toConvert.length : 0;
    const groups = balance(toConvert, Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, toConvert.length)));
    const total = decks.length + toConvert.length * BROWSER_CONVERSIONS.length;
    let written = 0;
    const progress = (file: string) => logger.info(`decks [${++written}/${total}] ${file}`);

    // When one conversion fails the others are stopped at once, with their browsers, instead of running on.
    const workers = new Set<Worker>();
    try {
      await Promise.all([
        convert(await inputDir(work, 'html', decks), decks.map((deck) => deck.source), { decksDir, sharedArgs, conversions: [[]], logger, progress, workers }),
        ...groups.map(async (group, index) =>
          convert(await inputDir(work, `browser-${index}`, group), group.map((deck) => deck.source), { decksDir, sharedArgs, conversions: BROWSER_CONVERSIONS, logger, progress, workers }),
        ),
      ]);
    } finally {
      await Promise.all([...workers].map((worker) => worker.terminate()));
    }
    // marp-cli names the presentation <name>.html; the contract publishes it as a folder page.
    // Each carries the script that marks it studied in the reader's learning paths once its last slide is shown.
    const storageKey = progressStorageKey(pkg.meta?.data.title ?? '');
    for (const { name, slug, covers } of decks) {
      await mkdir(join(decksDir, name), { recursive: true });
      const html = await readFile(join(decksDir, `${name}.html`), 'utf8');
      const published = searchableDeckHtml(html, searchFacets(pkg, { types: ['deck'], orderTypes: orderTypesOf(pkg, covers) }));
      await writeFile(join(decksDir, name, 'index.html'), published.replace('</body>', `${deckProgressScript(storageKey, `deck:${slug}`)}</body>`));
      await rm(join(decksDir, `${name}.html`));
    }
    if (pending.length > 0) await addClientDiagrams(decksDir, pending.map((d) => d.name));
    for (const deck of toConvert) await artifacts.store(deck.key, browserFiles(deck.name), decksDir);

    // Without a browser the build has already said, once, that PDF and PPTX are left out.
    const formats = browserPath ? 'HTML, PDF, PPTX and thumbnails' : 'HTML';
    const reuse = reused > 0 ? `, ${reused} unchanged from the cache` : '';
    logger.info(`${decks.length} decks: ${formats} in ${Date.now() - started} ms${groups.length > 1 ? ` with ${groups.length} Chromium workers` : ''}${reuse}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The bytes of every file a deck names, for the cache key of its browser files. */
function filesDigest(files: DeckFileSet): string {
  return [...files.keys()].sort().map((path) => `\0${path}\0${createHash('sha256').update(files.get(path)!).digest('hex')}`).join('');
}

async function writeDeckFiles(dir: string, files: DeckFileSet) {
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}

/** The files a browser makes of a deck, relative to the decks folder. */
function browserFiles(name: string): string[] {
  return [`${name}.pdf`, `${name}.pptx`, `${name}.png`];
}

/**
 * The artifact-cache key of a deck's browser files, from its prepared
 * Markdown and everything else they are made from: the theme, marp-cli, the
 * conversions, the browser, and this module and its worker.
 */
async function browserFilesKey(browserPath: string): Promise<(markdown: string) => string> {
  const marpVersion = (JSON.parse(await readFile(require.resolve('@marp-team/marp-cli/package.json'), 'utf8')) as { version: string }).version;
  const fixed = [await readFile(THEME, 'utf8'), marpVersion, JSON.stringify(BROWSER_CONVERSIONS), await browserIdentity(browserPath), await makerSource(import.meta.url), await makerSource(WORKER.href)];
  return (markdown) => artifactKey(...fixed, markdown);
}

/**
 * The deck as Marp gets it: embeds expanded, each mermaid fence replaced by
 * the portal's diagram HTML, the portal theme unless the deck chose one, the
 * UI language for CJK glyph selection, and the rules of DECK_STYLE.
 */
async function prepareDeck(deck: DeckEntry, expanded: string, renderer: DiagramRenderer, locale: string, model: SiteModel): Promise<{ markdown: string; files: DeckFileSet }> {
  const title = labels(locale)('diagram.title');
  const files: DeckFileSet = new Map();
  // Each drawn diagram is an SVG file beside the deck, shown as an image: raw SVG would need Marp's --html.
  const withDiagrams = await replaceDiagrams(expanded, async (diagram) => {
    const svg = await renderer.cached(diagram.source);
    if (!svg) return (await diagramHtml(renderer, diagram.source, diagram.caption, title)).replace(/\n\s*\n/g, '\n');
    const path = `diagrams/${createHash('sha256').update(diagram.source.trim()).digest('hex').slice(0, 16)}.svg`;
    files.set(path, Buffer.from(printableSvg(svg)));
    return `![${accessibleTitle(diagram.source, diagram.caption, title).replace(/[[\]]/g, '')}](${path})`;
  });
  // Images and backgrounds the deck names come along at the same relative path (the check vetted them).
  for (const reference of deckAssetReferences(deck)) {
    const resolved = resolvePackagePath(deck.file, reference.path, model.assets);
    if (resolved.kind === 'file') files.set(posix.normalize(reference.path.split(/[?#]/)[0]!), await readFile(join(model.settings.dir, resolved.path)));
  }
  const directives = [deck.data.theme === undefined && 'theme: handover', deck.data.lang === undefined && `lang: ${locale}`].filter(Boolean);
  const markdown = withDiagrams.replace(/^(\uFEFF?---[ \t]*\r?\n)/, `$1${directives.map((line) => `${line}\n`).join('')}`).replace(/(\n---[ \t]*\r?\n)/, `$1\n${DECK_STYLE}\n`);
  return { markdown, files };
}

/**
 * Renders the diagrams of all decks, embedded flows included, in one batch.
 * They are normally in the cache already: the build rendered every diagram
 * of the package before the pages, and an embedded flow is a procedure's.
 */
async function renderDiagrams(decks: { deck: DeckEntry; text: string }[], renderer: DiagramRenderer) {
  if (!renderer.chromiumPath) return;
  const failures = await renderer.renderAll(decks.flatMap(({ text }) => extractDiagrams(text).map((diagram) => diagram.source)));
  if (failures.length === 0) return;
  const where = failures.map((failure) => {
    const owner = decks.find(({ text }) => extractDiagrams(text).some((diagram) => diagram.source.trim() === failure.source));
    return `${owner?.deck.file ?? '?'}  mermaid-invalid  ${failure.message}`;
  });
  throw new Error(`deck diagrams that mermaid cannot render:\n${where.join('\n')}`);
}

/** Writes decks into a fresh folder of the work directory, for one marp-cli input directory. */
async function inputDir(work: string, name: string, decks: { name: string; markdown: string; files: DeckFileSet }[]): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  for (const deck of decks) {
    await writeFile(join(dir, `${deck.name}.md`), deck.markdown);
    await writeDeckFiles(dir, deck.files);
  }
  return dir;
}

/** Splits decks into `count` groups of about equal work, by slide count, largest first. */
function balance<T extends { markdown: string }>(decks: T[], count: number): T[][] {
  const slides = (deck: T) => deck.markdown.split(/\n---[ \t]*\n/).length;
  const groups = Array.from({ length: count }, () => ({ decks: [] as T[], load: 0 }));
  for (const deck of [...decks].sort((a, b) => slides(b) - slides(a))) {
    const lightest = groups.reduce((min, group) => (group.load < min.load ? group : min));
    lightest.decks.push(deck);
    lightest.load += slides(deck);
  }
  return groups.map((group) => group.decks).filter((group) => group.length > 0);
}

interface Conversion {
  decksDir: string;
  sharedArgs: string[];
  conversions: string[][];
  logger: AstroIntegrationLogger;
  progress: (file: string) => void;
  /** Every worker started, so a failure elsewhere can stop this one. */
  workers: Set<Worker>;
}

/**
 * Runs marp-cli in a worker thread over one input folder; rejects with
 * marp-cli's message, naming the package's deck files the folder holds, when
 * a conversion fails.
 */
function convert(input: string, sources: string[], { decksDir, sharedArgs, conversions, logger, progress, workers }: Conversion): Promise<void> {
  const data: DeckWorkerInput = { inputDir: input, outputDir: decksDir, sharedArgs, conversions };
  // CHROME_DISABLE_GPU: marp-cli's Chromium gets the same --disable-gpu as every other browser of the build.
  const worker = new Worker(WORKER, { workerData: data, env: { ...process.env, CHROME_DISABLE_GPU: '1' } });
  workers.add(worker);
  return new Promise((resolve, reject) => {
    let failure: string | undefined;
    worker.on('message', (message: DeckWorkerMessage) => {
      if (message.kind === 'written') progress(message.file);
      else if (message.kind === 'warning') logger.warn(`decks: ${message.message}`);
      else failure = message.message;
    });
    worker.on('error', reject);
    worker.on('exit', () => {
      workers.delete(worker);
      if (failure === undefined) resolve();
      else reject(new Error(`deck conversion of ${sources.join(', ')} failed: ${failure}`));
    });
  });
}

/**
 * Without a Chromium at build time, diagrams arrive as mermaid sources; like
 * the portal's pages, those presentations draw them in the viewer's browser,
 * with mermaid published once beside the decks.
 */
async function addClientDiagrams(decksDir: string, names: string[]) {
  await copyFile(require.resolve('mermaid/dist/mermaid.min.js'), join(decksDir, 'mermaid.min.js'));
  const loader = `<script src="../mermaid.min.js"></script><script>mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' }); mermaid.run({ querySelector: 'pre.ho-mermaid' });</script>`;
  for (const name of names) {
    const file = join(decksDir, name, 'index.html');
    await writeFile(file, (await readFile(file, 'utf8')).replace('</body>', `${loader}</body>`));
  }
}
