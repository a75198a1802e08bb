import GithubSlugger from 'github-slugger';
import { finding, type Finding } from './findings.ts';
import type { DocumentEntry, HandoverPackage } from './package.ts';
import { approvalExportFiles } from './approval-export.ts';
import { approvalWorkbookFile } from './approval-workbook.ts';
import { deckFiles } from './decks.ts';
import { proseLines } from './prose-lines.ts';
import { docPath, routes } from './routes.ts';

/** A link written in a document body. */
export interface BodyLink {
  url: string;
  /** File line of the link. */
  line: number;
}

const MARKDOWN_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
// A footnote definition (`[^1]: text`) looks like a reference definition but names no address.
const REFERENCE_DEFINITION = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/;
const HTML_ANCHOR = /<a\s[^>]*\b(?:name|id)=["']([^"']+)["']/g;
const HTML_HREF = /\bhref=["']([^"']+)["']/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Every link of a Markdown/MDX body, outside code, with its file line. */
export function extractLinks(body: string, firstLine = 1): BodyLink[] {
  const links: BodyLink[] = [];
  for (const prose of proseLines(body, firstLine)) {
    // Images are files of the package, not pages (the document check follows those); a badge keeps its link.
    const line = prose.text.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
    const found = [...line.matchAll(MARKDOWN_LINK), ...line.matchAll(HTML_HREF)].map((match) => match[1]!);
    const reference = REFERENCE_DEFINITION.exec(line)?.[1];
    if (reference) found.push(reference);
    for (const url of found) links.push({ url, line: prose.line });
  }
  return links;
}

/** Heading anchors of a body, as Starlight's slugger makes them. */
export function headingAnchors(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) anchors.add(slugger.slug(heading[1]!.replace(/[*_`]|\[([^\]]*)\]\([^)]*\)/g, '$1')));
    // Pasted READMEs mark link targets with <a name="..."> as well as with headings.
    else if (!inFence) for (const match of line.matchAll(HTML_ANCHOR)) anchors.add(match[1]!);
  }
  return anchors;
}

/**
 * Every page the portal publishes for a package, with the anchors it is known
 * to have (undefined: anchors not known, any anchor accepted).
 */
export function publishedPages(pkg: HandoverPackage): Map<string, Set<string> | undefined> {
  const pages = new Map<string, Set<string> | undefined>();
  const documents: DocumentEntry<unknown>[] = [
    ...pkg.procedures,
    ...pkg.customizations.flatMap((c) => [c.requirement, c.implementation]).filter((doc) => doc !== undefined),
    ...pkg.pages,
  ];
  for (const doc of documents) pages.set(docPath(doc.file), headingAnchors(doc.body));
  for (const path of [routes.home, routes.customizations, routes.glossary, routes.approvals, routes.compare, routes.training, routes.closeout, routes.signOff, routes.handbook]) {
    pages.set(path, undefined);
  }
  pages.set(routes.conflicts, new Set(pkg.conflicts.map((c) => c.data.id.toLowerCase())));
  pages.set(routes.issues, new Set(pkg.issues.map((i) => i.data.id.toLowerCase())));
  if (pkg.masterData.length > 0) pages.set(routes.masterData, new Set(pkg.masterData.map((rule) => rule.data.id.toLowerCase())));
  for (const c of pkg.customizations) pages.set(routes.customization(c.id), undefined);
  for (const deck of pkg.decks) pages.set(routes.deck(deck.slug), undefined);
  for (const quiz of pkg.quizzes) for (const page of ['', 'paper/', 'answers/']) pages.set(`${routes.quiz(quiz.slug)}${page}`, undefined);
  for (const path of pkg.meta?.data.learningPaths ?? []) pages.set(routes.learningPath(path.id), undefined);
  return pages;
}

/** Files the build writes beside the pages, which documents may link to. */
function publishedFiles(pkg: HandoverPackage): Set<string> {
  // The names the build writes them under: the same helpers name the files and the links.
  return new Set([...Object.values(approvalExportFiles).map((file) => `/${file}`), `/${approvalWorkbookFile}`, '/check.json', '/handbook.pdf', ...pkg.decks.flatMap((d) => [deckFiles(d.slug).pdf, deckFiles(d.slug).pptx])]);
}

/**
 * `broken-link` for links in documents that lead to no page or anchor of the
 * portal. `visible` is the package as the public profile shows it: a public
 * document linking to an internal one would break in the public portal.
 */
export function checkLinks(pkg: HandoverPackage, visible: HandoverPackage): Finding[] {
  const all = publishedPages(pkg);
  const shown = publishedPages(visible);
  const files = publishedFiles(visible);
  const findings: Finding[] = [];
  const documents = [
    ...visible.procedures,
    ...visible.customizations.flatMap((c) => [c.requirement, c.implementation]).filter((doc) => doc !== undefined),
    ...visible.pages,
    ...visible.decks,
  ];
  for (const doc of documents) {
    const base = `http://portal${docPath(doc.file)}`;
    for (const link of extractLinks(doc.body, doc.bodyLine)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.url) || link.url.startsWith('//')) continue;
      const target = new URL(link.url, base);
      if (target.host !== 'portal') continue;
      const path = decodeURI(target.pathname);
      const page = path.endsWith('/') ? path : `${path}/`;
      const anchor = decodeURIComponent(target.hash.slice(1));
      const at = { file: doc.file, line: link.line };
      if (files.has(path)) continue;
      if (!shown.has(page)) {
        findings.push(finding('broken-link', at, { reason: all.has(page) ? 'internal-page' : 'no-page', url: link.url, page }));
        continue;
      }
      const anchors = shown.get(page);
      if (anchor && anchors && !anchors.has(anchor)) {
        findings.push(finding('broken-link', at, { reason: 'no-anchor', url: link.url, page, anchor }));
      }
    }
  }
  return findings;
}
