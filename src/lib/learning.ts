/**
 * Learning paths (handover.yaml `learningPaths`) and the reader's progress
 * along them. The progress lives in the reader's browser; these functions are
 * pure so the pages' scripts and the unit tests share them.
 */
import type { LearningPath } from '../schemas/index.ts';
import type { HandoverPackage } from './package.ts';
import { routes } from './routes.ts';

export type StepKind = 'procedure' | 'deck' | 'quiz';

/** One step of a learning path, resolved against the package. */
export interface PathStep {
  /** The step as written in handover.yaml: a procedure id, `deck:<slug>` or `quiz:<slug>`. */
  key: string;
  kind: StepKind;
  /** Procedure id, deck slug or quiz slug. */
  ref: string;
  title: string;
  href: string;
}

/** Splits a step as written in handover.yaml into its kind and reference. */
export function parseStep(step: string): { kind: StepKind; ref: string } {
  const match = /^(deck|quiz):(.+)$/.exec(step.trim());
  return match ? { kind: match[1] as StepKind, ref: match[2]!.trim() } : { kind: 'procedure', ref: step.trim() };
}

/**
 * The steps of a path that this package (as its profile shows it) publishes.
 * Steps whose procedure, deck or quiz is left out, by the profile or because
 * it does not exist (which `handover check` reports), are omitted.
 */
export function resolveLearningPath(pkg: HandoverPackage, path: LearningPath): PathStep[] {
  return path.steps.flatMap((key): PathStep[] => {
    const { kind, ref } = parseStep(key);
    if (kind === 'procedure') {
      const procedure = pkg.procedures.find((p) => p.id === ref);
      return procedure ? [{ key, kind, ref, title: procedure.data.title, href: routes.procedure(ref) }] : [];
    }
    if (kind === 'deck') {
      const deck = pkg.decks.find((d) => d.slug === ref);
      return deck ? [{ key, kind, ref, title: deck.data.title, href: routes.deck(ref) }] : [];
    }
    const quiz = pkg.quizzes.find((q) => q.slug === ref);
    return quiz ? [{ key, kind, ref, title: quiz.data.title, href: routes.quiz(ref) }] : [];
  });
}

/** A record of one quiz in the reader's progress. */
export interface QuizRecord {
  /** Best score so far, in percent. */
  best: number;
  /** Whether any attempt passed. */
  passed: boolean;
  attempts: number;
  /** The day of the last attempt, YYYY-MM-DD. */
  last?: string;
}

/** What the reader has done, as stored in the browser. */
export interface Progress {
  /** Step keys (procedure ids, `deck:<slug>`) marked read, with the date they were. */
  read: Record<string, string>;
  /** Quiz results by quiz slug. */
  quizzes: Record<string, QuizRecord>;
}

export function emptyProgress(): Progress {
  return { read: {}, quizzes: {} };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads stored progress. Anything unreadable (another version's format, a
 * hand-edited value) yields what can be salvaged rather than an error: losing
 * a reader's progress is better than breaking the page.
 */
export function parseProgress(text: string | null | undefined): Progress {
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : undefined;
  } catch {
    return emptyProgress();
  }
  const progress = emptyProgress();
  if (!isRecord(value)) return progress;
  if (isRecord(value.read)) {
    for (const [key, when] of Object.entries(value.read)) if (typeof when === 'string') progress.read[key] = when;
  }
  if (isRecord(value.quizzes)) {
    for (const [slug, record] of Object.entries(value.quizzes)) {
      if (isRecord(record) && typeof record.best === 'number' && Number.isFinite(record.best)) {
        progress.quizzes[slug] = {
          best: record.best,
          passed: record.passed === true,
          attempts: typeof record.attempts === 'number' ? record.attempts : 1,
          ...(typeof record.last === 'string' && { last: record.last }),
        };
      }
    }
  }
  return progress;
}

/** Progress with a step marked read (on a date, YYYY-MM-DD) or unmarked. */
export function withRead(progress: Progress, key: string, read: boolean, date: string): Progress {
  const next = { ...progress.read };
  if (read) next[key] ??= date;
  else delete next[key];
  return { ...progress, read: next };
}

/** Progress with one more quiz attempt (on a date, YYYY-MM-DD): the best score is kept, and a pass is never forgotten. */
export function withQuizResult(progress: Progress, slug: string, result: { percent: number; passed: boolean }, date: string): Progress {
  const previous = progress.quizzes[slug];
  const record: QuizRecord = {
    best: Math.max(previous?.best ?? 0, result.percent),
    passed: (previous?.passed ?? false) || result.passed,
    attempts: (previous?.attempts ?? 0) + 1,
    last: date,
  };
  return { ...progress, quizzes: { ...progress.quizzes, [slug]: record } };
}

/** Where the reader stands on one step: not started, read, or a quiz passed or failed. */
export type StepStatus = 'todo' | 'read' | 'passed' | 'failed';

export function stepStatus(progress: Progress, step: Pick<PathStep, 'kind' | 'key' | 'ref'>): StepStatus {
  if (step.kind === 'quiz') {
    const record = progress.quizzes[step.ref];
    return record ? (record.passed ? 'passed' : 'failed') : 'todo';
  }
  return progress.read[step.key] ? 'read' : 'todo';
}

/** A step is finished when it was read or, for a quiz, passed. */
export function isFinished(status: StepStatus): boolean {
  return status === 'read' || status === 'passed';
}

/** Index of the first step not finished yet: where to resume; undefined when all are done. */
export function firstUnfinished(progress: Progress, steps: readonly Pick<PathStep, 'kind' | 'key' | 'ref'>[]): number | undefined {
  const index = steps.findIndex((step) => !isFinished(stepStatus(progress, step)));
  return index === -1 ? undefined : index;
}

/**
 * The last day the reader worked on any step of a path: a procedure or deck
 * finished, a quiz attempted. Undefined before the first.
 */
export function lastStudied(progress: Progress, steps: readonly Pick<PathStep, 'kind' | 'key' | 'ref'>[]): string | undefined {
  const days = steps.map((step) => (step.kind === 'quiz' ? progress.quizzes[step.ref]?.last : progress.read[step.key])).filter((day): day is string => day !== undefined);
  return days.length > 0 ? days.reduce((latest, day) => (day > latest ? day : latest)) : undefined;
}

/** Whether the slide shown (1-based, as a deck's address names it) is the deck's last. */
export function isLastSlide(shown: number, slides: number): boolean {
  return slides > 0 && shown >= slides;
}

/**
 * The browser storage key of a package's progress. Packages served from the
 * same address (say, two portals on one intranet host) keep apart by title.
 */
export function progressStorageKey(packageTitle: string): string {
  return `handover-progress:${packageTitle}`;
}
