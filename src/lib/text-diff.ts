/**
 * Word-level differences and similarity of texts, language-aware (Chinese is
 * segmented into words), and the alignment of two lists by similarity: what
 * the procedure comparison marks and matches with.
 */

export type ChangeKind = 'same' | 'changed' | 'added' | 'removed';

/** A run of text in a word-level diff. */
export interface WordChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// ---------------------------------------------------------------------------
// Words

const segmenters = new Map<string, Intl.Segmenter>();

/** Words, spaces and punctuation of a text, in order; Chinese is split into words, not characters or sentences. */
function segments(text: string, locale: string): Intl.SegmentData[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return [...segmenter.segment(text)];
}

/** Inline Markdown reduced to the text a reader sees: no emphasis marks, link targets, code ticks or tags. */
export function plainText(markdown: string): string {
  // Escaped characters are set aside first, so `\*` survives the removal of emphasis marks.
  const escaped: string[] = [];
  return markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, (_, char: string) => `\uE000${escaped.push(char) - 1}\uE001`)
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*+/g, '')
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .replace(/\uE000(\d+)\uE001/g, (_, index: string) => escaped[Number(index)]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Length of the whitespace two texts share at their start. */
function sharedLeadingBlank(x: string, y: string): number {
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n] && /\s/.test(x[n]!)) n++;
  return n;
}

const reverse = (text: string) => [...text].reverse().join('');

/**
 * The word-level changes from one text to another (longest common
 * subsequence of words). A changed phrase reads as one deletion followed by
 * one insertion: a space between two changes belongs to both, and spaces on
 * both sides of a change stay outside it ("[-list-]{+the quoted+} price").
 */
export function wordDiff(before: string, after: string, locale = 'en'): WordChange[] {
  const a = segments(before, locale).map((s) => s.segment);
  const b = segments(after, locale).map((s) => s.segment);
  const pairs = align(a, b, (x, y) => (x === y ? 1 : undefined));

  // Split into unchanged text and changed regions (removed and added text side by side).
  const parts: ({ same: string } | { removed: string; added: string })[] = [];
  const isChange = (pair: Aligned<string> | undefined) => pair !== undefined && (pair.base === undefined || pair.variant === undefined);
  pairs.forEach((pair, index) => {
    const last = parts.at(-1);
    const unchanged = !isChange(pair);
    const blankBetweenChanges = unchanged && pair.base!.trim() === '' && last !== undefined && !('same' in last) && isChange(pairs[index + 1]);
    if (unchanged && !blankBetweenChanges) {
      if (last && 'same' in last) last.same += pair.base!;
      else parts.push({ same: pair.base! });
      return;
    }
    const region = last && !('same' in last) ? last : { removed: '', added: '' };
    if (region !== last) parts.push(region);
    region.removed += pair.base ?? '';
    region.added += pair.variant ?? '';
  });

  const changes: WordChange[] = [];
  const push = (kind: WordChange['kind'], text: string) => {
    if (text === '') return;
    const last = changes.at(-1);
    if (last?.kind === kind) last.text += text;
    else changes.push({ kind, text });
  };
  for (const part of parts) {
    if ('same' in part) {
      push('same', part.same);
      continue;
    }
    const { removed, added } = part;
    const lead = removed && added ? sharedLeadingBlank(removed, added) : 0;
    const trail = removed && added ? sharedLeadingBlank(reverse(removed.slice(lead)), reverse(added.slice(lead))) : 0;
    push('same', removed.slice(0, lead));
    push('removed', removed.slice(lead, removed.length - trail));
    push('added', added.slice(lead, added.length - trail));
    push('same', removed.slice(removed.length - trail));
  }
  return changes;
}

/** Lower-cased words of a text, counted. */
function wordBag(text: string, locale: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const segment of segments(text, locale)) {
    if (!segment.isWordLike) continue;
    const word = segment.segment.toLowerCase();
    bag.set(word, (bag.get(word) ?? 0) + 1);
  }
  return bag;
}

/**
 * Similarity of two texts in [0, 1]: the share of words they have in common
 * (Dice), each word weighted by how rare it is among all the texts compared,
 * so that "the", "order" or "系统" shared by every step do not make two
 * unrelated steps look alike.
 */
export function similarityOf(texts: readonly string[], locale = 'en'): (a: string, b: string) => number {
  const bags = new Map(texts.map((text) => [text, wordBag(text, locale)]));
  const documentFrequency = new Map<string, number>();
  for (const bag of bags.values()) for (const word of bag.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const weight = (word: string) => Math.log(1 + bags.size / (documentFrequency.get(word) ?? 1));
  const bagOf = (text: string) => bags.get(text) ?? wordBag(text, locale);
  return (a, b) => {
    const x = bagOf(a);
    const y = bagOf(b);
    let shared = 0;
    let total = 0;
    for (const [word, count] of x) {
      total += count * weight(word);
      shared += Math.min(count, y.get(word) ?? 0) * weight(word);
    }
    for (const [word, count] of y) total += count * weight(word);
    return total === 0 ? (a.trim() === b.trim() ? 1 : 0) : (2 * shared) / total;
  };
}

// ---------------------------------------------------------------------------
// Alignment

/** One position of an alignment: a pair, or an item only one side has. */
export interface Aligned<T> {
  base?: T;
  baseIndex?: number;
  variant?: T;
  variantIndex?: number;
}

/**
 * Aligns two sequences keeping their order, pairing items so that the total
 * score of the pairs is highest; `score` is undefined for items that must not
 * be paired. Unpaired base items come before unpaired variant items at the
 * same place, as in a diff.
 */
export function align<T>(base: readonly T[], variant: readonly T[], score: (a: T, b: T) => number | undefined): Aligned<T>[] {
  const n = base.length;
  const m = variant.length;
  // best[i][j]: highest total score aligning base[i..] with variant[j..].
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const pairScore = Array.from({ length: n }, () => new Array<number | undefined>(m));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(base[i]!, variant[j]!);
      pairScore[i]![j] = s;
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s === undefined ? -Infinity : s + best[i + 1]![j + 1]!);
    }
  }
  const result: Aligned<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const s = i < n && j < m ? pairScore[i]![j] : undefined;
    if (s !== undefined && s + best[i + 1]![j + 1]! === best[i]![j]) {
      result.push({ base: base[i], baseIndex: i, variant: variant[j], variantIndex: j });
      i++;
      j++;
    } else if (i < n && (j === m || best[i + 1]![j]! >= best[i]![j + 1]!)) {
      result.push({ base: base[i], baseIndex: i });
      i++;
    } else {
      result.push({ variant: variant[j], variantIndex: j });
      j++;
    }
  }
  return result;
}
