/**
 * What raw HTML a package may write, in MDX bodies and in decks (README,
 * Security): plain structural and formatting elements, images and links
 * whose addresses cannot run script. Everything else is refused by the
 * check and stripped by the build.
 */

const ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt',
  'ruby', 's', 'samp', 'section', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

const ATTRIBUTES = new Set([
  'align', 'alt', 'border', 'cellpadding', 'cellspacing', 'cite', 'class', 'classname', 'colspan', 'datetime', 'dir',
  'height', 'href', 'hreflang', 'id', 'lang', 'loading', 'media', 'name', 'open', 'reversed', 'rel', 'role', 'rowspan',
  'scope', 'headers', 'sizes', 'span', 'src', 'srcset', 'start', 'style', 'target', 'title', 'type', 'valign', 'value', 'width',
]);

/** Attributes whose value is an address a browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'srcset']);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Decodes the character references an attacker uses to hide a scheme (`javascript&#58;`). */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

/** An address that may not appear in a link or image, for the scheme it uses (one that can run script or load foreign content). */
export interface UnsafeUrl {
  rule: 'scheme';
  url: string;
  scheme: string;
}

/** Why an attribute may not be written: an event handler, a name off the allow-list, a style that loads or runs something, or an unsafe address. */
export type UnsafeAttribute = { rule: 'event-handler' | 'attribute'; attribute: string } | { rule: 'style' } | UnsafeUrl;

/**
 * Why an address must not appear in a link or image, or undefined when it
 * may: relative paths, anchors, http(s), mailto and tel. Browsers ignore
 * whitespace and control characters inside a scheme, so they are dropped
 * before it is read.
 */
export function unsafeUrl(url: string): UnsafeUrl | undefined {
  // eslint-disable-next-line no-control-regex
  const plain = decodeReferences(url).replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1]?.toLowerCase();
  if (scheme === undefined || SAFE_SCHEMES.has(scheme)) return undefined;
  return { rule: 'scheme', url, scheme };
}

/** Whether an element may not be written. Names are compared case-insensitively, as HTML does. */
export function unsafeElement(name: string): boolean {
  return !ELEMENTS.has(name.toLowerCase());
}

/** Why an attribute with this literal value may not be written, or undefined. */
export function unsafeAttribute(name: string, value: string | null): UnsafeAttribute | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return { rule: 'event-handler', attribute: name };
  if (!ATTRIBUTES.has(lower) && !lower.startsWith('aria-') && !lower.startsWith('data-')) return { rule: 'attribute', attribute: name };
  if (value === null) return undefined;
  if (lower === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:/i.test(decodeReferences(value))) {
    return { rule: 'style' };
  }
  if (URL_ATTRIBUTES.has(lower)) {
    for (const candidate of lower === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value]) {
      const problem = unsafeUrl(candidate);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The sanitizer of one attribute in Marp's allow-list: the value, or nothing when it is unsafe. */
type MarpAttributeSanitizer = (value: string) => string;

/**
 * The same policy as an HTML allow-list for Marp (marp-core's `html`
 * option), so a deck's raw HTML passes exactly what an MDX body may hold.
 * ARIA attributes are spelled out: Marp matches attribute names exactly.
 */
export function marpHtmlAllowList(): Record<string, Record<string, MarpAttributeSanitizer>> {
  const attributes = [...ATTRIBUTES].filter((name) => name !== 'classname').concat(['aria-label', 'aria-hidden', 'aria-describedby', 'data-procedure']);
  const sanitizer = (name: string): MarpAttributeSanitizer => (value) => (unsafeAttribute(name, value) ? '' : value);
  const allowed = Object.fromEntries(attributes.map((name) => [name, sanitizer(name)]));
  return Object.fromEntries([...ELEMENTS].map((element) => [element, allowed]));
}
