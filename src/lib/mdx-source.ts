/**
 * Authors paste Markdown written for GitHub or a wiki, where HTML comments
 * and unclosed void tags (`<br>`, `<img ...>`) are ordinary. MDX refuses
 * both, so the check and the build both read a document through this
 * normalization first (README, Authoring guide). It keeps every line where it
 * was, so findings point at the author's own lines, and leaves code alone.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const VOID_TAG = /<(br|hr|img|wbr|col|source)(\s(?:[^<>"'/]|"[^"]*"|'[^']*'|\/(?!\s*>))*)?\s*>/gi;

/** Blanks HTML comments and closes void tags outside inline code. */
function normalizeProse(text: string): string {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(VOID_TAG, (_, name: string, attributes = '') => `<${name}${attributes.trimEnd()} />`)))
    .join('');
}

export function prepareMdx(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let comment = false;
  for (const line of lines) {
    if (fence !== undefined) {
      out.push(line);
      if (new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = undefined;
      continue;
    }
    if (!comment) {
      const open = FENCE.exec(line);
      if (open) {
        fence = open[1]!;
        out.push(line);
        continue;
      }
    }
    // Comments may span lines: the part inside one becomes nothing, the line stays.
    let rest = line;
    let kept = '';
    for (;;) {
      if (comment) {
        const end = rest.indexOf('-->');
        if (end < 0) {
          rest = '';
          break;
        }
        rest = rest.slice(end + 3);
        comment = false;
      }
      const start = rest.indexOf('<!--');
      if (start < 0) break;
      kept += rest.slice(0, start);
      rest = rest.slice(start + 4);
      comment = true;
    }
    out.push(normalizeProse(kept + rest));
  }
  return out.join('\n');
}
