import { describe, expect, it } from 'vitest';
import { emptyProgress, firstUnfinished, isLastSlide, lastStudied, parseProgress, parseStep, resolveLearningPath, stepStatus, withQuizResult, withRead } from '../../src/lib/learning.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { filesOf } from '../support/package.ts';

const procedure = (title: string, audience = 'public') =>
  `---\ntitle: ${title}\norderType: standard\nowner: clerk\nversion: "1"\neffective: 2026-01-01\nreviewBy: 2027-01-01\ncriticality: standard\naudience: ${audience}\n---\nBody.\n`;

const pkg = loadPackage(
  filesOf({
    'handover.yaml': 'title: T\norganization: O\nsystem: S\ngoLive: 2026-01-01\ncurrency: EUR\norderTypes:\n  - id: standard\n    name: Standard\nlearningPaths:\n  - id: start\n    title: Start\n    steps: [standard/order, standard/secret, "deck:basics", standard/missing, "quiz:basics"]\n',
    'roles.yaml': '- id: clerk\n  name: Clerk\n  rank: 1\n',
    'procedures/standard/order.mdx': procedure('Order'),
    'procedures/standard/secret.mdx': procedure('Secret', 'internal'),
    'decks/basics.md': '---\nmarp: true\ntitle: Basics deck\ncovers: [standard/order]\n---\n# Slide\n',
    'quizzes/basics.yaml': 'title: Basics quiz\ncovers: [standard/order]\npassMark: 50\nquestions:\n  - prompt: Q\n    choices: [a, b]\n    answer: 0\n',
  }),
).pkg;
const path = pkg.meta!.data.learningPaths![0]!;

describe('learning paths', () => {
  it('parses steps of each kind', () => {
    expect(parseStep('standard/order')).toEqual({ kind: 'procedure', ref: 'standard/order' });
    expect(parseStep('deck:basics')).toEqual({ kind: 'deck', ref: 'basics' });
    expect(parseStep('quiz: basics')).toEqual({ kind: 'quiz', ref: 'basics' });
  });

  it('resolves steps to titles and addresses, leaving out what the profile drops or what does not exist', () => {
    const steps = resolveLearningPath(applyProfile(pkg, 'public'), path);
    expect(steps.map((s) => [s.kind, s.title, s.href])).toEqual([
      ['procedure', 'Order', '/procedures/standard/order/'],
      ['deck', 'Basics deck', '/decks/basics/'],
      ['quiz', 'Basics quiz', '/quizzes/basics/'],
    ]);
    expect(resolveLearningPath(pkg, path).map((s) => s.key)).toContain('standard/secret');
  });
});

describe('progress', () => {
  const steps = resolveLearningPath(applyProfile(pkg, 'public'), path);

  it('resumes at the first step neither read nor passed', () => {
    let progress = emptyProgress();
    expect(firstUnfinished(progress, steps)).toBe(0);
    progress = withRead(progress, 'standard/order', true, '2026-09-30');
    expect(firstUnfinished(progress, steps)).toBe(1);
    progress = withRead(progress, 'deck:basics', true, '2026-09-30');
    expect(firstUnfinished(progress, steps)).toBe(2);
    progress = withQuizResult(progress, 'basics', { percent: 40, passed: false }, '2026-09-30');
    expect(stepStatus(progress, steps[2]!)).toBe('failed');
    expect(firstUnfinished(progress, steps)).toBe(2);
    progress = withQuizResult(progress, 'basics', { percent: 100, passed: true }, '2026-10-02');
    expect(lastStudied(progress, steps)).toBe('2026-10-02');
    expect(firstUnfinished(progress, steps)).toBeUndefined();
    progress = withRead(progress, 'standard/order', false, '2026-10-01');
    expect(firstUnfinished(progress, steps)).toBe(0);
  });

  it('keeps the best score, the first read date and a pass once made', () => {
    let progress = withQuizResult(emptyProgress(), 'q', { percent: 80, passed: true }, '2026-01-01');
    progress = withQuizResult(progress, 'q', { percent: 20, passed: false }, '2026-01-03');
    expect(progress.quizzes.q).toEqual({ best: 80, passed: true, attempts: 2, last: '2026-01-03' });
    progress = withRead(withRead(progress, 'p', true, '2026-01-01'), 'p', true, '2026-02-02');
    expect(progress.read.p).toBe('2026-01-01');
  });

  it('knows when the path was last studied, and when a deck reached its last slide', () => {
    expect(lastStudied(emptyProgress(), steps)).toBeUndefined();
    const progress = withRead(withRead(emptyProgress(), 'deck:basics', true, '2026-03-04'), 'standard/order', true, '2026-02-01');
    expect(lastStudied(progress, steps)).toBe('2026-03-04');
    // A step of another path does not count for this one.
    expect(lastStudied(withRead(progress, 'other/procedure', true, '2026-12-31'), steps)).toBe('2026-03-04');
    expect(isLastSlide(11, 12)).toBe(false);
    expect(isLastSlide(12, 12)).toBe(true);
    expect(isLastSlide(1, 0)).toBe(false);
  });

  it('round-trips through storage and salvages what it can from damaged data', () => {
    const progress = withQuizResult(withRead(emptyProgress(), 'a/b', true, '2026-01-01'), 'q', { percent: 50, passed: false }, '2026-01-02');
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
    expect(parseProgress(null)).toEqual(emptyProgress());
    expect(parseProgress('{not json')).toEqual(emptyProgress());
    expect(parseProgress('[1,2]')).toEqual(emptyProgress());
    expect(parseProgress('{"read":{"a":"2026-01-01","b":3},"quizzes":{"q":{"best":"x"},"r":{"best":60}}}')).toEqual({
      read: { a: '2026-01-01' },
      quizzes: { r: { best: 60, passed: false, attempts: 1 } },
    });
  });
});
