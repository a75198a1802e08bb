import { describe, expect, it } from 'vitest';
import { findFirstTerm, glossaryAnchor, glossaryGroups, indexLetter, termForms } from '../../src/lib/glossary.ts';
import { decodeEntities, markFirstOccurrences } from '../../src/lib/glossary-marking.ts';

const entry = (term: string, ...aliases: string[]) => ({ data: { term, definition: `${term} means`, aliases } });

describe('glossary order and anchors', () => {
  it('makes stable anchors for English and Chinese terms', () => {
    expect(glossaryAnchor('Credit hold')).toBe('term-credit-hold');
    expect(glossaryAnchor('RMA (return authorization)')).toBe('term-rma-return-authorization');
    expect(glossaryAnchor('信用额度')).toBe('term-信用额度');
  });

  it('files Chinese terms under the initial of their pinyin', () => {
    expect(['出厂价', '付款条件', '红字发票', '价目表价格', '退货订单', '信用额度', '样品订单', '主数据'].map((t) => indexLetter(t))).toEqual(['C', 'F', 'H', 'J', 'T', 'X', 'Y', 'Z']);
    expect(indexLetter('Écart')).toBe('E');
    expect(indexLetter('3-way match')).toBe('#');
  });

  it('sorts English alphabetically and Chinese by pinyin, grouped A–Z', () => {
    expect(glossaryGroups([entry('rebate'), entry('Backorder'), entry('credit hold'), entry('Credit note')], 'en').map((g) => [g.letter, g.entries.map((e) => e.data.term)])).toEqual([
      ['B', ['Backorder']],
      ['C', ['credit hold', 'Credit note']],
      ['R', ['rebate']],
    ]);
    expect(glossaryGroups([entry('主数据'), entry('信用冻结'), entry('出厂价'), entry('信用额度')], 'zh-CN').map((g) => [g.letter, g.entries.map((e) => e.data.term)])).toEqual([
      ['C', ['出厂价']],
      ['X', ['信用冻结', '信用额度']],
      ['Z', ['主数据']],
    ]);
  });
});

describe('findFirstTerm', () => {
  const terms = [termForms({ term: '红字冲销', aliases: ['冲销'] }), termForms({ term: 'Credit hold', aliases: ['hold'] })];

  it('finds the earliest occurrence, preferring the longest form at the same place', () => {
    expect(findFirstTerm('先做红字冲销再冲销', terms)).toEqual({ key: '红字冲销', start: 2, end: 6 });
    expect(findFirstTerm('发票冲销', terms)).toEqual({ key: '红字冲销', start: 2, end: 4 });
  });

  it('matches spaced-script words whole and ignores case', () => {
    expect(findFirstTerm('The holder is fine', terms)).toBeUndefined();
    expect(findFirstTerm('Put it on CREDIT HOLD.', terms)).toEqual({ key: 'Credit hold', start: 10, end: 21 });
    expect(findFirstTerm('on hold', terms)).toEqual({ key: 'Credit hold', start: 3, end: 7 });
  });

  it('matches abbreviations written in capitals only as written', () => {
    const orders = [termForms({ term: 'Sales order', aliases: ['SO'] })];
    expect(findFirstTerm('and so the SO is saved', orders)).toEqual({ key: 'Sales order', start: 11, end: 13 });
    expect(findFirstTerm('a sales Order', orders)).toEqual({ key: 'Sales order', start: 2, end: 13 });
  });
});

describe('markFirstOccurrences', () => {
  const terms = [termForms({ term: '出厂价', aliases: ['底价'] }), termForms({ term: 'credit hold' })];
  const wrap = (text: string, key: string) => `[${text}|${key}]`;

  it('marks only the first occurrence of each term, by term or alias', () => {
    const { html, marked } = markFirstOccurrences('<p>按底价销售；出厂价需审批。</p><p>出厂价</p>', terms, wrap);
    expect(html).toBe('<p>按[底价|出厂价]销售；出厂价需审批。</p><p>出厂价</p>');
    expect(marked).toEqual(['出厂价']);
  });

  it('never marks inside headings, links, code, diagrams or scripts', () => {
    const source = [
      '<h2 id="x">出厂价</h2>',
      '<p><a href="/x">出厂价</a> <code>出厂价</code></p>',
      '<figure class="ho-diagram"><svg><text>出厂价</text></svg></figure>',
      '<pre class="ho-mermaid">出厂价</pre>',
      '<script>if (a < b) { "出厂价" }</script>',
      '<p>Then 出厂价 <em>credit hold</em>.</p>',
    ].join('');
    const { html } = markFirstOccurrences(source, terms, wrap);
    expect(html).toBe(source.replace('<p>Then 出厂价 <em>credit hold</em>.</p>', '<p>Then [出厂价|出厂价] <em>[credit hold|credit hold]</em>.</p>'));
  });

  it('keeps every tag as written and re-escapes text it changes', () => {
    const source = '<p class="a" data-x=\'1>2\'>A &amp; B &lt;出厂价&gt;<br/>x</p><img src="出厂价.png" alt="出厂价">';
    expect(markFirstOccurrences(source, terms, wrap).html).toBe('<p class="a" data-x=\'1>2\'>A &amp; B &lt;[出厂价|出厂价]&gt;<br/>x</p><img src="出厂价.png" alt="出厂价">');
  });

  it('decodes the character references renderers write', () => {
    expect(decodeEntities('&#x51FA;&#21378;&amp;&quot;&nbsp;&bogus;')).toBe('出厂&"\u00a0&bogus;');
  });
});

describe('the zh-TW glossary', () => {
  const entry = (term: string) => ({ data: { term } });
  it('orders terms by zhuyin and files them under their zhuyin initials, as Taiwan dictionaries do', () => {
    expect(['報價單', '牌價', '統一編號', '出廠價', '信用額度', '折讓單'].map((t) => indexLetter(t, undefined, 'zh-TW'))).toEqual(['ㄅ', 'ㄆ', 'ㄊ', 'ㄔ', 'ㄒ', 'ㄓ']);
    expect(glossaryGroups([entry('信用額度'), entry('出廠價'), entry('牌價'), entry('報價單'), entry('變更單'), entry('ERP')], 'zh-TW').map((g) => [g.letter, g.entries.map((e) => e.data.term)])).toEqual([
      ['E', ['ERP']],
      ['ㄅ', ['報價單', '變更單']],
      ['ㄆ', ['牌價']],
      ['ㄒ', ['信用額度']],
      ['ㄔ', ['出廠價']],
    ]);
  });
});
