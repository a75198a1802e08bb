import { z } from 'astro/zod';
import { audience, text } from './common.ts';

const choiceIndex = z.number({ error: 'expected a choice index (0 is the first choice)' }).int('expected a whole number');

/** One question of a quiz. */
export const questionSchema = z
  .strictObject({
    /** The question. */
    prompt: text,
    /** The possible answers, in the order shown. */
    choices: z.array(text).min(2, 'a question needs at least two choices'),
    /** 0-based index of the right choice, or a list for multiple-answer questions. */
    answer: z.union([choiceIndex, z.array(choiceIndex).min(1, 'name at least one right choice')], {
      error: 'expected a choice index or a list of indices',
    }),
    /** Why the answer is right; shown after submitting. */
    explanation: text.optional(),
  })
  .superRefine((question, ctx) => {
    const answers = Array.isArray(question.answer) ? question.answer : [question.answer];
    answers.forEach((index, position) => {
      if (index < 0 || index >= question.choices.length) {
        ctx.addIssue({
          code: 'custom',
          path: Array.isArray(question.answer) ? ['answer', position] : ['answer'],
          message: `answer ${index} does not exist: the question has ${question.choices.length} choices, numbered 0 to ${question.choices.length - 1}`,
          params: { findingCode: 'quiz-invalid-answer' },
        });
      }
    });
    if (new Set(answers).size !== answers.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'the same choice is listed twice', params: { findingCode: 'quiz-invalid-answer' } });
    }
  });

/** `quizzes/<slug>.yaml`: a reusable test paper with its answer key. */
export const quizSchema = z.strictObject({
  /** Title of the test paper. */
  title: text,
  /** Ids of the procedures it tests. */
  covers: z.array(text).min(1, 'name at least one procedure the quiz covers'),
  /** Score in percent needed to pass. */
  passMark: z.number({ error: 'expected a percentage' }).min(0).max(100),
  /** The questions. */
  questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
  /** Who may see it. */
  audience,
  /**
   * `internal` keeps the answer key for the trainer: the public portal shows
   * the questions and the test paper, but no right answers, explanations or
   * answer-key page, and cannot score the quiz online.
   */
  answerKey: z.enum(['public', 'internal']).default('public'),
});

export type Question = z.infer<typeof questionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
