import { sep } from 'node:path';
import type { Plugin } from 'vite';
import { replaceDiagrams } from '../lib/diagrams.ts';
import { prepareMdx } from '../lib/mdx-source.ts';
import { diagramHtml } from './diagram-html.ts';
import type { DiagramRenderer } from './diagram-renderer.ts';
import { DIAGRAM_MARK, diagramNonce } from './mdx-sanitizer.ts';

/**
 * Turns the mermaid fences of the package's MDX documents into inline SVG
 * before the MDX compiler sees them. It runs ahead of the Markdown processor,
 * so it works whatever processor Astro uses. Diagrams are normally in the
 * cache already (the build renders them all in one batch first); in dev a
 * new or edited diagram is rendered on the spot.
 */
export function vitePluginDiagrams(packageDir: string, renderer: DiagramRenderer, fallbackTitle: string): Plugin {
  return {
    name: 'handover:diagrams',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.mdx') || !file.startsWith(packageDir + sep)) return undefined;
      // The same normalization the check parses (comments, void tags), so what passed the check compiles.
      const replaced = await replaceDiagrams(prepareMdx(code), async (diagram) => {
        if (renderer.chromiumPath && (await renderer.cached(diagram.source)) === undefined) {
          const failures = await renderer.renderAll([diagram.source]);
          if (failures.length > 0) throw new Error(`${file}:${diagram.line}: mermaid-invalid: ${failures[0]!.message}`);
        }
        // JSON keeps SVG markup (braces in its CSS, angle brackets) away from the MDX parser.
        return `<Fragment ${DIAGRAM_MARK}="${diagramNonce}" set:html={${JSON.stringify(await diagramHtml(renderer, diagram.source, diagram.caption, fallbackTitle))}} />`;
      });
      return { code: replaced, map: null };
    },
  };
}
