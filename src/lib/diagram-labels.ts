/**
 * Line breaks for Chinese (and other CJK) flowchart labels. Mermaid wraps a
 * label at spaces, and Chinese has none: it then cuts the label wherever the
 * width runs out, so "超出" or "百分之十二" is split across two lines. Here
 * a label is broken at word boundaries first (the ICU dictionary behind
 * Intl.Segmenter knows Chinese words), into lines short enough that Mermaid
 * has nothing left to cut.
 */

/** Line width in CJK characters that Mermaid's default flowchart label keeps on one line (measured with mermaid 12). */
export const CJK_LINE_WIDTH = 7;
/** A Latin letter or digit is about half as wide as a CJK character. */
const NARROW_WIDTH = 0.55;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const BREAK = /<br\s*\/?>/gi;
/** A label holding other markup is left to Mermaid: breaking inside <b>…</b> would leave the tags unbalanced. */
const OTHER_MARKUP = /<(?!br\s*\/?>)[a-z/]/i;
const FLOWCHART = /^\s*(?:%%.*\n\s*)*(?:flowchart|graph)\b/i;

const words = new Intl.Segmenter('zh', { granularity: 'word' });

function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += CJK.test(char) ? 1 : NARROW_WIDTH;
  return width;
}

/** One line of label text broken at word boundaries into lines of at most `max` width (a longer word gets a line of its own). */
function wrapLine(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { segment } of words.segment(text)) {
    if (line !== '' && widthOf(line + segment) > max && segment.trim() !== '') {
      lines.push(line.trimEnd());
      line = segment.trimStart();
    } else line += segment;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The label with `<br>` between word-boundary lines; unchanged when it has no CJK or fits already. */
export function wrapCjkLabel(label: string, max = CJK_LINE_WIDTH): string {
  if (!CJK.test(label) || OTHER_MARKUP.test(label) || label.startsWith('`')) return label;
  const parts = label.split(BREAK);
  if (parts.every((part) => widthOf(part) <= max)) return label;
  return parts.flatMap((part) => wrapLine(part, max)).join('<br>');
}

const CLOSER: Record<string, string> = { '[': ']', '(': ')', '{': '}', '|': '|', '"': '"' };

/**
 * A flowchart's source with every CJK node and edge label wrapped: the text
 * between a shape's brackets, between quotes or between the bars of an edge
 * label. Node ids, keywords and the other diagram types are left alone.
 */
export function wrapCjkLabels(source: string, max = CJK_LINE_WIDTH): string {
  if (!FLOWCHART.test(source) || !CJK.test(source)) return source;
  return source
    .split('\n')
    .map((line) => (line.trimStart().startsWith('%%') ? line : wrapLabelsOfLine(line, max)))
    .join('\n');
}

function wrapLabelsOfLine(line: string, max: number): string {
  let out = '';
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    // "@{ shape: …, label: "…" }" is a record of settings, not a label: only its quoted label is wrapped.
    const closer = char === '{' && line[index - 1] === '@' ? undefined : CLOSER[char];
    if (!closer) {
      out += char;
      index++;
      continue;
    }
    // Shapes open with one to three brackets ("[[", "([", "{{"); the label is what lies between them.
    let start = index + 1;
    while (start < line.length && '[({'.includes(line[start]!) && char !== '"' && char !== '|') start++;
    const quoted = line[start] === '"';
    const textStart = quoted ? start + 1 : start;
    const end = line.indexOf(quoted ? '"' : closer, textStart);
    if (end < 0) {
      out += line.slice(index);
      break;
    }
    out += line.slice(index, textStart) + wrapCjkLabel(line.slice(textStart, end), max);
    index = end;
    out += line[index];
    index++;
  }
  return out;
}
