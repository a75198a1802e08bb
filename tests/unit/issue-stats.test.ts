import { describe, expect, it } from 'vitest';
import { issueStats } from '../../src/lib/issue-stats.ts';
import type { Issue } from '../../src/schemas/index.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const issue = (id: string, reported: string, category: Issue['category'], resolvedOn?: string): Issue => ({
  id,
  reported: day(reported),
  reporter: 'R',
  category,
  summary: `Summary ${id}`,
  status: resolvedOn ? 'resolved' : 'open',
  ...(resolvedOn && { resolvedOn: day(resolvedOn), solution: 'Done' }),
  audience: 'public',
});

describe('issueStats', () => {
  const issues = [
    issue('I-1', '2026-04-07', 'system', '2026-04-09'),
    issue('I-2', '2026-04-20', 'data', '2026-05-10'),
    issue('I-3', '2026-05-02', 'data'),
    issue('I-4', '2026-05-03', 'process', '2026-05-04'),
    issue('I-5', '2026-03-30', 'operation'),
  ];
  const stats = issueStats(issues, day('2026-06-01'), 1);

  it('counts open and resolved issues per category and month', () => {
    expect(stats.byCategory).toEqual([
      { category: 'system', open: 0, resolved: 1 },
      { category: 'process', open: 0, resolved: 1 },
      { category: 'operation', open: 1, resolved: 0 },
      { category: 'data', open: 1, resolved: 1 },
    ]);
    expect(stats.byMonth).toEqual([
      { month: '2026-03', reported: 1, resolved: 0 },
      { month: '2026-04', reported: 2, resolved: 1 },
      { month: '2026-05', reported: 2, resolved: 2 },
    ]);
  });

  it('takes the median days to resolution over the issues with both dates', () => {
    // 2, 20 and 1 days.
    expect(stats.medianDaysToResolve).toBe(2);
    expect(stats.timedResolutions).toBe(3);
    expect(issueStats(issues.slice(0, 2), day('2026-06-01')).medianDaysToResolve).toBe(11);
    expect(issueStats([issue('I-9', '2026-01-01', 'data')], day('2026-06-01')).medianDaysToResolve).toBeUndefined();
  });

  it('lists the open issues that waited longest first, with their days open', () => {
    expect(stats.oldestOpen).toEqual([{ id: 'I-5', summary: 'Summary I-5', daysOpen: 63 }]);
  });
});
