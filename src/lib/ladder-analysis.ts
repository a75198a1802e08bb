import type { ApprovalBand, ApprovalLadder } from '../schemas/index.ts';
import { ladderPlace } from './approvals.ts';
import { finding, type Finding, type FindingLocation } from './findings.ts';
import type { HandoverPackage, ProcedureEntry } from './package.ts';
import type { FieldPath } from './source.ts';
import { isInherited } from './variants.ts';

/**
 * Analysis of approval ladders (DESIGN.md sections 4 and 6): the gaps,
 * overlaps, open tops, rank inversions and segregation-of-duties breaches an
 * auditor asks about, plus the structural rules the analysis relies on (bands
 * in ascending order, one unit per metric).
 *
 * Values are reasoned about as intervals on the value axis, so that the exact
 * uncovered or doubly covered values can be named, open and closed ends
 * included: `upTo: 5` then `over: 5` is seamless, `upTo: 5` then `over: 6`
 * leaves (5, 6] without an approver.
 */

/** One band as an interval of values. */
export interface BandInterval {
  /** Index of the band in the ladder as written. */
  index: number;
  band: ApprovalBand;
  /** `over`, or 0 when the band has no `over`. */
  lower: number;
  /** False when the band has `over` (exclusive), true when it starts at 0. */
  lowerInclusive: boolean;
  /** `upTo`, or Infinity when the band is unbounded. */
  upper: number;
  /** True when the band has `upTo` (inclusive); an unbounded band has no upper end to include. */
  upperInclusive: boolean;
}

/** A set of values `lower … upper`; `upper` may be Infinity. */
export type Interval = Pick<BandInterval, 'lower' | 'lowerInclusive' | 'upper' | 'upperInclusive'>;

/** The ladder's bands as intervals, in the order they are written. */
export function normalizeLadder(ladder: Pick<ApprovalLadder, 'bands'>): BandInterval[] {
  return ladder.bands.map((band, index) => ({
    index,
    band,
    lower: band.over ?? 0,
    lowerInclusive: band.over === undefined,
    upper: band.upTo ?? Infinity,
    upperInclusive: band.upTo !== undefined,
  }));
}

/** Whether an interval holds no value at all (the schema refuses such bands; they are left out of the analysis). */
export function isEmptyInterval(interval: Interval): boolean {
  return interval.lower > interval.upper || (interval.lower === interval.upper && !(interval.lowerInclusive && interval.upperInclusive));
}

/** The values two intervals share, or undefined when they share none. */
export function intersectIntervals(a: Interval, b: Interval): Interval | undefined {
  const [lower, lowerInclusive] =
    a.lower !== b.lower ? (a.lower > b.lower ? [a.lower, a.lowerInclusive] : [b.lower, b.lowerInclusive]) : [a.lower, a.lowerInclusive && b.lowerInclusive];
  const [upper, upperInclusive] =
    a.upper !== b.upper ? (a.upper < b.upper ? [a.upper, a.upperInclusive] : [b.upper, b.upperInclusive]) : [a.upper, a.upperInclusive && b.upperInclusive];
  const shared = { lower, lowerInclusive, upper, upperInclusive };
  return isEmptyInterval(shared) ? undefined : shared;
}

/** Lower ends compared as points on the axis: `[5` comes before `(5`. */
function compareLower(a: Interval, b: Interval): number {
  return a.lower - b.lower || (a.lowerInclusive === b.lowerInclusive ? 0 : a.lowerInclusive ? -1 : 1);
}

/** Upper ends compared as points on the axis: `5)` comes before `5]`. */
function compareUpper(a: Pick<Interval, 'upper' | 'upperInclusive'>, b: Pick<Interval, 'upper' | 'upperInclusive'>): number {
  if (a.upper === b.upper) return a.upperInclusive === b.upperInclusive ? 0 : a.upperInclusive ? 1 : -1;
  return a.upper < b.upper ? -1 : 1;
}

interface LadderSite {
  procedure: ProcedureEntry;
  ladder: ApprovalLadder;
  ladderIndex: number;
}

/**
 * Every ladder finding of the package: per ladder the gaps, overlaps, open
 * top, rank inversions and segregation-of-duties breaches; across ladders the
 * metrics measured in more than one unit. Unknown roles are left to the
 * reference check.
 */
export function analyzeLadders(pkg: HandoverPackage): Finding[] {
  const ranks = new Map<string, number>();
  for (const role of pkg.roles) if (!ranks.has(role.data.id)) ranks.set(role.data.id, role.data.rank);

  // An inherited ladder is its base's and is analysed there, once.
  const sites: LadderSite[] = pkg.procedures.flatMap((procedure) =>
    (isInherited(procedure, 'approvals') ? [] : (procedure.data.approvals ?? [])).map((ladder, ladderIndex) => ({ procedure, ladder, ladderIndex })),
  );
  return [...sites.flatMap((site) => analyzeLadder(site, ranks)), ...checkUnits(sites)];
}

function analyzeLadder({ procedure, ladder, ladderIndex }: LadderSite, ranks: ReadonlyMap<string, number>): Finding[] {
  const findings: Finding[] = [];
  const base = ['approvals', ladderIndex];
  const at = (path: FieldPath) => ({ file: procedure.file, line: procedure.lineOf([...base, ...path]), field: [...base, ...path].join('.'), place: ladderPlace(ladder, ladderIndex, path) });
  const { metric, unit } = ladder;
  const intervals = normalizeLadder(ladder).filter((interval) => !isEmptyInterval(interval));

  // Gap and overlap analysis walks the bands in the order written; a band out
  // of order would show up as a spurious gap plus an overlap, so the ordering
  // is the one problem reported then.
  const misplaced = intervals.findIndex((interval, position) => position > 0 && compareLower(interval, intervals[position - 1]!) < 0);
  if (misplaced > 0) {
    const band = intervals[misplaced]!;
    const previous = intervals[misplaced - 1]!;
    findings.push(finding('schema-invalid', at(['bands', band.index]), { reason: 'band-order', metric, unit, band, previous }));
  } else if (intervals.length > 0) {
    findings.push(...gapsAndOverlaps(intervals, ladder, at));
  }

  // The top is checked whatever the order: no band without upTo means the highest values have no approver.
  if (intervals.length > 0 && !intervals.some((interval) => interval.upper === Infinity)) {
    const top = intervals.reduce((highest, interval) => (compareUpper(interval, highest) >= 0 ? interval : highest));
    findings.push(finding('approval-open-top', at(['bands', top.index]), { metric, unit, over: top.upper }));
  }

  // Authority should climb with the value. Bands are compared in value order
  // (a misordered ladder is already reported above), each against the
  // highest-ranked approver of the lower bands, so that one misplaced
  // approver yields one finding.
  const byValue = [...intervals].sort((a, b) => compareLower(a, b) || a.index - b.index);
  let highest: { interval: BandInterval; rank: number } | undefined;
  for (const interval of byValue) {
    const rank = ranks.get(interval.band.approver);
    if (rank === undefined) continue;
    if (highest && rank < highest.rank) {
      const below = { values: highest.interval, approver: highest.interval.band.approver, rank: highest.rank };
      findings.push(finding('approval-rank-inversion', at(['bands', interval.index, 'approver']), { metric, unit, values: interval, approver: interval.band.approver, rank, below }));
    } else if (!highest || rank > highest.rank) {
      highest = { interval, rank };
    }
  }

  const initiator = ladder.initiatedBy;
  if (initiator !== undefined) {
    ladder.bands.forEach((band, bandIndex) => {
      if (band.approver !== initiator) return;
      const values = normalizeLadder({ bands: [band] })[0]!;
      findings.push(finding('approval-sod', at(['bands', bandIndex, 'approver']), { reason: 'band', metric, unit, values, initiator }));
    });
    ladder.conditions?.forEach((condition, conditionIndex) => {
      if (condition.approver !== initiator) return;
      findings.push(finding('approval-sod', at(['conditions', conditionIndex, 'approver']), { reason: 'condition', metric, when: condition.when, initiator }));
    });
  }
  return findings;
}

/**
 * Sweeps the bands (in ascending order) keeping how far the values are
 * covered: anything between that reach and the next band's start is a gap;
 * any two bands sharing a value overlap.
 */
function gapsAndOverlaps(intervals: readonly BandInterval[], ladder: ApprovalLadder, at: (path: FieldPath) => FindingLocation): Finding[] {
  const findings: Finding[] = [];
  const { metric, unit } = ladder;
  // Covered so far: [0, reach] or [0, reach); initially nothing, i.e. [0, 0).
  let reach: Pick<Interval, 'upper' | 'upperInclusive'> = { upper: 0, upperInclusive: false };
  intervals.forEach((interval, position) => {
    const gap: Interval = { lower: reach.upper, lowerInclusive: !reach.upperInclusive, upper: interval.lower, upperInclusive: !interval.lowerInclusive };
    if (!isEmptyInterval(gap)) {
      findings.push(finding('approval-gap', at(['bands', interval.index]), { metric, unit, values: gap }));
    }
    for (const earlier of intervals.slice(0, position)) {
      const shared = intersectIntervals(earlier, interval);
      if (!shared) continue;
      findings.push(finding('approval-overlap', at(['bands', interval.index]), { metric, unit, values: shared, approvers: [earlier.band.approver, interval.band.approver] }));
    }
    if (compareUpper(interval, reach) > 0) reach = interval;
  });
  return findings;
}

/**
 * A metric is one quantity, so it has one unit across the package; otherwise
 * the approvals matrix would put percentages and amounts in one column. The
 * unit most ladders use (the first written on a tie) is taken as the metric's
 * unit, and each ladder deviating from it is reported once, naming a ladder
 * that uses it, preferably one in the same procedure.
 */
function checkUnits(sites: readonly LadderSite[]): Finding[] {
  const byMetric = new Map<string, LadderSite[]>();
  for (const site of sites) byMetric.set(site.ladder.metric, [...(byMetric.get(site.ladder.metric) ?? []), site]);
  const findings: Finding[] = [];
  for (const [metric, uses] of byMetric) {
    const counts = new Map<string, number>();
    for (const use of uses) counts.set(use.ladder.unit, (counts.get(use.ladder.unit) ?? 0) + 1);
    if (counts.size < 2) continue;
    // Map order is first-seen order, so a tie goes to the unit written first.
    const [unit] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    for (const use of uses) {
      if (use.ladder.unit === unit) continue;
      const sameProcedure = uses.find((other) => other.procedure === use.procedure && other.ladder.unit === unit);
      const reference = sameProcedure ?? uses.find((other) => other.ladder.unit === unit)!;
      const usedBy = { ladderIndex: reference.ladderIndex, file: sameProcedure ? undefined : reference.procedure.file };
      const path = ['approvals', use.ladderIndex, 'unit'];
      findings.push(finding('schema-invalid', { file: use.procedure.file, line: use.procedure.lineOf(path), field: path.join('.'), place: ladderPlace(use.ladder, use.ladderIndex) }, { reason: 'metric-unit', metric, unit: use.ladder.unit, usual: unit, usedBy }));
    }
  }
  return findings;
}
