import { escapeHtml } from '../lib/html.ts';
import type { DiagramRenderer } from './diagram-renderer.ts';
import { wrapCjkLabels } from '../lib/diagram-labels.ts';

/** A diagram's title for screen readers: mermaid's accTitle when given, else the caption. */
export function accessibleTitle(source: string, caption: string | undefined, fallback: string): string {
  return /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? caption ?? fallback;
}

/** Marks the SVG as an image named by its title, so it is announced as one picture. */
function labelled(svg: string, title: string): string {
  return svg.replace(/<svg\b([^>]*)>/, (_match, attributes: string) => {
    const cleaned = attributes.replace(/\s(role|aria-label|aria-labelledby)="[^"]*"/g, '');
    return `<svg${cleaned} role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`;
  });
}

/**
 * The HTML that replaces a mermaid fence: the SVG (drawn in the light theme;
 * portal.css recolours it when the portal is dark), or, when no browser could render it, the
 * source for the client-side fallback (client/mermaid-fallback.ts), which
 * loads mermaid only on pages that hold such a source.
 */
export async function diagramHtml(renderer: DiagramRenderer, source: string, caption: string | undefined, fallbackTitle: string): Promise<string> {
  const title = accessibleTitle(source, caption, fallbackTitle);
  const svg = await renderer.cached(source);
  if (svg) return `<figure class="ho-diagram"><div class="ho-diagram-drawing">${labelled(svg, title)}</div><figcaption class="sr-only">${escapeHtml(title)}</figcaption></figure>`;
  return `<figure class="ho-diagram ho-diagram-pending"><pre class="ho-mermaid" role="img" aria-label="${escapeHtml(title)}">${escapeHtml(wrapCjkLabels(source))}</pre></figure>`;
}

/**
 * A drawing for print and slides, where CSS cannot reach inside it: without
 * mermaid's drop shadows, which Chromium rasterises (see portal.css).
 */
export function printableSvg(svg: string): string {
  return svg.replace(/\sfilter="url\([^)]*\)"/g, '').replace(/filter:\s*url\([^)]*\);?/g, '');
}
