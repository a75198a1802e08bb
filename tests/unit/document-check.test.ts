import { describe, expect, it } from 'vitest';
import { checkDocumentBody } from '../../src/lib/document-check.ts';
import { assetsOfFiles } from '../../src/lib/package-paths.ts';

const assets = { files: new Set(['procedures/standard/img/screen.png', 'assets/logo.png']), outside: new Set(['procedures/standard/img/linked.png']) };
const check = (body: string) => checkDocumentBody({ file: 'procedures/standard/order.mdx', body, bodyLine: 10 }, assets).map((f) => ({ code: f.code, line: f.line, message: f.message, hint: f.hint }));
const codes = (body: string) => check(body).map((f) => `${f.code}@${f.line}`);

describe('checkDocumentBody: what authors paste from GitHub and wikis', () => {
  it('accepts HTML comments, <br>, <details>, footnotes, anchors, tables, task lists and asides', () => {
    const body = [
      '<!-- reviewed by finance -->',
      'Line one<br>line two<br/>',
      '<a name="top"></a>',
      '<details>',
      '<summary>More</summary>',
      '',
      'Hidden text.',
      '',
      '</details>',
      '',
      'A claim[^1].',
      '',
      '[^1]: The source.',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '- [x] done',
      '',
      ':::note[Remember]',
      'Check the credit limit.',
      ':::',
      '',
      '<p align="center"><img src="img/screen.png" width="300"></p>',
      '{/* an MDX comment */}',
      'amount < 500 stays text',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('keeps code fences as code, even when they show MDX or a mermaid fence', () => {
    expect(check('````md\n```mermaid\nflowchart TD\n```\nimport x from "y"\n{process.env.HOME}\n````\n\n`<script>` in inline code')).toEqual([]);
  });
});

describe('checkDocumentBody: a package never runs code', () => {
  it('finds import, export and expressions with the line they are on', () => {
    expect(codes('import fs from "node:fs"\n\nText')).toEqual(['mdx-code@10']);
    expect(codes('Text\n\nexport const x = 1')).toEqual(['mdx-code@12']);
    expect(codes('Home is {process.env.HOME}.')).toEqual(['mdx-code@10']);
    expect(codes('A\n\n<img src="img/screen.png" alt={x} />')).toEqual(['mdx-code@12']);
    expect(check('Use {customer} as placeholder.')[0]).toMatchInlineSnapshot(`
      {
        "code": "mdx-code",
        "hint": "A package is data and never runs code: write {'{'} for a literal brace; the portal's components need no import.",
        "line": 10,
        "message": "{customer} is a JavaScript expression, which a package may not hold",
      }
    `);
  });
});

describe('checkDocumentBody: markup stays inert', () => {
  it('refuses event handlers, script, iframe, javascript: and data: links, and styles with url()', () => {
    expect(codes('<img src="img/screen.png" onError="alert(1)" />')).toEqual(['unsafe-html@10']);
    expect(codes('<iframe srcdoc="x"></iframe>')).toEqual(['unsafe-html@10', 'unsafe-html@10']);
    expect(codes('<script>alert(1)</script>')).toEqual(['unsafe-html@10']);
    expect(codes('[x](javascript:alert(1))')).toEqual(['unsafe-html@10']);
    expect(codes('[x](JaVaScRiPt&#58;alert(1))')).toEqual(['unsafe-html@10']);
    expect(codes('<a href="data:text/html,x">x</a>')).toEqual(['unsafe-html@10']);
    expect(codes('<div style="background: url(https://evil.example/x)">x</div>')).toEqual(['unsafe-html@10']);
    expect(check('<object data="x"></object>')[0]?.message).toBe('the element <object> is not allowed in a package');
  });
});

describe('checkDocumentBody: files stay inside the package', () => {
  it('finds images that leave the package or do not exist, and accepts those that do', () => {
    expect(codes('![ok](img/screen.png)\n![root](/assets/logo.png)')).toEqual([]);
    // An image from the web is a warning: it is fetched by each reader and missing from the handbook printed offline.
    expect(codes('\n\n![web](https://example.com/x.png)\n<img src="//cdn.example.com/y.png" />')).toEqual(['remote-image@12', 'remote-image@13']);
    expect(codes("![x](../../../../x.png 'title')")).toEqual(['outside-package@10']);
    expect(codes('![x](img/linked.png)')).toEqual(['outside-package@10']);
    expect(codes('\n![x](img/nothere.png)')).toEqual(['missing-file@11']);
    expect(codes('<img src="../../../etc/passwd">')).toEqual(['outside-package@10']);
  });
});

describe('checkDocumentBody: syntax errors', () => {
  it('names the line and says what to write instead', () => {
    expect(check('Fine.\n\n<div>\nnever closed')).toMatchInlineSnapshot(`
      [
        {
          "code": "mdx-syntax",
          "hint": "Close the tag (<br />, <img ... />, </div>), or write a literal < as &lt;.",
          "line": 12,
          "message": "the body is not valid MDX: Expected a closing tag for \`<div>\` (3:1)",
        },
      ]
    `);
  });

  it("reads an in-memory package's own files as its assets", () => {
    expect(checkDocumentBody({ file: 'pages/a.mdx', body: '![x](b.png)', bodyLine: 3 }, assetsOfFiles(['pages/b.png']))).toEqual([]);
  });
});
