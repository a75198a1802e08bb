import type { ApprovalBand, ApprovalLadder } from '../schemas/index.ts';

/**
 * Display of approval ladders. A band holds the values v with
 * `over < v <= upTo`; a missing `over` starts at 0 inclusive, a missing
 * `upTo` has no upper bound.
 */

function quantity(value: number, unit: string, locale: string): string {
  const number = value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 });
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}

/** `≤ 5 %`, `> 5 % – ≤ 15 %`, `> 15 %`; a band without bounds is "any value". */
export function formatBand(band: Pick<ApprovalBand, 'over' | 'upTo'>, unit: string, locale = 'en'): string {
  const lower = band.over !== undefined ? `> ${quantity(band.over, unit, locale)}` : undefined;
  const upper = band.upTo !== undefined ? `≤ ${quantity(band.upTo, unit, locale)}` : undefined;
  if (lower && upper) return `${lower} – ${upper}`;
  return lower ?? upper ?? (locale === 'zh-CN' ? '任意值' : 'any value');
}

/** Whether a value falls in a band, exactly as the contract defines it. */
export function bandContains(band: Pick<ApprovalBand, 'over' | 'upTo'>, value: number): boolean {
  const aboveLower = band.over === undefined ? value >= 0 : value > band.over;
  const belowUpper = band.upTo === undefined || value <= band.upTo;
  return aboveLower && belowUpper;
}

/** The approver(s) of a value on a ladder; more than one only when bands overlap. */
export function approversFor(ladder: Pick<ApprovalLadder, 'bands'>, value: number): ApprovalBand[] {
  return ladder.bands.filter((band) => bandContains(band, value));
}
