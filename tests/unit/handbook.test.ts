import { describe, expect, it } from 'vitest';
import { embedHtml, handbookLinkTargets, handbookPlan, locateMarkers, pageMarker } from '../../src/lib/handbook.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { filesOf } from '../support/package.ts';

const procedure = (type: string, title: string, extra = '') =>
  `---\ntitle: ${title}\norderType: ${type}\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\ncriticality: standard\n${extra}---\nBody.\n`;

const { pkg } = loadPackage(
  filesOf({
    'handover.yaml': 'title: T\norganization: O\nsystem: S\ngoLive: 2026-01-05\ncurrency: EUR\norderTypes:\n  - id: sample\n    name: Sample\n  - id: standard\n    name: Standard\n  - id: empty\n    name: Empty\n',
    'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n',
    'procedures/standard/b-order.mdx': procedure('standard', 'Order'),
    'procedures/standard/a-hold.mdx': procedure('standard', 'Hold'),
    'procedures/standard/secret.mdx': procedure('standard', 'Secret', 'audience: internal\n'),
    'procedures/sample/sample.mdx': procedure('sample', 'Sample order'),
    'customizations/x/requirement.mdx': '---\ntitle: X\nrequestedBy: rep\npriority: high\nstatus: delivered\n---\n',
    'glossary.yaml': '- term: RMA\n  definition: Return authorization.\n',
  }),
);

describe('handbookPlan', () => {
  const plan = handbookPlan(applyProfile(pkg, 'public'));

  it('orders procedures by the order types of handover.yaml and numbers them', () => {
    expect(plan.groups.map((g) => [g.number, g.orderType.id, g.procedures.map((p) => `${p.number} ${p.procedure.id}`)])).toEqual([
      ['1.1', 'sample', ['1.1.1 sample/sample']],
      ['1.2', 'standard', ['1.2.1 standard/a-hold', '1.2.2 standard/b-order']],
      ['1.3', 'empty', []],
    ]);
  });

  it('leaves internal procedures out of the public handbook', () => {
    expect(plan.toc.map((e) => e.title)).not.toContain('Secret');
    expect(handbookPlan(pkg).toc.map((e) => e.title)).toContain('Secret');
  });

  it('lists chapters that have content, in order, with every entry in the contents', () => {
    expect(plan.chapters.map((c) => `${c.number} ${c.kind}`)).toEqual(['1 procedures', '2 customizations', '3 glossary']);
    expect(plan.toc.map((e) => `${e.level} ${e.number}`)).toEqual(['1 1', '2 1.1', '3 1.1.1', '2 1.2', '3 1.2.1', '3 1.2.2', '2 1.3', '1 2', '2 2.1', '1 3']);
    expect(new Set(plan.toc.map((e) => e.anchor)).size).toBe(plan.toc.length);
  });

  it('maps the pages it contains to their sections', () => {
    const targets = handbookLinkTargets(plan);
    expect(targets.get('/procedures/standard/a-hold/')).toBe('hb-procedure-standard-a-hold');
    expect(targets.get('/customizations/x/')).toBe('hb-customization-x');
    expect(targets.get('/customizations/x/requirement/')).toBe('hb-customization-x');
    expect(targets.has('/procedures/standard/secret/')).toBe(false);
  });
});

describe('embedHtml', () => {
  const targets = new Map([['/procedures/standard/a-hold/', 'hb-procedure-standard-a-hold']]);

  it('moves headings down, prefixes ids and in-page links, and points links at contained sections', () => {
    const html =
      '<div class="sl-heading-wrapper level-h2"><h2 id="scope">Scope</h2><a href="#scope">#</a></div>' +
      '<p>See <a href="/procedures/standard/a-hold/#steps">hold</a> and <a href="/pages/contacts/">contacts</a>.</p>' +
      '<h6 id="deep">Deep</h6><label for="q">Q</label>';
    expect(embedHtml(html, { levels: 3, idPrefix: 'p1', targets })).toBe(
      '<div class="sl-heading-wrapper level-h5"><h5 id="p1-scope">Scope</h5><a href="#p1-scope">#</a></div>' +
        '<p>See <a href="#hb-procedure-standard-a-hold">hold</a> and <a href="/pages/contacts/">contacts</a>.</p>' +
        '<h6 id="p1-deep">Deep</h6><label for="p1-q">Q</label>',
    );
  });

  it('leaves diagrams untouched: their CSS and arrow markers refer to their own ids', () => {
    const svg = '<svg id="ho-abc"><style>#ho-abc .node{fill:red}</style><marker id="ho-abc_arrow"/><path marker-end="url(#ho-abc_arrow)"/><text>h2</text></svg>';
    expect(embedHtml(`<h2 id="flow">Flow</h2>${svg}`, { levels: 1, idPrefix: 'x' })).toBe(`<h3 id="x-flow">Flow</h3>${svg}`);
  });
});

describe('locateMarkers', () => {
  it('finds the page of each marker in the text of a printed PDF, pages counted from 1', () => {
    const pages = ['Cover', `Contents\n1 Work ${pageMarker(0)}`, `${pageMarker(1)}\nStandard`, 'more text', `@@h\nb2@@ split by layout ${pageMarker(3)}`];
    expect([...locateMarkers(pages, 5)]).toEqual([
      [0, 2],
      [1, 3],
      [2, 5],
      [3, 5],
    ]);
  });

  it('does not mistake marker 1 for marker 10', () => {
    const pages = [pageMarker(10), pageMarker(1)];
    expect(locateMarkers(pages, 11).get(1)).toBe(2);
    expect(locateMarkers(pages, 11).get(10)).toBe(1);
  });
});
