import { formatDate } from './dates.ts';
import type { Issue } from '../schemas/index.ts';

const DAY = 24 * 60 * 60 * 1000;

export interface IssueStats {
  /** Open and resolved issues per category, in the schema's order. */
  byCategory: { category: Issue['category']; open: number; resolved: number }[];
  /** Per month (YYYY-MM) in which issues were reported or resolved: how many of each, oldest month first. */
  byMonth: { month: string; reported: number; resolved: number }[];
  /** Median of the days from `reported` to `resolvedOn`, over the issues that have both; undefined when none. */
  medianDaysToResolve?: number;
  /** How many resolved issues the median is taken over. */
  timedResolutions: number;
  /** The open issues that have waited longest, with their days open on `today`. */
  oldestOpen: { id: string; summary: string; daysOpen: number }[];
}

const CATEGORIES: readonly Issue['category'][] = ['system', 'process', 'operation', 'data'];

/** The middle value; for an even count the mean of the two middle ones. */
function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The figures of the issue log page: how the problems of the system are being worked off. */
export function issueStats(issues: readonly Issue[], today: Date, oldestCount = 5): IssueStats {
  const months = new Map<string, { reported: number; resolved: number }>();
  const month = (date: Date) => formatDate(date).slice(0, 7);
  const bump = (key: string, field: 'reported' | 'resolved') => {
    const entry = months.get(key) ?? { reported: 0, resolved: 0 };
    entry[field]++;
    months.set(key, entry);
  };
  for (const issue of issues) {
    bump(month(issue.reported), 'reported');
    if (issue.status === 'resolved' && issue.resolvedOn) bump(month(issue.resolvedOn), 'resolved');
  }
  const durations = issues.flatMap((issue) => (issue.status === 'resolved' && issue.resolvedOn ? [Math.round((issue.resolvedOn.getTime() - issue.reported.getTime()) / DAY)] : []));
  return {
    byCategory: CATEGORIES.map((category) => ({
      category,
      open: issues.filter((i) => i.category === category && i.status === 'open').length,
      resolved: issues.filter((i) => i.category === category && i.status === 'resolved').length,
    })),
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([key, counts]) => ({ month: key, ...counts })),
    medianDaysToResolve: median(durations),
    timedResolutions: durations.length,
    oldestOpen: issues
      .filter((i) => i.status === 'open')
      .sort((a, b) => a.reported.getTime() - b.reported.getTime())
      .slice(0, oldestCount)
      .map((i) => ({ id: i.id, summary: i.summary, daysOpen: Math.max(0, Math.round((today.getTime() - i.reported.getTime()) / DAY)) })),
  };
}
