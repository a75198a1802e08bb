/**
 * The reader's learning progress in the browser's localStorage. Storage may be
 * unavailable (private mode, disabled by policy): then progress simply is not
 * kept, and the pages still work.
 */
import { emptyProgress, parseProgress, type Progress } from '../../lib/learning.ts';

export function loadProgress(key: string): Progress {
  try {
    return parseProgress(localStorage.getItem(key));
  } catch {
    return emptyProgress();
  }
}

/** Applies a change to the stored progress and returns the new progress. */
export function updateProgress(key: string, change: (progress: Progress) => Progress): Progress {
  const next = change(loadProgress(key));
  try {
    localStorage.setItem(key, JSON.stringify(next));
  } catch {
    // Not kept; see above.
  }
  return next;
}

/** Today in the reader's calendar, YYYY-MM-DD. */
export function localDate(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Reads a JSON data attribute written by the page at build time. */
export function jsonData<T>(element: HTMLElement, name: string): T {
  return JSON.parse(element.dataset[name] ?? 'null') as T;
}
