const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The lines of a Markdown text outside fenced code, with inline code taken
 * out, each with its file line (`firstLine` is the line the text starts on):
 * what links, images and raw HTML are looked for in. A longer fence holds
 * shorter ones, so a fence shown as an example stays code.
 */
export function proseLines(text: string, firstLine = 1): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const marker = FENCE.exec(raw)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (!fence) lines.push({ text: raw.replace(/`[^`]*`/g, ''), line: firstLine + index });
  });
  return lines;
}
