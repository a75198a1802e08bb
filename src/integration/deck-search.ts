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
export function searchableDeckHtml(html: string, facets: SearchFacets): string {
  const spans = [
    ...facets.filters.map(([name, value]) => `<span data-pagefind-filter="${escapeHtml(name)}[data-value]" data-value="${escapeHtml(value)}"></span>`),
    ...facets.meta.map(([name, value]) => `<span data-pagefind-meta="${escapeHtml(name)}[data-value]" data-value="${escapeHtml(value)}"></span>`),
  ].join('');
  const slides = [...html.matchAll(/<section\b[^>]*>([\s\S]*?)<\/section>/g)].map(([, inner], index) => {
    const heading = /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/.exec(inner!)?.[1];
    const text = (fragment: string) => fragment.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    return `<section><h2>${heading ? text(heading) : `${index + 1}`}</h2><p>${text(heading ? inner!.replace(heading, '') : inner!)}</p></section>`;
  });
  // Shown to no one (the slides are the deck): style rather than the hidden attribute, which Pagefind may honour.
  const copy = `<div class="ho-deck-text" style="display:none">${slides.join('')}</div>`;
  return html
    .replace(/<body(\s[^>]*)?>/, (body) => `${body.slice(0, -1)} data-pagefind-body><div hidden>${spans}</div>${copy}`)
    .replace(/<div class="bespoke-marp-osc"/g, '<div class="bespoke-marp-osc" data-pagefind-ignore="all"')
    .replace(/<div class="bespoke-marp-note"/g, '<div class="bespoke-marp-note" data-pagefind-ignore="all"');
}
