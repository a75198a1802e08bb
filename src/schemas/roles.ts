import { z } from 'astro/zod';
import { identifier, text } from './common.ts';

/** A role that owns procedures, raises requests or approves them. */
export const roleSchema = z.strictObject({
  /** Referenced by `owner`, `approver`, `initiatedBy`, `requestedBy`. */
  id: identifier,
  /** Display name, e.g. "Sales manager". */
  name: text,
  /** Authority rank; a higher number means more authority. */
  rank: z.number({ error: 'expected a whole number' }).int('expected a whole number'),
});

export type Role = z.infer<typeof roleSchema>;
