import { describe, expect, it } from 'vitest';
import { bandChartLayout, bandChartSvg, roleColors, rolePalette } from '../../src/lib/band-chart.ts';
import type { ApprovalBand } from '../../src/schemas/index.ts';

const ladderOf = (...bands: ApprovalBand[]) => ({ bands, unit: 'EUR' });
const names: Record<string, string> = { a: 'Sales Manager', b: 'Sales Director', c: 'General Manager' };
const options = { id: 'chart-1', locale: 'en', title: 'Discount <list>', nameOf: (role: string) => names[role] ?? role, colorOf: () => '#8ecae6', noApprover: 'no approver', overlap: 'overlap' };

describe('bandChartLayout', () => {
  it('lays a seamless ladder in one lane, with a tick per bound and no gap or overlap', () => {
    const layout = bandChartLayout(ladderOf({ upTo: 5, approver: 'a' }, { over: 5, upTo: 12, approver: 'b' }, { over: 12, approver: 'c' }));
    expect(layout.lanes).toBe(1);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 5, 12]);
    expect(layout.gaps).toEqual([]);
    expect(layout.overlaps).toEqual([]);
    // Bands touch: each starts where the previous one ends, and the last runs to the end of the axis.
    const [first, second, third] = layout.bands;
    expect(second!.x).toBeCloseTo(first!.x + first!.width);
    expect(third!.x).toBeCloseTo(second!.x + second!.width);
    expect(third!.x + third!.width).toBe(layout.end);
    expect(third!.unbounded).toBe(true);
  });

  it('shows a gap where values have no approver, even a tiny one', () => {
    const layout = bandChartLayout(ladderOf({ upTo: 100000, approver: 'a' }, { over: 100000.01, approver: 'b' }));
    expect(layout.gaps).toHaveLength(1);
    const [gap] = layout.gaps;
    const tick = (value: number) => layout.ticks.find((t) => t.value === value)!.x;
    expect(gap!.x).toBeLessThanOrEqual(tick(100000));
    expect(gap!.x + gap!.width).toBeGreaterThanOrEqual(tick(100000.01));
    expect(gap!.width).toBeGreaterThan(30);
  });

  it('stacks overlapping bands in a second lane and frames the overlap', () => {
    const layout = bandChartLayout(ladderOf({ upTo: 10, approver: 'a' }, { over: 5, approver: 'b' }));
    expect(layout.bands.map((band) => band.lane)).toEqual([0, 1]);
    expect(layout.lanes).toBe(2);
    expect(layout.overlaps).toHaveLength(1);
    expect(layout.gaps).toEqual([]);
  });

  it('marks the open top and a lone uncovered value', () => {
    const openTop = bandChartLayout(ladderOf({ upTo: 5, approver: 'a' }));
    expect(openTop.gaps).toHaveLength(1);
    expect(openTop.gaps[0]!.x + openTop.gaps[0]!.width).toBe(openTop.end);
    // over: 0 leaves the value 0 itself without approver.
    const layout = bandChartLayout(ladderOf({ over: 0, approver: 'a' }));
    expect(layout.gaps).toHaveLength(1);
    expect(layout.gaps[0]!.width).toBeLessThan(10);
  });

  it('draws a ladder without bounds across the whole axis', () => {
    const layout = bandChartLayout(ladderOf({ approver: 'a' }));
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0]);
    expect(layout.bands[0]!.unbounded).toBe(true);
    expect(layout.gaps).toEqual([]);
  });
});

describe('bandChartSvg', () => {
  it('names the bands for screen readers and escapes text', () => {
    const svg = bandChartSvg(ladderOf({ upTo: 5, approver: 'a' }, { over: 5, approver: 'b' }), options);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-label="Discount &#60;list&#62;: ≤ 5 EUR: Sales Manager; &#62; 5 EUR: Sales Director"');
    expect(svg).toContain('>Sales Manager</text>');
    expect(svg).not.toContain('no approver');
  });

  it('hatches gaps with a pattern of its own id', () => {
    const svg = bandChartSvg(ladderOf({ upTo: 5, approver: 'a' }, { over: 6, approver: 'b' }), { ...options, id: 'procedure/a#1' });
    expect(svg).toContain('<pattern id="procedure-a-1-hatch"');
    expect(svg).toContain('fill="url(#procedure-a-1-hatch)"');
    expect(svg).toContain('<title>no approver</title>');
  });
});

describe('roleColors', () => {
  it('gives each role a colour by rank, the same on every chart', () => {
    const role = (id: string, rank: number) => ({ data: { id, rank } });
    const colors = roleColors({ roles: [role('director', 5), role('rep', 1), role('manager', 3)] });
    expect([colors.get('rep'), colors.get('manager'), colors.get('director')]).toEqual([rolePalette[0], rolePalette[1], rolePalette[2]]);
  });
});
