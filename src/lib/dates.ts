/** Calendar dates are UTC midnights, so comparisons never depend on the machine's time zone. */

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` strictly; undefined for anything else, including 2026-02-30. */
export function parseDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return formatDate(date) === text ? date : undefined;
}

/** Today as a calendar date (UTC). */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
