import type { HandoverPackage } from './package.ts';
import { editDistance } from './suggest.ts';
import { plainText } from './text-diff.ts';

/**
 * Typo tolerance for the portal's search. Pagefind matches words and their
 * beginnings only, so "discont" finds nothing about discounts. The site
 * publishes the words of its own text (search-words.json, most frequent
 * first) and the search box corrects a word that is neither one of them nor
 * the beginning of one to the nearest that is.
 */

/** Letters of Latin script, four or more: Chinese needs no spelling help (it is typed by its sounds), and short words are too ambiguous. */
const WORD = /\p{Script=Latin}[\p{Script=Latin}'’-]{2,}\p{Script=Latin}/gu;

/** The words of everything the package publishes, lower case, most frequent first. */
export function searchVocabulary(pkg: HandoverPackage): string[] {
  const texts = [
    ...pkg.procedures.flatMap((p) => [p.data.title, p.data.description ?? '', plainText(p.body), ...(p.data.approvals ?? []).map((l) => l.action)]),
    ...pkg.pages.flatMap((p) => [p.data.title, plainText(p.body)]),
    ...pkg.customizations.flatMap((c) => [c.requirement?.data.title ?? '', plainText(c.requirement?.body ?? ''), plainText(c.implementation?.body ?? '')]),
    ...pkg.glossary.flatMap((g) => [g.data.term, g.data.definition, ...(g.data.aliases ?? [])]),
    ...pkg.conflicts.flatMap((c) => [c.data.title, c.data.legacyPractice, c.data.systemRule]),
    ...pkg.issues.flatMap((i) => [i.data.summary, i.data.details ?? '', i.data.solution ?? '']),
    ...pkg.decks.map((d) => d.data.title),
  ];
  const counts = new Map<string, number>();
  for (const text of texts) for (const [word] of text.toLowerCase().matchAll(WORD)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}

/** How far a typed word may be from the word meant: one slip in a short word, two in a long one. */
const tolerance = (word: string) => (word.length >= 7 ? 2 : 1);

/**
 * The query with each misspelt word replaced by the nearest word of the
 * vocabulary (the more frequent on a tie); undefined when nothing needed
 * correcting. A word is left as typed when it is a word of the site, the
 * beginning of one (the reader is still typing), or not Latin script.
 */
export function correctQuery(query: string, vocabulary: readonly string[]): string | undefined {
  const known = new Set(vocabulary);
  let changed = false;
  const corrected = query.replace(WORD, (typed) => {
    const word = typed.toLowerCase();
    if (known.has(word) || vocabulary.some((candidate) => candidate.startsWith(word))) return typed;
    let best: string | undefined;
    let bestDistance = tolerance(word) + 1;
    for (const candidate of vocabulary) {
      if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
      const distance = editDistance(word, candidate);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    if (best === undefined) return typed;
    changed = true;
    return best;
  });
  return changed ? corrected : undefined;
}
