import { randomBytes } from 'node:crypto';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { unsafeAttribute, unsafeElement, unsafeUrl } from '../lib/markup-policy.ts';

/**
 * The attribute that marks the portal's own diagram markup in a package
 * document. Its value is new in every build, so an author cannot forge it.
 */
export const DIAGRAM_MARK = 'data-ho-diagram';
export const diagramNonce = randomBytes(12).toString('hex');

type Attribute = { type: string; name?: string; value?: unknown };
type JsxElement = { type: string; name?: string | null; attributes?: readonly unknown[]; children?: readonly unknown[] };

const isCommentOnly = (value: unknown) => String(value).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';

/**
 * An `<img>` naming a file of the package becomes a Markdown image, so Astro
 * publishes the file as it does for `![](...)`: a raw `src` would point at a
 * path the site does not have. Width and height are kept.
 */
function imageOf(name: string, attributes: readonly Attribute[]) {
  if (name.toLowerCase() !== 'img') return undefined;
  const value = (key: string) => attributes.find((a) => a.name?.toLowerCase() === key && typeof a.value === 'string')?.value as string | undefined;
  const src = value('src');
  if (!src || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
  const size = Object.fromEntries(['width', 'height'].flatMap((key) => (value(key) ? [[key, value(key)]] : [])));
  return { type: 'image', url: src, alt: value('alt') ?? '', title: value('title') ?? null, data: { hProperties: size } };
}

/**
 * The build's second line of defence (README, Security): `handover check`
 * refuses code and unsafe markup in a package, and this MDX plugin strips
 * whatever might slip past it from the package's documents before they are
 * compiled, so no import, expression, handler or script URL from a package
 * ever reaches the compiler or the page.
 */
export function mdxSanitizer(packageDir: string) {
  const inPackage = (url: URL | undefined) => url !== undefined && fileURLToPath(url).startsWith(packageDir + sep);
  // Returns the element to put in the node's place (attributes cannot be set one by one), or nothing to keep it.
  const element = <N extends JsxElement>(node: Readonly<N>, ctx: { removeNode(n: never): void; fileURL: URL | undefined }): N | undefined => {
    if (!inPackage(ctx.fileURL) || !node.name) return undefined;
    const attributes = (node.attributes ?? []) as readonly Attribute[];
    if (node.name === 'Fragment' && attributes.some((a) => a.name === DIAGRAM_MARK && a.value === diagramNonce)) return undefined;
    if (unsafeElement(node.name)) {
      ctx.removeNode(node as never);
      return undefined;
    }
    const localImage = imageOf(node.name, attributes);
    if (localImage) return localImage as unknown as N;
    const kept = attributes.filter((a) => a.type === 'mdxJsxAttribute' && (a.value === null || a.value === undefined || typeof a.value === 'string') && !unsafeAttribute(a.name ?? '', (a.value as string | null | undefined) ?? null));
    if (kept.length === attributes.length) return undefined;
    return { type: node.type, name: node.name, attributes: kept, children: node.children } as unknown as N;
  };
  return defineMdastPlugin({
    name: 'handover:sanitize-package-mdx',
    mdxjsEsm(node, ctx) {
      if (inPackage(ctx.fileURL)) ctx.removeNode(node);
    },
    mdxFlowExpression(node, ctx) {
      if (inPackage(ctx.fileURL) && !isCommentOnly(node.value)) ctx.removeNode(node);
    },
    mdxTextExpression(node, ctx) {
      if (inPackage(ctx.fileURL) && !isCommentOnly(node.value)) ctx.removeNode(node);
    },
    mdxJsxFlowElement(node, ctx) {
      return element(node, ctx);
    },
    mdxJsxTextElement(node, ctx) {
      return element(node, ctx);
    },
    link(node, ctx) {
      if (inPackage(ctx.fileURL) && unsafeUrl(node.url)) ctx.setProperty(node, 'url', '#');
    },
    definition(node, ctx) {
      if (inPackage(ctx.fileURL) && unsafeUrl(node.url)) ctx.setProperty(node, 'url', '#');
    },
    image(node, ctx) {
      if (inPackage(ctx.fileURL) && unsafeUrl(node.url)) ctx.removeNode(node);
    },
  });
}
