import { routes } from './routes.ts';

/** Where one deck's files are published, as site paths (DESIGN.md section 7). */
export interface DeckFiles {
  /** The bespoke HTML presentation: `/decks/<slug>/`. */
  presentation: string;
  pdf: string;
  pptx: string;
  /** PNG of the first slide, for the training page. */
  thumbnail: string;
  /** The folder and base name the files share, relative to the site root: `decks/<slug>`. */
  base: string;
}

/** The published files of the deck `decks/<slug>.md`, all derived from its route so links and files agree. */
export function deckFiles(slug: string): DeckFiles {
  const presentation = routes.deck(slug);
  const stem = presentation.replace(/\/$/, '');
  return { presentation, pdf: `${stem}.pdf`, pptx: `${stem}.pptx`, thumbnail: `${stem}.png`, base: stem.slice(1) };
}
