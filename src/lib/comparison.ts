import type { ApprovalBand, ApprovalCondition, ApprovalLadder, OrderType } from '../schemas/index.ts';
import type { HandoverPackage, ProcedureEntry } from './package.ts';
import { align, similarityOf, wordDiff, type Aligned, type ChangeKind, type WordChange } from './text-diff.ts';

/**
 * Comparison of procedures (a variant against the procedure it is `basedOn`)
 * and of order types, so that a new hire sees how similar procedures differ:
 * approval ladders by metric, band by band, and the steps matched by their
 * wording rather than their position, with changed wording marked word by word.
 */

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
  const baseSteps = base.steps;
  const variantSteps = variant.steps;
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
    // A ladder a procedure inherits from another of the same order type is that one's ladder, counted once.
    const ownLadders = (procedure: ProcedureEntry) => {
      const from = procedure.inheritance.approvals;
      return from !== undefined && procedures.some((p) => p.id === from) ? [] : (procedure.data.approvals ?? []);
    };
    const ladders = procedures.flatMap((procedure) => ownLadders(procedure).map((ladder) => ({ procedure, ladder })));
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
