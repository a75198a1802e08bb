import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/lib/check.ts';
import { approvalTablesHtml, checkDeckEmbeds, DeckEmbedError, expandDeckEmbeds, findDeckEmbeds } from '../../src/lib/deck-embeds.ts';
import { deckFiles } from '../../src/lib/decks.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { MINIMAL_PACKAGE, filesOf, sampleToday } from '../support/package.ts';

const procedure = (extra: string, body: string) =>
  `---\ntitle: Standard order\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-06-01\ncriticality: standard\n${extra}---\n${body}`;

const ladder = `approvals:
  - action: Discount <off> list
    metric: discount
    unit: "%"
    initiatedBy: rep
    bands:
      - upTo: 5
        approver: manager
      - over: 5
        approver: director
    conditions:
      - when: Ex-factory price
        approver: director
`;

const deck = (body: string, extra = '') => `---\nmarp: true\ntitle: Deck\ncovers:\n  - standard/order\n${extra}---\n\n${body}`;

function packageWith(tree: Record<string, string>, locale = 'en') {
  return loadPackage(
    filesOf({
      'handover.yaml': `title: T\norganization: O\nsystem: S\ngoLive: 2026-01-05\ncurrency: EUR\nlocale: ${locale}\norderTypes:\n  - id: standard\n    name: Standard\n`,
      'roles.yaml': '- id: rep\n  name: Sales Rep\n  rank: 1\n- id: manager\n  name: Sales Manager\n  rank: 2\n- id: director\n  name: 销售总监\n  rank: 3\n',
      'procedures/standard/order.mdx': procedure(ladder, '## Flow\n\n```mermaid\nflowchart TD\n  A[Order] --> B{Approved?}\n```\n\n```mermaid\nflowchart LR\n  X --> Y\n```\n'),
      'procedures/standard/plain.mdx': procedure('', 'Text only.\n').replace('Standard order', 'Plain'),
      ...tree,
    }),
  ).pkg;
}

describe('findDeckEmbeds', () => {
  it('finds embed lines with their file lines, and leaves code fences and the frontmatter alone', () => {
    const text = '---\ntitle: "{{flow x/y}}"\n---\n{{approvals standard/order}}\n```\n{{flow standard/order}}\n```\n  {{ flow  standard/order }}  \ntext {{flow a/b}}\n{{approval standard/order}}\n';
    expect(findDeckEmbeds(text, 4)).toEqual({
      embeds: [
        { kind: 'approvals', procedureId: 'standard/order', line: 4 },
        { kind: 'flow', procedureId: 'standard/order', line: 8 },
      ],
      malformed: [{ text: '{{approval standard/order}}', line: 10 }],
    });
  });

  it('keeps a tilde fence open until a tilde fence at least as long closes it', () => {
    expect(findDeckEmbeds('~~~~\n```\n{{flow a/b}}\n~~~~\n{{flow c/d}}\n').embeds.map((e) => e.line)).toEqual([5]);
  });
});

describe('expandDeckEmbeds', () => {
  it('replaces {{approvals}} with the ladders as tables: bands by formatBand, roles by name, conditions apart', () => {
    const pkg = packageWith({ 'decks/d.md': deck('# Who approves\n\n{{approvals standard/order}}\n\n<!-- notes -->\n') });
    const out = expandDeckEmbeds(pkg.decks[0]!, pkg, 'en');
    expect(out).toContain('<div class="ho-approvals" data-procedure="standard/order">');
    expect(out).toContain('<caption>Discount &lt;off&gt; list <span class="ho-muted">· Raised by: Sales Rep</span></caption>');
    expect(out).toContain('<th scope="col">Value</th><th scope="col">Approver</th>');
    expect(out).toContain('<tr><td class="ho-nowrap">≤ 5 %</td><td>Sales Manager</td></tr>');
    expect(out).toContain('<tr><td class="ho-nowrap">&gt; 5 %</td><td>销售总监</td></tr>');
    expect(out).toContain('<th scope="rowgroup" colspan="2">Regardless of value</th>');
    expect(out).toContain('<tr><td>Ex-factory price</td><td>销售总监</td></tr>');
    expect(out).not.toContain('{{approvals');
    // The HTML is one Markdown block: no blank line inside it, blank lines around it.
    const block = out.slice(out.indexOf('<div class="ho-approvals"'), out.indexOf('</div>') + 6);
    expect(block).not.toMatch(/\n\s*\n/);
    expect(out).toMatch(/\n\n<div class="ho-approvals"[\s\S]*<\/div>\n\n/);
    // Everything else is kept, frontmatter included.
    expect(out.startsWith('---\nmarp: true\n')).toBe(true);
    expect(out).toContain('# Who approves');
    expect(out).toContain('<!-- notes -->');
  });

  it('uses the package locale for labels and numbers', () => {
    const pkg = packageWith({ 'decks/d.md': deck('{{approvals standard/order}}\n') }, 'zh-CN');
    const html = approvalTablesHtml(pkg.procedures.find((p) => p.id === 'standard/order')!, pkg, 'zh-CN');
    expect(html).toContain('<th scope="col">数值区间</th><th scope="col">审批人</th>');
    expect(html).toContain('不论数值');
    expect(html).toContain('发起人');
  });

  it('replaces {{flow}} with the procedure\'s first mermaid diagram', () => {
    const pkg = packageWith({ 'decks/d.md': deck('# Flow\n\n{{flow standard/order}}\n') });
    const out = expandDeckEmbeds(pkg.decks[0]!, pkg, 'en');
    expect(out).toContain('\n```mermaid\nflowchart TD\n  A[Order] --> B{Approved?}\n```\n');
    expect(out).not.toContain('X --> Y');
  });

  it('fences a diagram so that backticks in it cannot close the fence', () => {
    const pkg = packageWith({
      'procedures/standard/order.mdx': procedure('', '```mermaid\nflowchart TD\n  A["``` x"] --> B\n```\n'),
      'decks/d.md': deck('{{flow standard/order}}\n'),
    });
    expect(expandDeckEmbeds(pkg.decks[0]!, pkg, 'en')).toContain('````mermaid\nflowchart TD\n  A["``` x"] --> B\n````');
  });

  it('refuses a deck whose embeds cannot be expanded, with the findings', () => {
    const pkg = packageWith({ 'decks/d.md': deck('{{flow standard/nope}}\n') });
    expect(() => expandDeckEmbeds(pkg.decks[0]!, pkg, 'en')).toThrow(DeckEmbedError);
    expect(() => expandDeckEmbeds(pkg.decks[0]!, pkg, 'en')).toThrow(/decks\/d\.md:8 {2}unknown-procedure/);
  });

  it('reflects the procedure as it is now: a changed band shows in the expansion', () => {
    const before = packageWith({ 'decks/d.md': deck('{{approvals standard/order}}\n') });
    const after = packageWith({
      'procedures/standard/order.mdx': procedure(ladder.replace('upTo: 5', 'upTo: 7').replace('over: 5', 'over: 7'), 'x\n'),
      'decks/d.md': deck('{{approvals standard/order}}\n'),
    });
    expect(expandDeckEmbeds(before.decks[0]!, before, 'en')).toContain('≤ 5 %');
    expect(expandDeckEmbeds(after.decks[0]!, after, 'en')).toContain('≤ 7 %');
    expect(expandDeckEmbeds(after.decks[0]!, after, 'en')).not.toContain('≤ 5 %');
  });
});

describe('checkDeckEmbeds', () => {
  const messages = (pkg: ReturnType<typeof packageWith>) => checkDeckEmbeds(pkg).map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`);

  it('accepts embeds that resolve', () => {
    expect(messages(packageWith({ 'decks/d.md': deck('{{approvals standard/order}}\n\n---\n\n{{flow standard/order}}\n') }))).toEqual([]);
  });

  it('reports an unknown procedure as unknown-procedure, with a suggestion', () => {
    expect(messages(packageWith({ 'decks/d.md': deck('# A\n\n{{approvals standard/ordr}}\n') }))).toEqual([
      'decks/d.md:10 unknown-procedure {{approvals standard/ordr}}: procedure "standard/ordr" does not exist; did you mean "standard/order"?',
    ]);
  });

  it('says what is missing when the procedure has no approvals or no diagram', () => {
    expect(messages(packageWith({ 'decks/d.md': deck('{{approvals standard/plain}}\n{{flow standard/plain}}\n') }))).toEqual([
      'decks/d.md:8 schema-invalid {{approvals standard/plain}}: procedures/standard/plain.mdx has no approvals to show; add an "approvals" ladder to its frontmatter or remove the line',
      'decks/d.md:9 schema-invalid {{flow standard/plain}}: procedures/standard/plain.mdx has no flow diagram to show; add a ```mermaid fence to it or remove the line',
    ]);
  });

  it('reports a line that looks like an embed but is not one', () => {
    expect(messages(packageWith({ 'decks/d.md': deck('{{flow}}\n{{table standard/order}}\n') }))).toEqual([
      'decks/d.md:8 schema-invalid "{{flow}}" is not a deck embed; write {{approvals <procedure-id>}} or {{flow <procedure-id>}} on a line of its own',
      'decks/d.md:9 schema-invalid "{{table standard/order}}" is not a deck embed; write {{approvals <procedure-id>}} or {{flow <procedure-id>}} on a line of its own',
    ]);
  });

  it('keeps internal procedures out of public decks, but lets internal decks embed them', () => {
    const internal = procedure('audience: internal\n' + ladder, 'x\n').replace('Standard order', 'Secret');
    expect(messages(packageWith({ 'procedures/standard/secret.mdx': internal, 'decks/d.md': deck('{{approvals standard/secret}}\n') }))[0]).toContain(
      'unknown-procedure {{approvals standard/secret}}: procedure "standard/secret" is internal',
    );
    expect(messages(packageWith({ 'procedures/standard/secret.mdx': internal, 'decks/d.md': deck('{{approvals standard/secret}}\n', 'audience: internal\n') }))).toEqual([]);
  });

  it('is part of handover check', async () => {
    const pkgFiles = filesOf({
      'handover.yaml': MINIMAL_PACKAGE['handover.yaml'],
      'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n',
      'procedures/standard/order.mdx': procedure('', 'x\n'),
      'decks/d.md': deck('{{approvals standard/order}}\n'),
    });
    const { findings } = await checkPackage(pkgFiles, { today: sampleToday, parseDiagrams: false });
    expect(findings.filter((f) => f.file === 'decks/d.md').map((f) => f.code)).toEqual(['schema-invalid']);
  });
});

describe('deckFiles', () => {
  it('puts every file of a deck beside its presentation route', () => {
    expect(deckFiles('Order-Basics')).toEqual({
      presentation: '/decks/order-basics/',
      pdf: '/decks/order-basics.pdf',
      pptx: '/decks/order-basics.pptx',
      thumbnail: '/decks/order-basics.png',
      base: 'decks/order-basics',
    });
  });
});
