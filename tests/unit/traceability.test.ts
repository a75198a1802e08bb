import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { checkTimeline, daysBetween, nextCheck, procedureContext, recordHref, subjectHref, traceabilityRows } from '../../src/lib/traceability.ts';
import { MINIMAL_PACKAGE, filesOf } from '../support/package.ts';

const procedure = (slug: string, extra = '') =>
  `---\ntitle: ${slug}\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\ncriticality: standard\n${extra}---\nBody.\n`;

const { pkg } = loadPackage(
  filesOf({
    'handover.yaml': MINIMAL_PACKAGE['handover.yaml'],
    'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n',
    'procedures/standard/a.mdx': procedure('a'),
    'procedures/standard/b.mdx': procedure('b', 'audience: internal\n'),
    'customizations/x/requirement.mdx': '---\ntitle: X spec\nrequestedBy: rep\npriority: high\nstatus: delivered\nprocedures:\n  - standard/a\nlimitations:\n  - Only per line.\n---\n',
    'customizations/x/implementation.mdx': '---\ntitle: X impl\nvendor: V\n---\n',
    'customizations/x/tests.yaml':
      'records:\n  - id: T1\n    case: C\n    date: 2026-01-05\n    tester: A\n    result: pass\n  - id: T2\n    case: D\n    date: 2026-01-05\n    tester: A\n    result: fail\n  - id: T3\n    case: E\n    date: 2026-01-05\n    tester: A\n    result: fail\n    limitations:\n      - Only per line.\n      - Not for bundles.\n  - id: T4\n    case: F\n    date: 2026-01-05\n    tester: A\n    result: blocked\n    audience: internal\n',
    'customizations/secret/requirement.mdx': '---\ntitle: Secret\nrequestedBy: rep\npriority: low\nstatus: proposed\naudience: internal\nprocedures:\n  - standard/a\n---\n',
    'conflicts.yaml': '- id: CF-1\n  title: C\n  legacyPractice: L\n  systemRule: S\n  owner: rep\n  status: open\n  procedures:\n    - standard/a\n  checks:\n    - due: 2026-09-01\n    - due: 2026-05-01\n      done: 2026-05-03\n    - due: 2026-12-01\n',
    'issues.yaml': '- id: ISS-1\n  reported: 2026-01-06\n  reporter: A\n  category: data\n  summary: S\n  status: open\n  procedures:\n    - standard/a\n- id: ISS-2\n  reported: 2026-01-06\n  reporter: A\n  category: data\n  summary: S\n  status: open\n',
  }),
);
const today = new Date(Date.UTC(2026, 8, 30));

describe('traceabilityRows', () => {
  it('traces each customization from requirement to procedures, counting results and unexcused failures', () => {
    const row = traceabilityRows(pkg).find((r) => r.customization.id === 'x');
    expect(row).toMatchObject({
      title: 'X spec',
      tests: { pass: 1, fail: 2, blocked: 1, unexcused: ['T2'] },
      limitations: ['Only per line.', 'Not for bundles.'],
      procedures: ['standard/a'],
    });
  });

  it('counts only what the public profile publishes', () => {
    const rows = traceabilityRows(applyProfile(pkg, 'public'));
    expect(rows.map((r) => r.customization.id)).toEqual(['x']);
    expect(rows[0]!.tests.blocked).toBe(0);
  });
});

describe('procedureContext', () => {
  it('finds the customizations, conflicts and issues that name a procedure', () => {
    const context = procedureContext(applyProfile(pkg, 'public'), 'standard/a');
    expect(context.customizations.map((c) => [c.customization.id, c.limitations])).toEqual([['x', ['Only per line.', 'Not for bundles.']]]);
    expect(context.conflicts.map((c) => c.data.id)).toEqual(['CF-1']);
    expect(context.issues.map((i) => i.data.id)).toEqual(['ISS-1']);
    expect(procedureContext(pkg, 'standard/b')).toEqual({ customizations: [], conflicts: [], issues: [] });
  });
});

describe('conflict check timeline', () => {
  const conflict = pkg.conflicts[0]!.data;
  it('orders checks by due date and flags the overdue ones with their days', () => {
    expect(checkTimeline(conflict, today).map((c) => [c.due.toISOString().slice(0, 10), c.overdue, c.daysOverdue])).toEqual([
      ['2026-05-01', false, 0],
      ['2026-09-01', true, 29],
      ['2026-12-01', false, 0],
    ]);
    expect(nextCheck(conflict, today)?.overdue).toBe(true);
    expect(daysBetween(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 31)))).toBe(30);
  });
});

describe('subjectHref', () => {
  const published = applyProfile(pkg, 'public');
  it('links each kind of subject to its page, and nothing the profile leaves out', () => {
    expect(subjectHref({ kind: 'procedure', id: 'standard/a' }, published)).toBe('/procedures/standard/a/');
    expect(subjectHref({ kind: 'procedure', id: 'standard/b' }, published)).toBeUndefined();
    expect(subjectHref({ kind: 'procedure', id: 'standard/b' }, pkg)).toBe('/procedures/standard/b/');
    expect(subjectHref({ kind: 'test', customization: 'x', id: 'T2' }, published)).toBe('/customizations/x/#test-t2');
    expect(subjectHref({ kind: 'test', customization: 'x', id: 'T4' }, published)).toBeUndefined();
    expect(subjectHref({ kind: 'customization', id: 'secret' }, published)).toBeUndefined();
    expect(subjectHref({ kind: 'conflict', id: 'CF-1' }, published)).toBe(recordHref.conflict('CF-1'));
    expect(recordHref.issue('ISS-1')).toBe('/issues/#iss-1');
    expect(subjectHref({ kind: 'order-type', id: 'standard' }, published)).toBeUndefined();
  });
});
