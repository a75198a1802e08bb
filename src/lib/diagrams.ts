import { createHash } from 'node:crypto';
import { finding, type Finding, type FindingDetail } from './findings.ts';
import type { HandoverPackage } from './package.ts';

/** A ```mermaid fence found in a document body. */
export interface DiagramSource {
  source: string;
  /** File line of the opening fence. */
  line: number;
  /** The nearest heading above the fence, used as the diagram's accessible title. */
  caption?: string;
}

/** Any code fence, with its indentation (a fence in a list item is indented) and info string. */
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*).*$/;
const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;

/** Every mermaid fence of a Markdown/MDX body whose first line is file line `firstLine`. */
export function extractDiagrams(body: string, firstLine = 1): DiagramSource[] {
  const lines = body.split(/\r?\n/);
  const diagrams: DiagramSource[] = [];
  let caption: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = HEADING.exec(line);
    if (heading) caption = heading[1]!.replace(/[*_`]/g, '');
    const open = FENCE_OPEN.exec(line);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = index + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    // Other fences are skipped whole: a mermaid example shown inside a longer fence stays code.
    if (info.toLowerCase() === 'mermaid') {
      const content = lines.slice(index + 1, end).map((text) => (text.startsWith(indent) ? text.slice(indent.length) : text.trimStart()));
      diagrams.push({ source: content.join('\n'), line: firstLine + index, caption });
    }
    index = end;
  }
  return diagrams;
}

/**
 * Replaces each mermaid fence of a Markdown/MDX text by what `replace`
 * returns for it, leaving every other line as it was.
 */
export async function replaceDiagrams(text: string, replace: (diagram: DiagramSource) => Promise<string>): Promise<string> {
  const diagrams = extractDiagrams(text);
  if (diagrams.length === 0) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let next = 0;
  for (const diagram of diagrams) {
    const start = diagram.line - 1;
    const end = start + diagram.source.split('\n').length + 1;
    out.push(...lines.slice(next, start), '', await replace(diagram), '');
    next = end + 1;
  }
  out.push(...lines.slice(next));
  return out.join('\n');
}

/** Identifies a rendering: the same source, mermaid version and settings always give the same SVG. */
export function diagramKey(source: string, mermaidVersion: string, settings: string): string {
  return createHash('sha256').update(`${mermaidVersion}\0${settings}\0${source.trim()}`).digest('hex').slice(0, 24);
}

/** Every document of the package that may hold diagrams, with where its body starts. */
export function diagramDocuments(pkg: HandoverPackage) {
  return [...pkg.procedures, ...pkg.customizations.flatMap((c) => [c.requirement, c.implementation]).filter((doc) => doc !== undefined), ...pkg.pages, ...pkg.decks].map((doc) => ({
    file: doc.file,
    diagrams: extractDiagrams(doc.body, doc.bodyLine),
  }));
}

/**
 * Mermaid sanitizes labels with DOMPurify even when it only parses, and some
 * parsers (a sequence diagram's `box`) read `window` while parsing. A small
 * server-side DOM (linkedom) is made global for the import and the parsing
 * only, and removed right after, so no other code in the process mistakes
 * Node for a browser.
 */
async function withParserDom<T>(work: (mermaid: typeof import('mermaid').default) => Promise<T>): Promise<T> {
  const scope = globalThis as { window?: unknown; document?: unknown };
  if (scope.window !== undefined) return work((await import('mermaid')).default);
  const { parseHTML } = await import('linkedom');
  const { window } = parseHTML('<!doctype html><html><body></body></html>');
  // A sequence diagram's `box` asks CSS whether its first word is a colour. Which one it is
  // only matters to the drawing, done in Chromium; to the parser any answer is as good.
  Object.assign(window, { CSS: { supports: () => true } });
  scope.window = window;
  scope.document = window.document;
  try {
    return await work((await import('mermaid')).default);
  } finally {
    delete scope.window;
    delete scope.document;
  }
}

interface ParseError {
  message?: string;
  hash?: { loc?: { first_line?: number } };
}

/**
 * `mermaid-invalid` for each diagram mermaid cannot parse. The parser runs in
 * Node without a browser, so `handover check` needs no Chromium.
 */
export async function checkDiagrams(pkg: HandoverPackage, knownValid: (source: string) => boolean = () => false): Promise<Finding[]> {
  const documents = diagramDocuments(pkg)
    .map((doc) => ({ ...doc, diagrams: doc.diagrams.filter((diagram) => !knownValid(diagram.source)) }))
    .filter((doc) => doc.diagrams.length > 0);
  if (documents.length === 0) return [];
  return withParserDom(async (mermaid) => {
    const findings: Finding[] = [];
    for (const doc of documents) {
      for (const diagram of doc.diagrams) {
        try {
          await mermaid.parse(diagram.source);
        } catch (cause) {
          const error = cause as ParseError;
          // The parser counts lines from the fence's first content line.
          const offset = error.hash?.loc?.first_line;
          findings.push(finding('mermaid-invalid', { file: doc.file, line: diagram.line + (offset ?? 1) }, describeParseError(error, diagram.source)));
        }
      }
    }
    return findings;
  });
}

function describeParseError(error: ParseError, source: string): FindingDetail<'mermaid-invalid'> {
  const lines = (error.message ?? String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  const lineNumber = error.hash?.loc?.first_line;
  const near = lineNumber !== undefined ? source.split('\n')[lineNumber - 1]?.trim() : undefined;
  if (expecting) {
    const tokens = [...expecting.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
    const got = tokens.pop();
    return { reason: 'unexpected-token', near, expected: tokens, got };
  }
  return { reason: 'parser', near, problem: lines[0] };
}
