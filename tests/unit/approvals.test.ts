import { describe, expect, it } from 'vitest';
import { bandContains, formatBand } from '../../src/lib/approvals.ts';
import { findApprover } from '../../src/lib/ladder-analysis.ts';

describe('formatBand', () => {
  it('writes bands as the contract shows them', () => {
    expect(formatBand({ upTo: 5 }, '%')).toBe('≤ 5 %');
    expect(formatBand({ over: 5, upTo: 15 }, '%')).toBe('> 5 % – ≤ 15 %');
    expect(formatBand({ over: 15 }, '%')).toBe('> 15 %');
    expect(formatBand({ over: 100000, upTo: 500000 }, 'EUR')).toBe('> 100,000 EUR – ≤ 500,000 EUR');
    expect(formatBand({}, 'EUR')).toBe('any value');
    expect(formatBand({}, 'CNY', 'zh-CN')).toBe('任意值');
  });
});

describe('bandContains', () => {
  it('includes the upper bound and excludes the lower one', () => {
    expect(bandContains({ upTo: 5 }, 5)).toBe(true);
    expect(bandContains({ upTo: 5 }, 5.01)).toBe(false);
    expect(bandContains({ over: 5 }, 5)).toBe(false);
    expect(bandContains({ over: 5 }, 5.01)).toBe(true);
    expect(bandContains({ upTo: 5 }, 0)).toBe(true);
    expect(bandContains({ upTo: 5 }, -1)).toBe(false);
  });

  it('finds the approver of boundary values on a ladder', () => {
    const ladder = { bands: [{ upTo: 5, approver: 'a' }, { over: 5, upTo: 15, approver: 'b' }, { over: 15, approver: 'c' }] };
    expect(findApprover(ladder, 5).bands.map((b) => b.approver)).toEqual(['a']);
    expect(findApprover(ladder, 15).bands.map((b) => b.approver)).toEqual(['b']);
    expect(findApprover(ladder, 15.5).bands.map((b) => b.approver)).toEqual(['c']);
  });
});
