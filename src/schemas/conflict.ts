import { z } from 'astro/zod';
import { audience, identifier, isoDate, text } from './common.ts';

/** A follow-up check that people have not drifted back to the manual way. */
export const conflictCheckSchema = z.strictObject({
  /** When the check is due. */
  due: isoDate,
  /** When it was carried out. */
  done: isoDate.optional(),
  /** What the check found. */
  finding: text.optional(),
});

/** One entry of `conflicts.yaml`: where the system and the old manual practice disagree. */
export const conflictSchema = z.strictObject({
  /** Register number, e.g. CF-01. */
  id: identifier,
  /** Short name of the conflict. */
  title: text,
  /** How it was done before the system. */
  legacyPractice: text,
  /** What the system requires instead. */
  systemRule: text,
  /** How the conflict is settled. */
  resolution: text.optional(),
  /** Ids of the procedures concerned. */
  procedures: z.array(text).optional(),
  /** Role id responsible for the follow-up. */
  owner: identifier,
  /** Where it stands. */
  status: z.enum(['open', 'monitoring', 'resolved']),
  /** Follow-up checks after go-live. */
  checks: z.array(conflictCheckSchema).optional(),
  /** Who may see it. */
  audience,
});

export type ConflictCheck = z.infer<typeof conflictCheckSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
