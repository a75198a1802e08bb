import { describe, expect, it } from 'vitest';
import { formatDiff } from '../../src/lib/diff-report.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { diffPackages, isEmptyDiff } from '../../src/lib/package-diff.ts';
import { MINIMAL_PACKAGE, filesOf, minimalProcedure } from '../support/package.ts';

const LADDER = (limit: number) => `approvals:\n  - action: Discount\n    metric: discount\n    unit: "%"\n    bands:\n      - upTo: ${limit}\n        approver: rep\n      - over: ${limit}\n        approver: boss\n`;
const ISSUES = (status: string) => `- id: I-1\n  reported: 2026-01-05\n  reporter: A\n  category: data\n  summary: Duplicate customer\n  status: ${status}\n${status === 'resolved' ? '  solution: Merged.\n' : ''}`;

const pkg = (tree: Record<string, string>) => loadPackage(filesOf({ ...MINIMAL_PACKAGE, ...tree })).pkg;

describe('diffPackages', () => {
  it('finds nothing between a package and itself', () => {
    const same = pkg({ 'procedures/standard/order.mdx': minimalProcedure(LADDER(5)), 'issues.yaml': ISSUES('open') });
    const diff = diffPackages(same, same);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatDiff(diff, { before: 'a', after: 'b' })).toBe('Changes from a to b\n\nNo changes.');
  });

  it('reports a moved limit band by band, a reopened issue, and a changed text whose version stayed', () => {
    const before = pkg({ 'procedures/standard/order.mdx': minimalProcedure(LADDER(5)), 'issues.yaml': ISSUES('resolved') });
    const after = pkg({ 'procedures/standard/order.mdx': minimalProcedure(LADDER(3), 'Body, revised\n'), 'issues.yaml': ISSUES('open') });
    const diff = diffPackages(before, after);
    expect(diff.ladders.map((l) => [l.procedure, l.difference.kind, l.difference.bands.map((b) => b.kind)])).toEqual([['standard/order', 'changed', ['changed', 'changed']]]);
    expect(diff.registers.issues).toEqual([{ id: 'I-1', title: 'Duplicate customer', kind: 'reopened' }]);
    expect(diff.procedures.changed.map((p) => [p.frontmatterChanged, p.bodyChanged])).toEqual([[true, true]]);
    expect(diff.findings.map((f) => [f.code, f.file, f.field, f.message])).toEqual([
      ['version-not-bumped', 'procedures/standard/order.mdx', 'version', 'the front matter and body changed since the baseline, but the version is still "1"'],
    ]);
    expect(formatDiff(diff, { before: 'v1', after: 'v2' })).toContain('band 1 changed: ≤ 5 %: rep → ≤ 3 %: rep');
  });

  it('reports a ladder where it is written, not again in the variants that inherit it', () => {
    const variant = '---\ntitle: V\norderType: standard\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\nbasedOn: standard/order\n---\nBody\n';
    const before = pkg({ 'procedures/standard/order.mdx': minimalProcedure(LADDER(5)), 'procedures/standard/variant.mdx': variant });
    const after = pkg({ 'procedures/standard/order.mdx': minimalProcedure(LADDER(4)), 'procedures/standard/variant.mdx': variant });
    expect(diffPackages(before, after).ladders.map((l) => l.procedure)).toEqual(['standard/order']);
  });
});
