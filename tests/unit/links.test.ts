import { describe, expect, it } from 'vitest';
import { checkLinks, extractLinks, headingAnchors } from '../../src/lib/links.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { MINIMAL_PACKAGE, filesOf } from '../support/package.ts';

describe('extractLinks', () => {
  it('finds Markdown, reference and HTML links with their lines, not those in code', () => {
    const body = ['See [the order](/procedures/standard/order/).', '', '```md', '[not a link](/nowhere/)', '```', 'Also `[code](/x/)` and <a href="/issues/#iss-1">this</a>.', '[ref]: /glossary/'].join('\n');
    expect(extractLinks(body, 10)).toEqual([
      { url: '/procedures/standard/order/', line: 10 },
      { url: '/issues/#iss-1', line: 15 },
      { url: '/glossary/', line: 16 },
    ]);
  });
});

describe('headingAnchors', () => {
  it('slugs headings as Starlight does, repeated ones numbered', () => {
    expect([...headingAnchors('## Steps\n### Who *approves*?\n## Steps\n```\n## not a heading\n```')]).toEqual(['steps', 'who-approves', 'steps-1']);
  });
});

const base = {
  'handover.yaml': MINIMAL_PACKAGE['handover.yaml'],
  'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n',
  'issues.yaml': '- id: ISS-1\n  reported: 2026-02-01\n  reporter: A\n  category: system\n  summary: S\n  status: open\n',
};
const procedure = (body: string, audience = 'public') =>
  `---\ntitle: P\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\ncriticality: standard\naudience: ${audience}\n---\n## Steps\n\n${body}\n`;

function linkFindings(tree: Record<string, string>) {
  const { pkg } = loadPackage(filesOf({ ...base, ...tree }));
  return checkLinks(pkg, applyProfile(pkg, 'public')).map((f) => `${f.file}:${f.line} ${f.message}`);
}

describe('checkLinks', () => {
  it('accepts links to pages, anchors, relative paths and published files', () => {
    expect(
      linkFindings({
        'procedures/standard/a.mdx': procedure('[b](/procedures/standard/b/#steps) [rel](../b/) [csv](/approvals.csv) [issue](/issues/#iss-1) [web](https://example.com/x)'),
        'procedures/standard/b.mdx': procedure('Text'),
      }),
    ).toEqual([]);
  });

  it('knows deck files by the names the build writes, lower-cased like their pages', () => {
    const deck = '---\nmarp: true\ntitle: D\ncovers: [standard/a]\n---\n\n# D\n';
    const findings = linkFindings({
      'decks/Order-Basics.md': deck,
      'procedures/standard/a.mdx': procedure('[pdf](/decks/order-basics.pdf) [pptx](/decks/order-basics.pptx)\n[wrong](/decks/Order-Basics.pdf)'),
    });
    expect(findings).toEqual(['procedures/standard/a.mdx:14 link "/decks/Order-Basics.pdf" leads to /decks/Order-Basics.pdf/, which does not exist']);
  });

  it('reports a missing page, a missing anchor and a link to an internal page', () => {
    expect(
      linkFindings({
        'procedures/standard/a.mdx': procedure('[gone](/procedures/standard/gone/)\n[anchor](/procedures/standard/b/#approvals)\n[secret](/procedures/standard/secret/)'),
        'procedures/standard/b.mdx': procedure('Text'),
        'procedures/standard/secret.mdx': procedure('Text', 'internal'),
      }),
    ).toEqual([
      'procedures/standard/a.mdx:13 link "/procedures/standard/gone/" leads to /procedures/standard/gone/, which does not exist',
      'procedures/standard/a.mdx:14 link "/procedures/standard/b/#approvals": /procedures/standard/b/ has no heading with the anchor "#approvals"',
      'procedures/standard/a.mdx:15 link "/procedures/standard/secret/" leads to /procedures/standard/secret/, which is internal, and the public portal leaves it out',
    ]);
  });
});
