import { z } from 'astro/zod';

/**
 * Building blocks shared by the content-type schemas. Custom issues carry a
 * `findingCode` param when they stand for a finding other than
 * `schema-invalid`, so `parseWithFriendlyErrors` can report the right code.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD`; parsed to a UTC-midnight `Date`. */
export const isoDate = z
  .union([z.string(), z.date()], { error: 'expected a date written YYYY-MM-DD' })
  .transform((value, ctx) => {
    if (value instanceof Date) return value;
    const match = ISO_DATE.exec(value.trim());
    const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : undefined;
    // Date.UTC rolls 2026-02-30 over into March; a round trip catches that.
    if (!date || date.toISOString().slice(0, 10) !== value.trim()) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a real date written YYYY-MM-DD` });
      return z.NEVER;
    }
    return date;
  });

/** An identifier that appears in URLs and references: letters, digits, `-`, `_`, `.`. */
export const identifier = z
  .string({ error: 'expected an id (letters, digits, - and _)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id may hold only letters, digits, ".", "-" and "_", starting with a letter or digit');

/** Human text that must not be blank. */
export const text = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');

/**
 * A version label. Always a string: YAML reads `2.10` as the number 2.1, so
 * numbers are refused rather than silently changed.
 */
export const versionLabel = z.string({ error: 'expected a quoted version such as "2.1" (YAML reads unquoted 2.10 as 2.1)' }).trim().min(1);

/**
 * Who may see a document or record. `internal` ones are left out of the
 * public build profile (pages, search index, exports, decks, handbook).
 */
export const audience = z.enum(['public', 'internal']).default('public');

export type Audience = z.infer<typeof audience>;
