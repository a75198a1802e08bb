import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { expandDeckEmbeds } from './deck-embeds.ts';
import { finding, type Finding } from './findings.ts';
import { marpHtmlAllowList, unsafeAttribute, unsafeElement } from './markup-policy.ts';
import type { DeckEntry, HandoverPackage } from './package.ts';
import { resolvePackagePath, type PackageAssets } from './package-paths.ts';
import { proseLines } from './prose-lines.ts';

/** A file a deck names: an image, a background, a `url(...)` in a directive or a style. */
export interface DeckAssetReference {
  path: string;
  line: number;
}

const IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g;
const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi;
const CSS_URL = /url\(\s*["']?([^"')]+?)["']?\s*\)/g;
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;


/** Every file a deck names, with its line; remote addresses included (the caller skips them). */
export function deckAssetReferences(deck: Pick<DeckEntry, 'raw'>): DeckAssetReference[] {
  return proseLines(deck.raw).flatMap(({ text, line }) => [...text.matchAll(IMAGE), ...text.matchAll(IMG_SRC), ...text.matchAll(CSS_URL)].map((match) => ({ path: match[1]!, line })));
}

/** Raw HTML outside the allow-list (README, Security); comments and `<style>` are Marp's own and allowed. */
function unsafeMarkup(deck: DeckEntry): Finding[] {
  const findings: Finding[] = [];
  for (const { text, line } of proseLines(deck.raw)) {
    const visible = text.replace(/<!--.*?-->/g, '');
    for (const tag of visible.matchAll(TAG)) {
      const name = tag[1]!;
      if (name.toLowerCase() === 'style') continue;
      if (unsafeElement(name)) {
        findings.push(finding('unsafe-html', { file: deck.file, line }, { reason: 'element', element: name }));
        continue;
      }
      for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
        const value = attribute[2]?.replace(/^["']|["']$/g, '') ?? null;
        const problem = unsafeAttribute(attribute[1]!, value);
        if (problem) findings.push(finding('unsafe-html', { file: deck.file, line }, { reason: 'attribute', element: name, problem }));
      }
    }
  }
  return findings;
}

/** What Marp renders of a deck: the HTML, and per slide the comments that are its presenter notes. */
export interface MarpRendering {
  html: string;
  comments: string[][];
}

/** Marp as the deck build runs it: marp-cli's own engine, with the portal's HTML allow-list. */
export function marpEngine(): { render(markdown: string): MarpRendering } {
  const fromCli = createRequire(createRequire(import.meta.url).resolve('@marp-team/marp-cli'));
  const { Marp } = fromCli('@marp-team/marp-core') as { Marp: new (options: object) => { render(markdown: string): MarpRendering } };
  return new Marp({ html: marpHtmlAllowList() });
}

let sharedEngine: ReturnType<typeof marpEngine> | undefined;

/**
 * Every problem of one deck the build would meet: unsafe markup, files it
 * names that are missing or outside the package, and a deck Marp cannot
 * render once its embeds are expanded (`deck-invalid`).
 */
export function checkDeck(deck: DeckEntry, pkg: HandoverPackage, assets: PackageAssets, marp: { render(markdown: string): unknown }): Finding[] {
  const findings = unsafeMarkup(deck);
  for (const reference of deckAssetReferences(deck)) {
    const resolved = resolvePackagePath(deck.file, reference.path, assets);
    // The build converts decks to PDF and PPTX in a browser, which would fetch a remote image from the build machine.
    if (resolved.kind === 'remote' && /^https?:|^\/\//i.test(reference.path)) {
      findings.push(finding('outside-package', { file: deck.file, line: reference.line }, { reason: 'web-address', path: reference.path }));
    } else if (resolved.kind === 'outside') findings.push(finding('outside-package', { file: deck.file, line: reference.line }, { reason: 'leaves-package', what: 'file', path: reference.path }));
    else if (resolved.kind === 'missing') findings.push(finding('missing-file', { file: deck.file, line: reference.line }, { what: 'file', path: reference.path, lookedFor: resolved.path }));
  }
  let expanded: string;
  try {
    expanded = expandDeckEmbeds(deck, pkg, pkg.meta?.data.locale ?? 'en');
  } catch {
    // The embed check reports why an embed cannot be expanded.
    return findings;
  }
  const problem = renderProblem(expanded, marp);
  if (problem) findings.push(finding('deck-invalid', { file: deck.file, line: 1 }, { problem }));
  return findings;
}

/**
 * Rendering a deck takes Marp tens of milliseconds and gives the same answer
 * for the same text, so answers are kept by the text's hash (a few hundred at
 * most): checking a package again, or many packages sharing a deck, renders
 * each deck once.
 */
const rendered = new Map<string, string | undefined>();
const RENDERED_KEPT = 500;

function renderProblem(markdown: string, marp: { render(markdown: string): unknown }): string | undefined {
  const key = createHash('sha256').update(markdown).digest('hex');
  if (rendered.has(key)) return rendered.get(key);
  let problem: string | undefined;
  try {
    marp.render(markdown);
  } catch (cause) {
    problem = cause instanceof Error ? cause.message : String(cause);
  }
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, problem);
  return problem;
}

export function checkDecks(pkg: HandoverPackage, assets: PackageAssets): Finding[] {
  if (pkg.decks.length === 0) return [];
  // Rendering keeps no state between decks, so one engine serves every check of the process.
  const marp = (sharedEngine ??= marpEngine());
  return pkg.decks.flatMap((deck) => checkDeck(deck, pkg, assets, marp));
}
