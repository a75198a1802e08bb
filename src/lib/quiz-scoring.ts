/**
 * Scoring of quizzes (test papers). Pure, so the quiz page's browser script
 * and the unit tests use the very same rules.
 */

/** What scoring needs of a question: its right answer, as written in the quiz file. */
export interface ScorableQuestion {
  /** 0-based index of the right choice, or a list for multiple-answer questions. */
  answer: number | readonly number[];
}

export interface QuestionResult {
  correct: boolean;
  /** The right choices, sorted. */
  expected: number[];
  /** What the reader chose, sorted and without duplicates. */
  chosen: number[];
}

export interface QuizScore {
  /** Number of questions answered right. */
  correct: number;
  total: number;
  /** Score in percent, rounded to a whole number for display. */
  percent: number;
  /** Whether the score reaches the pass mark. */
  passed: boolean;
  /** One result per question, in the quiz file's order. */
  questions: QuestionResult[];
}

const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/** The right choices of a question as a sorted list, whether it has one answer or several. */
export function rightChoices(question: ScorableQuestion): number[] {
  return sortedUnique(typeof question.answer === 'number' ? [question.answer] : question.answer);
}

/** Whether a question takes several answers (checkboxes) rather than one (radio buttons). */
export function isMultipleAnswer(question: ScorableQuestion): boolean {
  return typeof question.answer !== 'number';
}

/**
 * A question is answered right only when exactly the right set of choices is
 * chosen: on a multiple-answer question, a missing or an extra choice makes it wrong.
 */
export function scoreQuestion(question: ScorableQuestion, chosen: Iterable<number>): QuestionResult {
  const expected = rightChoices(question);
  const picked = sortedUnique(chosen);
  const correct = picked.length === expected.length && picked.every((choice, index) => choice === expected[index]);
  return { correct, expected, chosen: picked };
}

/**
 * Scores a whole quiz. `answers[i]` holds the choices picked for question i
 * (in the quiz file's order); a missing entry counts as unanswered, hence wrong.
 * The pass test compares the exact ratio, so rounding never turns a fail into a pass.
 */
export function scoreQuiz(questions: readonly ScorableQuestion[], answers: readonly (Iterable<number> | undefined)[], passMark: number): QuizScore {
  const results = questions.map((question, index) => scoreQuestion(question, answers[index] ?? []));
  const correct = results.filter((result) => result.correct).length;
  const total = questions.length;
  return {
    correct,
    total,
    percent: total === 0 ? 0 : Math.round((correct / total) * 100),
    passed: total > 0 && correct * 100 >= passMark * total,
    questions: results,
  };
}

/**
 * A shuffled copy (Fisher–Yates). `random` returns numbers in [0, 1), like
 * Math.random, which the browser passes; tests pass a seeded one.
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
