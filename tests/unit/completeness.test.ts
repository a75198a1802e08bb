import { describe, expect, it } from 'vitest';
import { assessCompleteness, hasDiagram } from '../../src/lib/completeness.ts';
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

describe('hasDiagram', () => {
  it('sees a mermaid fence, not the word mermaid', () => {
    expect(hasDiagram('Text\n```mermaid\nflowchart TD\n```')).toBe(true);
    expect(hasDiagram('We drew it in mermaid once.')).toBe(false);
  });
});
