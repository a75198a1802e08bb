/** What the three pages of a quiz (interactive, test paper, answer key) share. */
import type { QuizEntry } from '../../lib/package.ts';
import { routes } from '../../lib/routes.ts';
import { getSiteData } from '../../integration/site-data.ts';

/** One page per published quiz, its parameter taken from routes.quiz so the page sits where links point. */
export async function quizStaticPaths() {
  const { pkg } = await getSiteData();
  return pkg.quizzes.map((quiz) => ({ params: { slug: routes.quiz(quiz.slug).split('/')[2] }, props: { quiz } }));
}

/** Whether this build may show a quiz's right answers: always internally, publicly unless the key is kept for the trainer. */
export async function answerKeyShown(quiz: QuizEntry): Promise<boolean> {
  return (await getSiteData()).profile === 'internal' || quiz.data.answerKey !== 'internal';
}

/** The answer-key page of each quiz whose key this build shows. */
export async function answerKeyStaticPaths() {
  const paths = await quizStaticPaths();
  const shown = await Promise.all(paths.map((path) => answerKeyShown(path.props.quiz)));
  return paths.filter((_, index) => shown[index]);
}

export interface QuizPageProps {
  quiz: QuizEntry;
}

/** The letter of a choice on paper: A, B, C ... */
export function choiceLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}
