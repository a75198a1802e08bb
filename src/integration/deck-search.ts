import { escapeHtml } from '../lib/html.ts';
import type { SearchFacets } from '../lib/search-facets.ts';

/**
 * A published deck, marked for the portal's search index: Pagefind indexes
 * only what carries data-pagefind-body, which Marp's page does not, and
 * skips the inside of SVG, where Marp draws each slide, so slide text was
 * never found. The page gets an unseen text copy of its slides, one heading
 * per slide; Marp's own buttons and the presenter notes are not indexed; the
 * deck's filters and metadata (content type) sit in hidden elements as on
 * every other page.
 */
/** The anchor of slide n in a deck's text copy: `#slide-3`. */
export const SLIDE_ANCHOR = 'slide-';

/**
 * Marp opens the slide its address names as `#3`; a search hit names it
 * `#slide-3` (an id of the text copy). Run before Marp's own script, this
 * turns the one into the other, so Marp opens at the slide found.
 */
const SLIDE_LINK_SCRIPT = `<script>(() => { const found = /^#${SLIDE_ANCHOR}(\\d+)$/.exec(location.hash); if (found) history.replaceState(null, '', '#' + found[1]); })();</script>`;

export function searchableDeckHtml(html: string, facets: SearchFacets): string {
  const spans = [
    ...facets.filters.map(([name, value]) => `<span data-pagefind-filter="${escapeHtml(name)}[data-value]" data-value="${escapeHtml(value)}"></span>`),
    ...facets.meta.map(([name, value]) => `<span data-pagefind-meta="${escapeHtml(name)}[data-value]" data-value="${escapeHtml(value)}"></span>`),
  ].join('');
  const slides = [...html.matchAll(/<section\b[^>]*>([\s\S]*?)<\/section>/g)].map(([, inner], index) => {
    const heading = /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/.exec(inner!)?.[1];
    const text = (fragment: string) => fragment.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    // Each slide's heading has an id, so a search hit leads to the deck at that slide.
    return `<section><h2 id="${SLIDE_ANCHOR}${index + 1}">${heading ? text(heading) : `${index + 1}`}</h2><p>${text(heading ? inner!.replace(heading, '') : inner!)}</p></section>`;
  });
  // Shown to no one (the slides are the deck): style rather than the hidden attribute, which Pagefind may honour.
  const copy = `<div class="ho-deck-text" style="display:none">${slides.join('')}</div>`;
  return html
    .replace(/<body(\s[^>]*)?>/, (body) => `${body.slice(0, -1)} data-pagefind-body>${SLIDE_LINK_SCRIPT}<div hidden>${spans}</div>${copy}`)
    .replace(/<div class="bespoke-marp-osc"/g, '<div class="bespoke-marp-osc" data-pagefind-ignore="all"')
    .replace(/<div class="bespoke-marp-note"/g, '<div class="bespoke-marp-note" data-pagefind-ignore="all"');
}
