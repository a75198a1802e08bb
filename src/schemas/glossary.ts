import { z } from 'astro/zod';
import { text } from './common.ts';

/** One term of `glossary.yaml`. */
export const glossaryEntrySchema = z.strictObject({
  /** The term as it is written in procedures. */
  term: text,
  /** What the term means in this company. */
  definition: text,
  /** Other spellings that should be recognised as the same term. */
  aliases: z.array(text).optional(),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
