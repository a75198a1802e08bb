import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { finding, type Finding } from './findings.ts';

/** A field path as zod reports it: keys and list indices. */
export type FieldPath = readonly PropertyKey[];

/** Parsed YAML that still knows where each field was written. */
export interface YamlSource {
  value: unknown;
  /** 1-based line of the field, or of its nearest written ancestor when the field is absent. */
  lineOf(path: FieldPath): number | undefined;
}

export function fieldPathToString(path: FieldPath): string {
  return path.map(String).join('.');
}

/**
 * Decodes a file as UTF-8. Invalid bytes become a `yaml-syntax` finding at
 * the line they are on rather than silently turning into U+FFFD in the portal.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, bad).split('\n').length;
    return {
      finding: finding(
        'yaml-syntax',
        { file, line },
        'the file is not valid UTF-8 text; save it as UTF-8 (it may have been saved as GBK or Latin-1)',
      ),
    };
  }
}

/**
 * Parses YAML text. `firstLine` is the file line the text starts on, so that
 * frontmatter lines are reported as lines of the whole file.
 */
export function parseYamlSource(
  text: string,
  file: string,
  firstLine = 1,
): { source: YamlSource } | { findings: Finding[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      findings: doc.errors.map((error) => {
        const at = lineCounter.linePos(error.pos[0]);
        return finding('yaml-syntax', { file, line: at.line + firstLine - 1 }, `${firstSentence(error.message)} (column ${at.col})`);
      }),
    };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  return {
    source: {
      value: doc.toJS({ maxAliasCount: 100 }),
      lineOf(path) {
        let node: unknown = doc.contents;
        let line = nodeLine(node, lineAt);
        for (const key of path) {
          const next = childOf(node, key);
          if (!next) break;
          line = next.keyLine !== undefined ? lineAt(next.keyLine) : (nodeLine(next.node, lineAt) ?? line);
          node = next.node;
        }
        return line ?? firstLine;
      },
    },
  };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function nodeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? lineAt(range[0]) : undefined;
}

function childOf(node: unknown, key: PropertyKey): { node: unknown; keyLine?: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(key)) {
        return { node: pair.value, keyLine: pair.key.range?.[0] };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

/** An MDX or Markdown file split into its YAML frontmatter and its body. */
export interface FrontmatterSplit {
  /** The YAML between the `---` fences, or undefined when the file has none. */
  frontmatter: string | undefined;
  /** File line of the first frontmatter line. */
  frontmatterLine: number;
  body: string;
  /** File line of the first body line. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): FrontmatterSplit {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { frontmatter: undefined, frontmatterLine: 1, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return { frontmatter: undefined, frontmatterLine: 2, body: text, bodyLine: 1 };
  return {
    frontmatter: lines.slice(1, end).join('\n'),
    frontmatterLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}
