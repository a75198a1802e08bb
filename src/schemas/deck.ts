import { z } from 'astro/zod';
import { audience, text } from './common.ts';

/**
 * Frontmatter of `decks/<slug>.md`. Other Marp directives (theme, paginate,
 * header, ...) pass through untouched.
 */
export const deckSchema = z.looseObject({
  /** Must be true: the file is a Marp deck. */
  marp: z.literal(true, { error: 'a deck must declare "marp: true"' }),
  /** Title shown on the training page. */
  title: text,
  /** Ids of the procedures this deck trains. */
  covers: z.array(text).min(1, 'name at least one procedure the deck covers'),
  /** Who may see it. */
  audience,
});

export type Deck = z.infer<typeof deckSchema>;
