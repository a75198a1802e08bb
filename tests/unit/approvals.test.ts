import { describe, expect, it } from 'vitest';
import { ambiguousValue, approvalLadders, bandContains, formatBand, formatBandWrapping, formatExact, implausibleValue, lookupApproval, parseValue } from '../../src/lib/approvals.ts';
import { checkDir, sampleDir } from '../support/package.ts';

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
    expect(lookupApproval(ladder, 5).bands.map((b) => b.approver)).toEqual(['a']);
    expect(lookupApproval(ladder, 15).bands.map((b) => b.approver)).toEqual(['b']);
    expect(lookupApproval(ladder, 15.5).bands.map((b) => b.approver)).toEqual(['c']);
  });
});

describe('lookupApproval', () => {
  const ladder = {
    bands: [
      { upTo: 5, approver: 'manager' },
      { over: 5, upTo: 10, approver: 'director' },
      { over: 12, upTo: 20, approver: 'gm' },
    ],
    conditions: [{ when: 'Sold at ex-factory price', approver: 'gm' }],
  };
  const approverOf = (value: number) => lookupApproval(ladder, value);

  it('puts a bound in the band it closes and the next cent in the next band', () => {
    expect(approverOf(5).bands.map((b) => b.approver)).toEqual(['manager']);
    expect(approverOf(5.01).bands.map((b) => b.approver)).toEqual(['director']);
    expect(approverOf(0).bands.map((b) => b.approver)).toEqual(['manager']);
  });

  it('says why a value has no approver, and always lists the conditions', () => {
    expect(approverOf(-0.01)).toEqual({ bands: [], outside: 'negative', conditions: ladder.conditions });
    expect(approverOf(11).outside).toBe('gap');
    expect(approverOf(10.01).outside).toBe('gap');
    expect(approverOf(20.01).outside).toBe('above');
    expect(approverOf(7).conditions).toEqual(ladder.conditions);
  });

  it('returns both bands where they overlap', () => {
    const overlapping = { bands: [{ upTo: 10, approver: 'a' }, { over: 5, approver: 'b' }] };
    expect(lookupApproval(overlapping, 7).bands.map((b) => b.approver)).toEqual(['a', 'b']);
  });
});

describe('parseValue', () => {
  it('reads numbers as people type them', () => {
    expect(parseValue('5')).toBe(5);
    expect(parseValue(' 5.01 ')).toBe(5.01);
    expect(parseValue('100,000')).toBe(100000);
    expect(parseValue('1,234,567.5')).toBe(1234567.5);
    expect(parseValue('100 000')).toBe(100000);
    expect(parseValue('-3')).toBe(-3);
    expect(parseValue('.5')).toBe(0.5);
    expect(parseValue('５０００')).toBe(5000);
    expect(parseValue('5 %', '%')).toBe(5);
    expect(parseValue('EUR 2,000', 'EUR')).toBe(2000);
    expect(parseValue('2000 eur', 'EUR')).toBe(2000);
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const text of ['', 'abc', '5,5', '1,00', '5.0.1', '--5', '5e3', '.', '5 EUR']) expect(parseValue(text), text).toBeUndefined();
  });
});

describe('approvalLadders', () => {
  it('lists ladders by order type as handover.yaml orders them, then by procedure', async () => {
    const { pkg } = await checkDir(sampleDir);
    const orderTypes = pkg.meta!.data.orderTypes.map((type) => type.id);
    const order = approvalLadders(pkg).map((entry) => orderTypes.indexOf(entry.procedure.data.orderType));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(approvalLadders(pkg)).toHaveLength(pkg.procedures.reduce((n, p) => n + (p.data.approvals?.length ?? 0), 0));
  });
});

describe('formatBandWrapping', () => {
  it('keeps each bound on one line and breaks only at the dash', () => {
    expect(formatBandWrapping({ over: 25000, upTo: 100000 }, 'EUR')).toBe('>\u00a025,000\u00a0EUR – ≤\u00a0100,000\u00a0EUR');
    expect(formatBandWrapping({ upTo: 5 }, '%')).toBe('≤\u00a05\u00a0%');
  });
});

describe('lookup values', () => {
  it('show every decimal the value was compared with', () => {
    expect(formatExact(5.00001, 'en')).toBe('5.00001');
    expect(formatExact(100000.5, 'zh-CN')).toBe('100,000.5');
  });

  it('refuse dot-grouped thousands, which a German reader means as thousands', () => {
    expect(ambiguousValue('500.000')).toBe(true);
    expect(ambiguousValue('1.234.567')).toBe(true);
    expect(ambiguousValue('500.00')).toBe(false);
    expect(ambiguousValue('5.00001')).toBe(false);
    expect(ambiguousValue('500,000')).toBe(false);
  });

  it('flag a percentage over 100', () => {
    expect(implausibleValue(200000, '%')).toBe(true);
    expect(implausibleValue(100, '%')).toBe(false);
    expect(implausibleValue(200000, 'EUR')).toBe(false);
  });
});
