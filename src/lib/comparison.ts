import type { ApprovalBand, ApprovalCondition, ApprovalLadder, OrderType } from '../schemas/index.ts';
import { stepHeadingWords } from './i18n/approvals.ts';
import type { HandoverPackage, ProcedureEntry } from './package.ts';

/**
 * Comparison of procedures (a variant against the procedure it is `basedOn`)
 * and of order types, so that a new hire sees how similar procedures differ:
 * approval ladders by metric, band by band, and the steps matched by their
 * wording rather than their position, with changed wording marked word by word.
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

// ---------------------------------------------------------------------------
// Steps

/** The heading text as compared against the word lists: no marks, case or trailing colon. */
function headingKey(text: string): string {
  return plainText(text).normalize('NFKC').replace(/[:：]\s*$/, '').trim().toLowerCase();
}

const allStepHeadings = Object.values(stepHeadingWords).flat();

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^ {0,3}\d{1,9}[.)](?:[ \t]+(.*))?$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * The steps of a procedure: the items of the ordered list(s) in the section
 * headed "Steps", "步骤" or another word of `headings`, as plain text.
 * Undefined when the body has no such section.
 */
export function procedureSteps(body: string, headings: readonly string[] = allStepHeadings): string[] | undefined {
  const wanted = new Set(headings.map(headingKey));
  const lines = body.split(/\r?\n/);
  let fence: string | undefined;
  let level: number | undefined;
  let pendingBlank = false;
  let current: string[] | undefined;
  const items: string[][] = [];
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    const heading = HEADING.exec(line);
    if (level === undefined) {
      if (heading && wanted.has(headingKey(heading[2]!))) level = heading[1]!.length;
      continue;
    }
    if (heading && heading[1]!.length <= level) break;
    if (line.trim() === '') {
      pendingBlank = true;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      current = [item[1] ?? ''];
      items.push(current);
    } else if (current && (/^( {2,}|\t)/.test(line) || !pendingBlank)) {
      // Indented lines belong to the item (nested lists included); so does a lazy continuation line.
      current.push(line.trim().replace(/^([-*+]|\d{1,9}[.)])[ \t]+/, ''));
    } else {
      current = undefined;
    }
    pendingBlank = false;
  }
  if (level === undefined) return undefined;
  return items.map((parts) => plainText(parts.join(' '))).filter((text) => text !== '');
}

/** One step position in the comparison of two procedures' steps. */
export interface StepDifference {
  /** `moved`: the step is in both, at another place among the others. */
  kind: ChangeKind | 'moved';
  /** 1-based number and text in the base procedure. */
  base?: { number: number; text: string };
  /** 1-based number and text in the variant. */
  variant?: { number: number; text: string };
  /** The wording change, for changed (and moved and reworded) steps. */
  words?: WordChange[];
}

/** Two steps are taken for one step reworded when at least this share of their (weighted) words agree. */
export const STEP_MATCH = 0.28;
/** A step found at another place must match more closely: a false move confuses more than an added and a removed step. */
export const MOVE_MATCH = 0.5;

/**
 * The steps of a variant against those of its base. Steps are paired by
 * wording in order, so an inserted step shows as added instead of shifting
 * every later step; a pair left over on both sides that still matches is a
 * moved step.
 */
export function compareSteps(base: readonly string[], variant: readonly string[], locale = 'en'): StepDifference[] {
  const similarity = similarityOf([...base, ...variant], locale);
  const score = (a: string, b: string) => {
    const s = similarity(a, b);
    return s >= STEP_MATCH ? s : undefined;
  };
  const aligned = align(base, variant, score);

  // Moves: an unpaired base step that matches an unpaired variant step, best matches first.
  const removed = aligned.filter((entry) => entry.variant === undefined);
  const added = aligned.filter((entry) => entry.base === undefined);
  const candidates = removed
    .flatMap((r) => added.map((a) => ({ r, a, s: similarity(r.base!, a.variant!) })))
    .filter((candidate) => candidate.s >= MOVE_MATCH)
    .sort((x, y) => y.s - x.s);
  const moved = new Map<Aligned<string>, Aligned<string>>();
  const usedBase = new Set<Aligned<string>>();
  for (const { r, a } of candidates) {
    if (usedBase.has(r) || moved.has(a)) continue;
    usedBase.add(r);
    moved.set(a, r);
  }

  const step = (number: number | undefined, text: string | undefined) => (number === undefined || text === undefined ? undefined : { number: number + 1, text });
  return aligned.flatMap((entry): StepDifference[] => {
    if (usedBase.has(entry)) return [];
    const from = entry.base !== undefined ? entry : moved.get(entry);
    const base = step(from?.baseIndex, from?.base);
    const next = step(entry.variantIndex, entry.variant);
    if (!base) return [{ kind: 'added', variant: next }];
    if (!next) return [{ kind: 'removed', base }];
    const same = base.text === next.text;
    const words = same ? undefined : wordDiff(base.text, next.text, locale);
    if (from !== entry) return [{ kind: 'moved', base, variant: next, words }];
    return [{ kind: same ? 'same' : 'changed', base, variant: next, words }];
  });
}

// ---------------------------------------------------------------------------
// Approval ladders

export interface BandDifference {
  kind: ChangeKind;
  base?: ApprovalBand;
  variant?: ApprovalBand;
}

export interface ConditionDifference {
  kind: ChangeKind;
  base?: ApprovalCondition;
  variant?: ApprovalCondition;
  /** The wording change of `when`, when it was reworded. */
  words?: WordChange[];
}

/** One metric's ladder in the base against the variant. */
export interface LadderDifference {
  metric: string;
  kind: ChangeKind;
  base?: ApprovalLadder;
  variant?: ApprovalLadder;
  /** Word diff of the action, when its wording changed. */
  action?: WordChange[];
  unitChanged: boolean;
  initiatorChanged: boolean;
  bands: BandDifference[];
  conditions: ConditionDifference[];
}

const sameBounds = (a: ApprovalBand, b: ApprovalBand) => a.over === b.over && a.upTo === b.upTo;

/**
 * Bands are paired by approver, in order: the typical change between two
 * ladders is one role's limit moved, or a role added or left out, and
 * "sales manager: ≤ 5 % → ≤ 2 %" is what a reader wants to see. Among
 * several pairings the one keeping most bounds wins.
 */
function compareBands(base: readonly ApprovalBand[], variant: readonly ApprovalBand[]): BandDifference[] {
  return align(base, variant, (a, b) => (a.approver === b.approver ? (sameBounds(a, b) ? 2 : 1) : undefined)).map((pair) => ({
    kind: pair.base && pair.variant ? (sameBounds(pair.base, pair.variant) ? 'same' : 'changed') : pair.base ? 'removed' : 'added',
    base: pair.base,
    variant: pair.variant,
  }));
}

/** Conditions are paired by the wording of `when`; a reworded or re-assigned condition is changed. */
function compareConditions(base: readonly ApprovalCondition[], variant: readonly ApprovalCondition[], locale: string): ConditionDifference[] {
  const similarity = similarityOf([...base, ...variant].map((c) => c.when), locale);
  return align(base, variant, (a, b) => {
    const s = similarity(a.when, b.when);
    return s >= STEP_MATCH ? s + (a.approver === b.approver ? 1 : 0) : undefined;
  }).map((pair) => {
    if (!pair.base || !pair.variant) return { kind: pair.base ? 'removed' : 'added', base: pair.base, variant: pair.variant };
    const reworded = pair.base.when !== pair.variant.when;
    return {
      kind: reworded || pair.base.approver !== pair.variant.approver ? 'changed' : 'same',
      base: pair.base,
      variant: pair.variant,
      words: reworded ? wordDiff(pair.base.when, pair.variant.when, locale) : undefined,
    };
  });
}

/**
 * The ladders of a variant against those of its base, matched by metric (the
 * n-th ladder of a metric with the n-th of the same metric): in base order,
 * then the metrics only the variant has.
 */
export function compareLadders(base: readonly ApprovalLadder[], variant: readonly ApprovalLadder[], locale = 'en'): LadderDifference[] {
  const occurrence = (ladders: readonly ApprovalLadder[]) => {
    const seen = new Map<string, number>();
    return ladders.map((ladder) => {
      const n = seen.get(ladder.metric) ?? 0;
      seen.set(ladder.metric, n + 1);
      return { key: `${ladder.metric}\u0000${n}`, ladder };
    });
  };
  const variantByKey = new Map(occurrence(variant).map((entry) => [entry.key, entry.ladder]));
  const baseKeys = new Set<string>();
  const differences = occurrence(base).map(({ key, ladder }) => {
    baseKeys.add(key);
    return compareLadder(ladder, variantByKey.get(key), locale);
  });
  for (const { key, ladder } of occurrence(variant)) if (!baseKeys.has(key)) differences.push(compareLadder(undefined, ladder, locale));
  return differences;
}

function compareLadder(base: ApprovalLadder | undefined, variant: ApprovalLadder | undefined, locale: string): LadderDifference {
  const bands = compareBands(base?.bands ?? [], variant?.bands ?? []);
  const conditions = compareConditions(base?.conditions ?? [], variant?.conditions ?? [], locale);
  const metric = (base ?? variant)!.metric;
  if (!base || !variant) return { metric, kind: base ? 'removed' : 'added', base, variant, unitChanged: false, initiatorChanged: false, bands, conditions };
  const unitChanged = base.unit !== variant.unit;
  const initiatorChanged = base.initiatedBy !== variant.initiatedBy;
  const changed = unitChanged || initiatorChanged || [...bands, ...conditions].some((d) => d.kind !== 'same');
  return {
    metric,
    kind: changed ? 'changed' : 'same',
    base,
    variant,
    action: base.action !== variant.action ? wordDiff(base.action, variant.action, locale) : undefined,
    unitChanged,
    initiatorChanged,
    bands,
    conditions,
  };
}

// ---------------------------------------------------------------------------
// Procedures and order types

/** Everything the "Differences from <base>" panel shows. */
export interface ProcedureComparison {
  base: ProcedureEntry;
  variant: ProcedureEntry;
  /** Set when the owner differs. */
  owner?: { base: string; variant: string };
  ladders: LadderDifference[];
  /** Undefined when either procedure has no steps section. */
  steps?: StepDifference[];
}

/** A variant procedure against its base. */
export function compareProcedures(base: ProcedureEntry, variant: ProcedureEntry, locale = 'en'): ProcedureComparison {
  const baseSteps = procedureSteps(base.body);
  const variantSteps = procedureSteps(variant.body);
  return {
    base,
    variant,
    owner: base.data.owner !== variant.data.owner ? { base: base.data.owner, variant: variant.data.owner } : undefined,
    ladders: compareLadders(base.data.approvals ?? [], variant.data.approvals ?? [], locale),
    steps: baseSteps && variantSteps ? compareSteps(baseSteps, variantSteps, locale) : undefined,
  };
}

/** How many of the differences are of each kind. */
export function countKinds(differences: readonly { kind: ChangeKind | 'moved' }[]): Record<ChangeKind | 'moved', number> {
  const counts = { same: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  for (const difference of differences) counts[difference.kind]++;
  return counts;
}

/** One order type's column in the comparison. */
export interface OrderTypeColumn {
  orderType: OrderType;
  procedures: ProcedureEntry[];
  /** Role ids owning its procedures. */
  owners: string[];
  /** Role ids taking part: owners, initiators and approvers, by rank. */
  roles: string[];
  /** Owners that no procedure of the reference order type has. */
  newOwners: string[];
  /** Roles involved here but not in the reference order type. */
  newRoles: string[];
}

/** One metric's row: the ladders of each order type measuring it. */
export interface MetricRow {
  metric: string;
  unit: string;
  /** One cell per column, in column order. */
  cells: { ladders: { procedure: ProcedureEntry; ladder: ApprovalLadder }[]; differs: boolean }[];
}

export interface OrderTypeComparison {
  /** The first order type of handover.yaml, the one the others are compared with. */
  reference?: OrderType;
  columns: OrderTypeColumn[];
  metrics: MetricRow[];
}

/**
 * The order types side by side. The reference is the first order type of
 * handover.yaml (the standard order); a cell differs when its content is not
 * that of the reference.
 */
export function compareOrderTypes(pkg: HandoverPackage): OrderTypeComparison {
  const orderTypes = pkg.meta?.data.orderTypes ?? [];
  const rankOf = new Map(pkg.roles.map((role) => [role.data.id, role.data.rank]));
  const byRank = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (rankOf.get(a) ?? Infinity) - (rankOf.get(b) ?? Infinity) || a.localeCompare(b));

  const base = orderTypes.map((orderType) => {
    const procedures = pkg.procedures.filter((p) => p.data.orderType === orderType.id);
    const ladders = procedures.flatMap((procedure) => (procedure.data.approvals ?? []).map((ladder) => ({ procedure, ladder })));
    const owners = byRank(procedures.map((p) => p.data.owner));
    const roles = byRank([
      ...owners,
      ...ladders.flatMap(({ ladder }) => [...(ladder.initiatedBy ? [ladder.initiatedBy] : []), ...ladder.bands.map((b) => b.approver), ...(ladder.conditions ?? []).map((c) => c.approver)]),
    ]);
    return { orderType, procedures, ladders, owners, roles };
  });
  const reference = base[0];
  const columns = base.map(({ orderType, procedures, owners, roles }) => ({
    orderType,
    procedures,
    owners,
    roles,
    newOwners: reference ? owners.filter((owner) => !reference.owners.includes(owner)) : [],
    newRoles: reference ? roles.filter((role) => !reference.roles.includes(role)) : [],
  }));

  const metrics: { metric: string; unit: string }[] = [];
  for (const column of base) {
    for (const { ladder } of column.ladders) if (!metrics.some((m) => m.metric === ladder.metric)) metrics.push({ metric: ladder.metric, unit: ladder.unit });
  }
  const ladderList = (column: (typeof base)[number], metric: string) => column.ladders.filter(({ ladder }) => ladder.metric === metric);
  return {
    reference: reference?.orderType,
    columns,
    metrics: metrics.map(({ metric, unit }) => {
      const referenceLadders = reference ? ladderList(reference, metric).map(({ ladder }) => ladder) : [];
      return {
        metric,
        unit,
        cells: base.map((column) => {
          const ladders = ladderList(column, metric);
          const differs = compareLadders(referenceLadders, ladders.map(({ ladder }) => ladder)).some((d) => d.kind !== 'same');
          return { ladders, differs };
        }),
      };
    }),
  };
}
