import { describe, expect, it } from 'vitest';
import { assessCompleteness, CLOSEOUT_CODES, isCheckOverdue, isUnexcusedFailure, itemLocation, openItems } from '../../src/lib/completeness.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { filesOf } from '../support/package.ts';

const files = filesOf({
  'handover.yaml': 'title: T\norganization: O\nsystem: S\ngoLive: 2026-01-05\ncurrency: EUR\norderTypes:\n  - id: standard\n    name: Standard\n  - id: sample\n    name: Sample\n',
  'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n',
  'procedures/standard/order.mdx': '---\ntitle: P\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2026-06-01\ncriticality: key\n---\nNo diagram.\n',
  'customizations/x/requirement.mdx': '---\ntitle: X\nrequestedBy: rep\npriority: high\nstatus: delivered\n---\n',
  'customizations/x/implementation.mdx': '---\ntitle: X\nvendor: V\n---\n',
  'conflicts.yaml': '- id: CF-1\n  title: C\n  legacyPractice: L\n  systemRule: S\n  owner: rep\n  status: open\n  checks:\n    - due: 2026-05-01\n    - due: 2026-05-01\n      done: 2026-05-02\n',
});

describe('assessCompleteness', () => {
  const { pkg } = loadPackage(files);

  it('yields the closeout warnings as of a given day', () => {
    const { findings } = assessCompleteness(pkg, new Date(Date.UTC(2026, 6, 1)));
    expect(findings.map((f) => `${f.code} ${f.file}:${f.line ?? ''}`).sort()).toEqual([
      'conflict-check-overdue conflicts.yaml:8',
      'customization-missing-tests customizations/x/:',
      'deck-uncovered procedures/standard/order.mdx:1',
      'missing-diagram procedures/standard/order.mdx:10',
      'missing-procedure handover.yaml:9',
      'review-overdue procedures/standard/order.mdx:7',
    ]);
  });

  it('is not overdue on the due day itself', () => {
    const { findings } = assessCompleteness(pkg, new Date(Date.UTC(2026, 4, 1)));
    expect(findings.map((f) => f.code)).not.toContain('conflict-check-overdue');
    expect(findings.map((f) => f.code)).not.toContain('review-overdue');
  });

  it('scores each part by the share of items that are ok', () => {
    const parts = Object.fromEntries(assessCompleteness(pkg, new Date(Date.UTC(2026, 4, 1))).parts.map((p) => [p.id, p.score]));
    expect(parts).toMatchObject({ conflicts: 100, training: 0, 'issue-log': 100 });
  });
});

describe('the checklist items', () => {
  const { pkg } = loadPackage(
    filesOf({
      ...Object.fromEntries(files),
      'customizations/x/tests.yaml': 'records:\n  - id: T1\n    case: C\n    date: 2026-01-05\n    tester: A\n    result: fail\n  - id: T2\n    case: D\n    date: 2026-01-05\n    tester: A\n    result: fail\n    waiver: accepted\n',
      'customizations/y/requirement.mdx': '---\ntitle: Y\nrequestedBy: rep\npriority: low\nstatus: proposed\n---\n',
      'customizations/y/implementation.mdx': '---\ntitle: Y\nvendor: V\n---\n',
      'issues.yaml': '- id: I-1\n  reported: 2026-01-06\n  reporter: A\n  category: data\n  summary: S\n  status: open\n- id: I-2\n  reported: 2026-01-06\n  reporter: A\n  category: data\n  summary: T\n  status: resolved\n  solution: Done this way.\n',
    }),
  );
  const completeness = assessCompleteness(pkg, new Date(Date.UTC(2026, 6, 1)));

  it('marks a failed test without limitation or waiver as failed, an excused one as ok', () => {
    const tests = completeness.parts.find((p) => p.id === 'customizations')!.items.filter((i) => i.check === 'test-failed');
    expect(tests.map((i) => [i.subject, i.status])).toEqual([
      [{ kind: 'test', customization: 'x', id: 'T1' }, 'failed'],
      [{ kind: 'test', customization: 'x', id: 'T2' }, 'ok'],
    ]);
    expect(tests[0]!.code).toBe('test-failed');
    expect(tests[1]!.code).toBeUndefined();
  });

  it('keeps open issues in the issue log without turning them into findings', () => {
    const log = completeness.parts.find((p) => p.id === 'issue-log')!;
    expect(log.items.map((i) => [i.subject.id, i.status])).toEqual([['I-1', 'missing'], ['I-2', 'ok']]);
    expect(log.score).toBe(50);
    expect(completeness.findings.every((f) => CLOSEOUT_CODES.has(f.code))).toBe(true);
  });

  it('yields exactly one finding per item that is not ok and has a code', () => {
    const coded = completeness.parts.flatMap((p) => p.items).filter((i) => i.status !== 'ok' && i.code);
    expect(completeness.findings.map((f) => `${f.code} ${f.file}:${f.line ?? ''}`).sort()).toEqual(coded.map((i) => `${i.code} ${i.file}:${i.line ?? ''}`).sort());
  });

  it('lists open items overdue first, oldest due date first, then failed, then missing', () => {
    const order = openItems(completeness).map((i) => `${i.status} ${i.check}`);
    expect(order).toEqual([
      'overdue conflict-check-overdue',
      'overdue review-overdue',
      'failed test-failed',
      'missing missing-procedure',
      'missing missing-diagram',
      'missing customization-missing-tests',
      'missing deck-uncovered',
      'missing issue-open',
    ]);
  });

  it('writes locations as file:line', () => {
    expect(itemLocation({ file: 'a.yaml', line: 3 })).toBe('a.yaml:3');
    expect(itemLocation({ file: 'customizations/x/' })).toBe('customizations/x/');
  });
});

describe('the shared rules', () => {
  it('excuses a failure by a waiver or a limitation, never a pass or blocked record', () => {
    expect(isUnexcusedFailure({ result: 'fail' })).toBe(true);
    expect(isUnexcusedFailure({ result: 'fail', limitations: [] })).toBe(true);
    expect(isUnexcusedFailure({ result: 'fail', limitations: ['only per line'] })).toBe(false);
    expect(isUnexcusedFailure({ result: 'fail', waiver: 'agreed' })).toBe(false);
    expect(isUnexcusedFailure({ result: 'blocked' })).toBe(false);
  });

  it('judges a check overdue only after its due day and only while not done', () => {
    const due = new Date(Date.UTC(2026, 8, 1));
    expect(isCheckOverdue({ due }, due)).toBe(false);
    expect(isCheckOverdue({ due }, new Date(Date.UTC(2026, 8, 2)))).toBe(true);
    expect(isCheckOverdue({ due, done: new Date(Date.UTC(2026, 8, 5)) }, new Date(Date.UTC(2026, 9, 1)))).toBe(false);
  });
});
