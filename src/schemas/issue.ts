import { z } from 'astro/zod';
import { audience, identifier, isoDate, text } from './common.ts';

/** One entry of `issues.yaml`: a problem tracked to its archived solution. */
export const issueSchema = z.strictObject({
  /** Issue number, e.g. ISS-001. */
  id: identifier,
  /** When it was reported. */
  reported: isoDate,
  /** Who reported it. */
  reporter: text,
  /** What kind of problem it is. */
  category: z.enum(['system', 'process', 'operation', 'data']),
  /** One line describing the problem. */
  summary: text,
  /** The full description. */
  details: text.optional(),
  /** Whether it is solved. */
  status: z.enum(['open', 'resolved']),
  /** How it was solved, so the next person can solve it alone. */
  solution: text.optional(),
  /** When it was solved: the issue log's days to resolution are counted from `reported` to this date. */
  resolvedOn: isoDate.optional(),
  /** Ids of the procedures concerned. */
  procedures: z.array(text).optional(),
  /** Paths of screenshots or documents that show the problem. */
  evidence: z.array(text).optional(),
  /** Who may see it. */
  audience,
});

export type Issue = z.infer<typeof issueSchema>;
