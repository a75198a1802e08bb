import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_MARK, diagramNonce, mdxSanitizer } from '../../src/integration/mdx-sanitizer.ts';
import { MDX_FEATURES } from '../../src/lib/document-check.ts';

const packageDir = '/srv/package';
const compile = (body: string, file = `${packageDir}/procedures/standard/x.mdx`) =>
  (mdxToJs(body, { mdastPlugins: [mdxSanitizer(packageDir)], features: MDX_FEATURES, fileURL: pathToFileURL(file), jsxImportSource: 'astro' })).code;

describe('mdxSanitizer: what slips past the check never reaches the compiled page', () => {
  it('drops imports, exports and expressions, but keeps comments', async () => {
    const code = compile('import fs from "node:fs"\n\nexport const leak = process.env.HOME\n\nHome: {process.env.HOME} {/* note */}\n');
    expect(code).not.toContain('node:fs');
    expect(code).not.toContain('process.env');
    expect(code).toContain('Home:');
  });

  it('drops unsafe elements and attributes and neutralizes script links', async () => {
    const code = compile('<img src="a.png" onError="alert(1)" alt={x} />\n\n<iframe srcdoc="x" />\n\n[x](javascript:alert(1)) <a href="https://example.com" onclick="y">ok</a>\n');
    expect(code).not.toMatch(/onError|onclick|iframe|srcdoc|javascript:/i);
    expect(code).toContain('a.png');
    expect(code).toContain('https://example.com');
  });

  it("keeps the portal's own diagram markup, and only with this build's mark", async () => {
    const ours = compile(`<Fragment ${DIAGRAM_MARK}="${diagramNonce}" set:html={"<svg></svg>"} />\n`);
    expect(ours).toContain('<svg></svg>');
    const forged = compile(`<Fragment ${DIAGRAM_MARK}="guess" set:html={"<script>alert(1)</script>"} />\n`);
    expect(forged).not.toContain('alert(1)');
  });

  it('leaves files outside the package alone: the portal\'s own pages are not package data', async () => {
    expect(compile('Total: {1 + 1}\n', '/srv/portal/src/pages/x.mdx')).toContain('1 + 1');
  });
});
