import type { ApprovalBand, ApprovalCondition, ApprovalLadder } from '../schemas/index.ts';
import type { HandoverPackage, ProcedureEntry } from './package.ts';
import type { LadderPlace } from './findings.ts';
import { isChinese } from './locale.ts';

/**
 * Display of approval ladders. A band holds the values v with
 * `over < v <= upTo`; a missing `over` starts at 0 inclusive, a missing
 * `upTo` has no upper bound.
 */

/** A bound as the portal shows it: grouped digits in the UI language, up to four decimals. */
export function formatNumber(value: number, locale: string): string {
  return value.toLocaleString(isChinese(locale) ? locale : 'en-US', { maximumFractionDigits: 4 });
}

/**
 * A value as the lookup compared it, with every decimal it has: the answer
 * must not show 5.00001 as "5" while placing it above the ≤ 5 band.
 */
export function formatExact(value: number, locale: string): string {
  return value.toLocaleString(isChinese(locale) ? locale : 'en-US', { maximumFractionDigits: 20 });
}

/**
 * Why a typed value cannot be read without guessing: `500.000` is five
 * hundred to an English reader and half a million to a German one, so a
 * dot followed by groups of exactly three digits is refused.
 */
export function ambiguousValue(text: string): boolean {
  return /^[+-]?\d{1,3}(\.\d{3})+$/.test(text.normalize('NFKC').replace(/\s/g, ''));
}

/** Whether a value is outside what its unit can sensibly mean: a share over 100 %. */
export function implausibleValue(value: number, unit: string): boolean {
  return unit === '%' && value > 100;
}

function quantity(value: number, unit: string, locale: string): string {
  const number = formatNumber(value, locale);
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}

/** `≤ 5 %`, `> 5 % – ≤ 15 %`, `> 15 %`; a band without bounds is "any value". */
export function formatBand(band: Pick<ApprovalBand, 'over' | 'upTo'>, unit: string, locale = 'en'): string {
  const lower = band.over !== undefined ? `> ${quantity(band.over, unit, locale)}` : undefined;
  const upper = band.upTo !== undefined ? `≤ ${quantity(band.upTo, unit, locale)}` : undefined;
  if (lower && upper) return `${lower} – ${upper}`;
  return lower ?? upper ?? (isChinese(locale) ? '任意值' : 'any value');
}

/**
 * The band as formatBand writes it, but breakable only around its dash: in a
 * narrow table cell `> 25,000 EUR –` / `≤ 100,000 EUR` wraps, `25,000` / `EUR` does not.
 */
export function formatBandWrapping(band: Pick<ApprovalBand, 'over' | 'upTo'>, unit: string, locale = 'en'): string {
  return formatBand(band, unit, locale)
    .split(' – ')
    .map((bound) => bound.replaceAll(' ', '\u00a0'))
    .join(' – ');
}

/** Whether a value falls in a band, exactly as the contract defines it. */
export function bandContains(band: Pick<ApprovalBand, 'over' | 'upTo'>, value: number): boolean {
  const aboveLower = band.over === undefined ? value >= 0 : value > band.over;
  const belowUpper = band.upTo === undefined || value <= band.upTo;
  return aboveLower && belowUpper;
}

/** Why a value has no approver on a ladder. */
export type OutsideReason = 'negative' | 'gap' | 'above';

/**
 * The answer to "who approves this value on this ladder": the band(s) the
 * value falls in (two or more only when bands overlap) or why none does,
 * plus the conditions, which apply whatever the value.
 */
export type ApprovalLookup =
  | { bands: ApprovalBand[]; outside?: undefined; conditions: ApprovalCondition[] }
  | { bands: []; outside: OutsideReason; conditions: ApprovalCondition[] };

/** Looks a value up on a ladder, with the exact band boundaries of the contract. */
export function lookupApproval(ladder: Pick<ApprovalLadder, 'bands' | 'conditions'>, value: number): ApprovalLookup {
  const conditions = ladder.conditions ?? [];
  const bands = ladder.bands.filter((band) => bandContains(band, value));
  if (bands.length > 0) return { bands, conditions };
  if (value < 0) return { bands: [], outside: 'negative', conditions };
  // Above every band only when the ladder has no unbounded band and the value passes the highest upTo.
  const above = ladder.bands.every((band) => band.upTo !== undefined && value > band.upTo);
  return { bands: [], outside: above ? 'above' : 'gap', conditions };
}

/**
 * A value as a person types it: `5`, `5.01`, `100,000`, `100 000`, `-3`,
 * full-width digits, optionally with the ladder's unit before or after it.
 * Commas only group thousands (both UI languages write `1,000.5`), so `5,5`
 * is refused rather than guessed. Undefined when the text is not a number.
 */
export function parseValue(text: string, unit = ''): number | undefined {
  let compact = text.normalize('NFKC').replace(/[\s\u00a0\u202f\u2009']/g, '');
  const bareUnit = unit.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  if (bareUnit) {
    if (compact.toLowerCase().endsWith(bareUnit)) compact = compact.slice(0, -bareUnit.length);
    else if (compact.toLowerCase().startsWith(bareUnit)) compact = compact.slice(bareUnit.length);
  }
  if (!/\d/.test(compact) || !/^[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?$/.test(compact)) return undefined;
  return Number(compact.replace(/,/g, ''));
}

/** One ladder with the procedure that states it. */
export interface LadderEntry {
  procedure: ProcedureEntry;
  ladder: ApprovalLadder;
  /** Position of the ladder in the procedure's `approvals`. */
  ladderIndex: number;
}

/**
 * Every ladder of a package in the order an auditor reads them: by order type
 * as handover.yaml lists them (undeclared ones last), then by procedure, then
 * as written.
 */
export function approvalLadders(pkg: HandoverPackage): LadderEntry[] {
  const orderTypes = (pkg.meta?.data.orderTypes ?? []).map((type) => type.id);
  const rank = (procedure: ProcedureEntry) => {
    const index = orderTypes.indexOf(procedure.data.orderType);
    return index < 0 ? orderTypes.length : index;
  };
  return [...pkg.procedures]
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
    .flatMap((procedure) => (procedure.data.approvals ?? []).map((ladder, ladderIndex) => ({ procedure, ladder, ladderIndex })));
}

/**
 * A place in a procedure's approvals for a finding to name: the ladder (its
 * position and action) and the band or condition `path` leads to
 * (`['bands', 2, 'approver']`, below the ladder).
 */
export function ladderPlace(ladder: Pick<ApprovalLadder, 'action'>, ladderIndex: number, path: readonly PropertyKey[] = []): LadderPlace {
  const [part, index, field] = path;
  const item = (part === 'bands' || part === 'conditions') && typeof index === 'number' ? { kind: part === 'bands' ? ('band' as const) : ('condition' as const), index } : undefined;
  const named = item ? field : part;
  return {
    ladder: ladderIndex,
    action: ladder.action,
    ...(item && { item }),
    ...((named === 'approver' || named === 'initiatedBy' || named === 'unit') && { part: named }),
  };
}

/** The fragment of a ladder on its procedure's page, e.g. `approvals-1` for the first, so findings can link to it. */
export function ladderAnchor(ladderIndex: number): string {
  return `approvals-${ladderIndex + 1}`;
}
