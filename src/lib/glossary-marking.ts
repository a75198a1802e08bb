/**
 * Marks the first occurrence of each glossary term in rendered HTML, so a
 * procedure page can explain its terms where the reader meets them. Works on
 * the HTML string Astro renders (remark/rehype plugins do not run under our
 * Markdown engine): a small tokenizer walks the tags and rewrites only text,
 * leaving every tag byte for byte as it was.
 */
import { findFirstTerm, type TermForms } from './glossary.ts';
import { escapeHtml } from './html.ts';

/**
 * Elements whose text is never marked: headings, links and anything
 * interactive (a link inside them would nest), code, diagrams and figures,
 * and raw-text elements.
 */
const SKIPPED = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'a', 'button', 'label', 'select', 'option', 'textarea', 'summary',
  'code', 'pre', 'kbd', 'samp', 'var',
  'svg', 'math', 'figure', 'img', 'picture', 'video', 'audio', 'iframe', 'object',
  'script', 'style', 'template', 'noscript', 'title',
  'dfn', 'abbr',
]);
/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Diagram containers of the portal, skipped whatever their tag. */
const SKIPPED_CLASS = /\bclass\s*=\s*(["'])[^"']*\b(ho-diagram|ho-term|expressive-code|sl-anchor-link)\b[^"']*\1/;

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/?([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Astro and Markdown renderers emit in text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Writes the markup of one marked occurrence; `text` is the occurrence as written (unescaped). */
export type TermWrapper = (text: string, key: string) => string;

export interface MarkResult {
  html: string;
  /** Keys of the terms marked, in the order met. */
  marked: string[];
}

/**
 * Wraps the first occurrence of each term (found by its term or any alias)
 * in the markup `wrap` writes; later occurrences stay plain, so a page is not
 * littered with tooltips.
 */
export function markFirstOccurrences(html: string, terms: readonly TermForms[], wrap: TermWrapper): MarkResult {
  let remaining = terms.filter((term) => term.forms.length > 0);
  const marked: string[] = [];
  const out: string[] = [];
  /** Open elements: whether each one (or an ancestor) forbids marking. */
  const stack: { name: string; skip: boolean }[] = [];
  const skipping = () => stack.length > 0 && stack[stack.length - 1]!.skip;

  const markText = (text: string): string => {
    if (remaining.length === 0 || skipping() || text.trim() === '') return text;
    let plain = decodeEntities(text);
    let first = findFirstTerm(plain, remaining);
    if (!first) return text;
    const pieces: string[] = [];
    while (first) {
      const found = first;
      pieces.push(escapeHtml(plain.slice(0, found.start)), wrap(plain.slice(found.start, found.end), found.key));
      marked.push(found.key);
      remaining = remaining.filter((term) => term.key !== found.key);
      plain = plain.slice(found.end);
      first = remaining.length > 0 ? findFirstTerm(plain, remaining) : undefined;
    }
    pieces.push(escapeHtml(plain));
    return pieces.join('');
  };

  let position = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    out.push(markText(html.slice(position, match.index)), match[0]);
    position = TAG.lastIndex;
    const name = match[1]?.toLowerCase();
    if (!name) continue;
    if (match[0].startsWith('</')) {
      const open = stack.map((entry) => entry.name).lastIndexOf(name);
      if (open !== -1) stack.length = open;
      continue;
    }
    if (VOID.has(name) || match[0].endsWith('/>')) continue;
    if (RAW_TEXT.has(name)) {
      // Copy the raw text as it is: a "<" inside a script is not a tag.
      const end = html.toLowerCase().indexOf(`</${name}`, position);
      const stop = end === -1 ? html.length : end;
      out.push(html.slice(position, stop));
      position = stop;
      TAG.lastIndex = stop;
      stack.push({ name, skip: true });
      continue;
    }
    stack.push({ name, skip: skipping() || SKIPPED.has(name) || SKIPPED_CLASS.test(match[2] ?? '') });
  }
  out.push(markText(html.slice(position)));
  return { html: out.join(''), marked };
}
