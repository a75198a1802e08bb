import { describe, expect, it } from 'vitest';
import { isMultipleAnswer, rightChoices, scoreQuestion, scoreQuiz, shuffled } from '../../src/lib/quiz-scoring.ts';

/** A seeded generator, so shuffles are repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('scoreQuestion', () => {
  it('scores a single-answer question by the one right choice', () => {
    expect(scoreQuestion({ answer: 1 }, [1]).correct).toBe(true);
    expect(scoreQuestion({ answer: 1 }, [0]).correct).toBe(false);
    expect(scoreQuestion({ answer: 1 }, []).correct).toBe(false);
    expect(scoreQuestion({ answer: 0 }, [0]).correct).toBe(true);
  });

  it('counts a multiple-answer question right only for exactly the right set', () => {
    const question = { answer: [0, 2] };
    expect(scoreQuestion(question, [0, 2]).correct).toBe(true);
    expect(scoreQuestion(question, [2, 0]).correct).toBe(true);
    expect(scoreQuestion(question, [0]).correct).toBe(false);
    expect(scoreQuestion(question, [0, 1, 2]).correct).toBe(false);
    expect(scoreQuestion(question, [1, 3]).correct).toBe(false);
    expect(scoreQuestion(question, []).correct).toBe(false);
  });

  it('ignores a choice given twice and reports what was expected and chosen, sorted', () => {
    expect(scoreQuestion({ answer: [2, 0] }, [2, 0, 2])).toEqual({ correct: true, expected: [0, 2], chosen: [0, 2] });
  });

  it('treats a list with one index as a one-answer set, shown with checkboxes', () => {
    expect(scoreQuestion({ answer: [3] }, [3]).correct).toBe(true);
    expect(isMultipleAnswer({ answer: [3] })).toBe(true);
    expect(isMultipleAnswer({ answer: 3 })).toBe(false);
    expect(rightChoices({ answer: 3 })).toEqual([3]);
  });
});

describe('scoreQuiz', () => {
  const questions = [{ answer: 1 }, { answer: [0, 1, 2] }, { answer: 3 }, { answer: [0, 2] }];

  it('gives the score in percent and passes at the pass mark', () => {
    const score = scoreQuiz(questions, [[1], [0, 1, 2], [3], [0]], 75);
    expect(score).toMatchObject({ correct: 3, total: 4, percent: 75, passed: true });
    expect(score.questions.map((q) => q.correct)).toEqual([true, true, true, false]);
  });

  it('fails below the pass mark and counts unanswered questions as wrong', () => {
    expect(scoreQuiz(questions, [[1], [0, 1]], 75)).toMatchObject({ correct: 1, percent: 25, passed: false });
    expect(scoreQuiz(questions, [], 0)).toMatchObject({ correct: 0, percent: 0, passed: true });
  });

  it('compares the exact ratio with the pass mark, not the rounded percent', () => {
    // 2 of 3 is 66.67 %: shown as 67 %, yet short of a 66.7 % pass mark.
    const three = [{ answer: 0 }, { answer: 0 }, { answer: 0 }];
    expect(scoreQuiz(three, [[0], [0], [1]], 66.7)).toMatchObject({ percent: 67, passed: false });
    expect(scoreQuiz(three, [[0], [0], [1]], 66)).toMatchObject({ passed: true });
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    const result = shuffled(items, seeded(7));
    expect([...result].sort()).toEqual(items);
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result).not.toEqual(items);
  });

  it('reaches every order of three items', () => {
    const random = seeded(42);
    const seen = new Set(Array.from({ length: 200 }, () => shuffled(['a', 'b', 'c'], random).join('')));
    expect(seen.size).toBe(6);
  });
});
