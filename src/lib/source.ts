import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { finding, type Finding, type FindingDetail } from './findings.ts';

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
  if (looksLikeUtf16(bytes)) {
    return { finding: finding('yaml-syntax', { file, line: 1 }, { reason: 'utf16' }) };
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
    const problem = textProblem(text);
    return problem ? { finding: finding('yaml-syntax', { file, line: problem.line }, problem.detail) } : { text };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, bad).split('\n').length;
    return { finding: finding('yaml-syntax', { file, line }, { reason: 'not-utf8' }) };
  }
}

/** UTF-16 text, with or without a byte order mark: Notepad's "Unicode" and Excel's "Unicode text". */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 512);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 4 && zeros >= sample.length / 4;
}

/**
 * Characters no editor shows and no page should hold, and line ends that
 * would put the whole file on one line. Tab, line feed and carriage return
 * before a line feed are text; everything else below U+0020 is not.
 */
function textProblem(text: string): { line: number; detail: FindingDetail<'yaml-syntax'> } | undefined {
  if (/\r(?!\n)/.test(text) && !text.includes('\n')) {
    return { line: 1, detail: { reason: 'carriage-returns' } };
  }
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)/.exec(text);
  if (!control) return undefined;
  const line = text.slice(0, control.index).split('\n').length;
  return { line, detail: { reason: 'control-character', codePoint: control[0].codePointAt(0)! } };
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
    // One mistake often sets off several errors; the first, placed where the author must look, is what helps.
    const { line, detail } = describeYamlError(doc.errors, text, (offset) => lineCounter.linePos(offset));
    return { findings: [finding('yaml-syntax', { file, line: line + firstLine - 1 }, detail)] };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // A package is plain data: a tag such as !!js/function asks for a type the portal never makes.
  const tagged = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (tagged) {
    const tag = /!\S*/.exec(text.slice(tagged.pos[0]))?.[0];
    return { findings: [finding('yaml-syntax', { file, line: lineAt(tagged.pos[0]) }, { reason: 'tag', tag })] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    return { findings: [aliasFinding(cause, text, file, firstLine)] };
  }
  return {
    source: {
      value,
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

/** Aliases (`*name`) that name no anchor, or so many that the data would explode: where and why. */
function aliasFinding(cause: unknown, text: string, file: string, firstLine: number): Finding {
  const message = cause instanceof Error ? cause.message : String(cause);
  const unresolved = /Unresolved alias[^:]*: (\S+)/.exec(message)?.[1];
  const lines = text.split('\n');
  if (unresolved) {
    const index = lines.findIndex((line) => line.includes(`*${unresolved}`));
    return finding('yaml-syntax', { file, line: (index < 0 ? 0 : index) + firstLine }, { reason: 'unresolved-alias', alias: unresolved });
  }
  const index = lines.findIndex((line) => /(^|[\s[,])\*[^\s,\]]/.test(line));
  return finding('yaml-syntax', { file, line: (index < 0 ? 0 : index) + firstLine }, { reason: 'alias-count' });
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/**
 * Places a YAML error on the line the author has to fix, which is not always
 * where the parser noticed it: an unclosed quote is noticed at the end of the
 * text, an over-indented key on the line above it.
 */
function describeYamlError(errors: readonly YamlError[], text: string, linePos: (offset: number) => { line: number; col: number }): { line: number; detail: FindingDetail<'yaml-syntax'> } {
  const first = errors[0]!;
  const lines = text.split(/\r?\n/);
  const at = linePos(first.pos[0]);
  if (first.code === 'MISSING_CHAR' && /quote/.test(first.message)) {
    const quote = first.message.includes("'") ? "'" : '"';
    // The opening line is one whose value starts with the quote and does not close it on that line.
    const opened = lines.findIndex((line) => {
      const value = /^\s*(?:-\s+)?(?:[^:#'"]+:\s+)?(["'])(.*)$/.exec(line);
      if (value?.[1] !== quote) return false;
      const rest = quote === '"' ? value[2]!.replace(/\\./g, '') : value[2]!.replace(/''/g, '');
      return !rest.includes(quote);
    });
    if (opened >= 0) return { line: opened + 1, detail: { reason: 'unclosed-quote', quote } };
  }
  const indented = errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY');
  if (indented && (first.code === 'BLOCK_AS_IMPLICIT_KEY' || first === indented)) {
    return { line: linePos(indented.pos[1]).line, detail: { reason: 'over-indented' } };
  }
  // A tab in the indentation confuses the parser into many kinds of error; name the real cause.
  if (first.code === 'TAB_AS_INDENT' || /^ *\t/.test(lines[at.line - 1] ?? '')) {
    return { line: at.line, detail: { reason: 'tab-indent' } };
  }
  if (first.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?["']?([^"':\n]+)/.exec(lines[at.line - 1] ?? '')?.[1]?.trim();
    return { line: at.line, detail: { reason: 'duplicate-key', key } };
  }
  return { line: at.line, detail: { reason: 'parser', problem: firstSentence(first.message), column: at.col } };
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
  /** True when the file opens a frontmatter block but never closes it. */
  unclosed: boolean;
}

export function splitFrontmatter(text: string): FrontmatterSplit {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { frontmatter: undefined, frontmatterLine: 1, body: text, bodyLine: 1, unclosed: false };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return { frontmatter: undefined, frontmatterLine: 2, body: text, bodyLine: 1, unclosed: true };
  return {
    frontmatter: lines.slice(1, end).join('\n'),
    frontmatterLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
    unclosed: false,
  };
}
