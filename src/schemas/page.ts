import { z } from 'astro/zod';
import { audience, text } from './common.ts';

/**
 * Frontmatter of a free page under `pages/`. Only `title` is required; other
 * Starlight frontmatter fields pass through.
 */
export const pageSchema = z.looseObject({
  /** Page title. */
  title: text,
  /** Who may see it. */
  audience,
});

export type Page = z.infer<typeof pageSchema>;
