import { mdxToMdast } from 'satteri';
import { finding, type Finding } from './findings.ts';
import { unsafeAttribute, unsafeElement, unsafeUrl } from './markup-policy.ts';
import { prepareMdx } from './mdx-source.ts';
import type { DocumentEntry, HandoverPackage } from './package.ts';
import { resolvePackagePath, type PackageAssets } from './package-paths.ts';

/**
 * The parser features of the portal's MDX pipeline: Astro's MDX integration
 * with GFM and smart punctuation, and the directives Starlight switches on
 * for its asides. The check parses with the same parser and features, so a
 * body that passes here parses in the build.
 */
export const MDX_FEATURES = { gfm: true, directive: true, smartPunctuation: true, frontmatter: false } as const;

interface Position {
  start: { line: number; column: number };
}

interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: Position;
}

/** An expression holding nothing but a comment (`{/* note *\/}`) runs nothing: MDX's own comment syntax. */
function isCommentOnly(expression: string): boolean {
  return expression.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';
}

/** What to write instead, by the cause MDX names in its parse error. */
function syntaxHint(message: string): string {
  if (/closing tag/i.test(message)) return 'Close the tag (<br />, <img ... />, </div>), or write a literal < as &lt;.';
  if (/before name|expected a valid JSX tag|unexpected character.*after `<`/i.test(message)) return 'Write a literal < as &lt;; write comments as {/* comment */}.';
  if (/expression|acorn|brace|`\{`|`\}`/i.test(message)) return "Write a literal { as {'{'} and } as {'}'}.";
  return findingHint;
}
const findingHint = "Write a literal < as &lt; and a literal { as {'{'}; close every HTML tag (<br />); write comments as {/* comment */}.";

/** `1:5: Expected a closing tag ... (mdx-jsx:unexpected-character)` → line 1 and the message without its prefix and rule. */
function readParseError(cause: unknown): { line?: number; message: string } {
  const text = cause instanceof Error ? cause.message : String(cause);
  const match = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([a-z-]+:[a-z-]+\))?$/.exec(text.trim());
  return match ? { line: Number(match[1]), message: match[3]! } : { message: text };
}

/** Every problem with one document body: syntax, code, unsafe markup, and paths that leave the package or lead nowhere. */
export function checkDocumentBody(doc: Pick<DocumentEntry<unknown>, 'file' | 'body' | 'bodyLine'>, assets: PackageAssets): Finding[] {
  const lineOf = (node: MdxNode) => (node.position ? doc.bodyLine + node.position.start.line - 1 : doc.bodyLine);
  let tree: MdxNode;
  try {
    tree = mdxToMdast(prepareMdx(doc.body), { features: MDX_FEATURES, position: true }) as unknown as MdxNode;
  } catch (cause) {
    const { line, message } = readParseError(cause);
    return [finding('mdx-syntax', { file: doc.file, line: line === undefined ? doc.bodyLine : doc.bodyLine + line - 1 }, { problem: message }, syntaxHint(message))];
  }
  const findings: Finding[] = [];
  const local = (node: MdxNode, path: string) => {
    const resolved = resolvePackagePath(doc.file, path, assets);
    // An image from the web works while the reader is online, and not in the handbook, printed offline.
    if (resolved.kind === 'remote' && /^(https?:)?\/\//i.test(path)) findings.push(finding('remote-image', { file: doc.file, line: lineOf(node) }, { url: path }));
    if (resolved.kind === 'outside') findings.push(finding('outside-package', { file: doc.file, line: lineOf(node) }, { reason: 'leaves-package', what: 'file', path }));
    else if (resolved.kind === 'missing') findings.push(finding('missing-file', { file: doc.file, line: lineOf(node) }, { what: 'file', path, lookedFor: resolved.path }));
  };
  const visit = (node: MdxNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        findings.push(finding('mdx-code', { file: doc.file, line: lineOf(node) }, { reason: 'import-export', code: String(node.value) }));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(String(node.value))) findings.push(finding('mdx-code', { file: doc.file, line: lineOf(node) }, { reason: 'expression', code: String(node.value) }));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        // A fragment (<>...</>) has no name, and can hold no attributes.
        const element = node.name ?? '';
        if (element && unsafeElement(element)) findings.push(finding('unsafe-html', { file: doc.file, line: lineOf(node) }, { reason: 'element', element }));
        for (const attribute of node.attributes ?? []) {
          if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object')) {
            findings.push(finding('mdx-code', { file: doc.file, line: lineOf(node) }, { reason: 'attribute', element, attribute: attribute.name }));
            continue;
          }
          const value = attribute.value === undefined || attribute.value === null ? null : String(attribute.value);
          const unsafe = unsafeAttribute(attribute.name ?? '', value);
          if (unsafe) findings.push(finding('unsafe-html', { file: doc.file, line: lineOf(node) }, { reason: 'attribute', element, problem: unsafe }));
          else if (node.name?.toLowerCase() === 'img' && attribute.name?.toLowerCase() === 'src' && value) local(node, value);
        }
        break;
      }
      case 'link':
      case 'definition': {
        const problem = node.url ? unsafeUrl(node.url) : undefined;
        if (problem) findings.push(finding('unsafe-html', { file: doc.file, line: lineOf(node) }, { reason: 'link', problem }));
        break;
      }
      case 'image':
        if (node.url) {
          const problem = unsafeUrl(node.url);
          if (problem) findings.push(finding('unsafe-html', { file: doc.file, line: lineOf(node) }, { reason: 'image', problem }));
          else local(node, node.url);
        }
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return findings;
}

/** Every MDX document of the package, parsed as the build parses it. */
export function checkDocumentBodies(pkg: HandoverPackage, assets: PackageAssets): Finding[] {
  const documents = [...pkg.procedures, ...pkg.customizations.flatMap((c) => [c.requirement, c.implementation]).filter((d) => d !== undefined), ...pkg.pages];
  return documents.flatMap((doc) => checkDocumentBody(doc, assets));
}
