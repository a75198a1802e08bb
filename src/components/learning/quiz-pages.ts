/** What the three pages of a quiz (interactive, test paper, answer key) share. */
import type { QuizEntry } from '../../lib/package.ts';
import { routes } from '../../lib/routes.ts';
import { getSiteData } from '../../integration/site-data.ts';

/** One page per published quiz, its parameter taken from routes.quiz so the page sits where links point. */
export async function quizStaticPaths() {
  const { pkg } = await getSiteData();
  return pkg.quizzes.map((quiz) => ({ params: { slug: routes.quiz(quiz.slug).split('/')[2] }, props: { quiz } }));
}

export interface QuizPageProps {
  quiz: QuizEntry;
}

/** The letter of a choice on paper: A, B, C ... */
export function choiceLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}
