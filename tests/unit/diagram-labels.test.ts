import { describe, expect, it } from 'vitest';
import { wrapCjkLabel, wrapCjkLabels } from '../../src/lib/diagram-labels.ts';

const words = new Intl.Segmenter('zh', { granularity: 'word' });
/** Where the ICU dictionary puts word boundaries, as offsets into the text. */
const boundaries = (text: string) => new Set([...words.segment(text)].map((s) => s.index).concat(text.length));

describe('wrapCjkLabel', () => {
  it('breaks a long Chinese label only between words, into lines of at most seven characters', () => {
    const label = '客户信用额度超出后由财务经理审批一次性放行并通知销售代表跟进';
    const lines = wrapCjkLabel(label).split('<br>');
    expect(lines.join('')).toBe(label);
    expect(lines.length).toBeGreaterThan(3);
    const cuts = boundaries(label);
    let offset = 0;
    for (const line of lines) {
      expect([...line].length).toBeLessThanOrEqual(7);
      offset += line.length;
      expect(cuts.has(offset), `break after "${line}"`).toBe(true);
    }
    // The words mermaid used to cut in two stay whole.
    expect(lines.some((line) => line.includes('超出'))).toBe(true);
  });

  it('keeps short labels, labels without CJK, labels with other markup and markdown strings as written', () => {
    for (const label of ['客户下单', 'Credit limit exceeded, approved by finance and the sales rep is told', '<b>客户信用额度超出后由财务经理审批</b>', '`**客户信用额度超出后由财务经理审批**`']) {
      expect(wrapCjkLabel(label)).toBe(label);
    }
  });

  it('keeps the author\'s own line breaks and wraps each line on its own; mixed text counts Latin as narrow', () => {
    expect(wrapCjkLabel('折扣<br/>超过百分之十二需要总经理审批')).toBe('折扣<br>超过百分之十二<br>需要总经理审批');
    expect(wrapCjkLabel('超过 EUR 500')).toBe('超过 EUR 500');
    expect(wrapCjkLabel('EUR 10,000 以上由总经理审批')).toBe('EUR 10,000<br>以上由总经理<br>审批');
  });
});

describe('wrapCjkLabels', () => {
  it('wraps node, decision and edge labels of a flowchart, never ids, keywords or comments', () => {
    const source = [
      'flowchart TD',
      '  %% 客户信用额度超出后由财务经理审批一次性放行',
      '  审批节点["客户信用额度超出后由财务经理审批"] --> B{折扣超过百分之十二需要总经理审批吗}',
      '  B -->|超过百分之十二需要总经理审批| C([通知销售代表并记录审批结果])',
      '  C@{ shape: rect, label: "客户信用额度超出后由财务经理审批" }',
    ].join('\n');
    const wrapped = wrapCjkLabels(source).split('\n');
    expect(wrapped[1]).toBe(source.split('\n')[1]);
    expect(wrapped[2]).toMatch(/^ {2}审批节点\["[^"]*<br>[^"]*"\] --> B\{[^}]*<br>[^}]*\}$/);
    expect(wrapped[3]).toMatch(/^ {2}B -->\|[^|]*<br>[^|]*\| C\(\[[^\]]*<br>[^\]]*\]\)$/);
    expect(wrapped[4]).toMatch(/^ {2}C@\{ shape: rect, label: "[^"]*<br>[^"]*" \}$/);
    expect(wrapped.join('\n').replace(/<br>/g, '')).toBe(source);
  });

  it('leaves other diagram types and flowcharts without CJK unchanged', () => {
    const sequence = 'sequenceDiagram\n  客户->>销售: 客户信用额度超出后由财务经理审批一次性放行';
    expect(wrapCjkLabels(sequence)).toBe(sequence);
    const english = 'flowchart LR\n  A["Purchase order received (e-mail, EDI, web shop)"] --> B{Customer account exists?}';
    expect(wrapCjkLabels(english)).toBe(english);
  });
});
