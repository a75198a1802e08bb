import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, wordDiff, type WordChange } from '../../src/lib/text-diff.ts';

/** A diff as text: [-deleted-] and {+inserted+}. */
const show = (changes: WordChange[]) => changes.map((c) => (c.kind === 'same' ? c.text : c.kind === 'added' ? `{+${c.text}+}` : `[-${c.text}-]`)).join('');

describe('plainText', () => {
  it('drops emphasis, link targets, code ticks and tags but keeps snake_case words', () => {
    expect(plainText('**Bold** _it_ [link](/x/) `code` <Badge text="x" /> field_name \\*star')).toBe('Bold it link code field_name *star');
  });
});

describe('wordDiff', () => {
  it('marks inserted and deleted words, joining a changed phrase', () => {
    expect(show(wordDiff('The sales manager approves the order.', 'The sales director approves the changed order.'))).toBe(
      'The sales [-manager-]{+director+} approves the {+changed +}order.',
    );
    expect(show(wordDiff('checks the prices quickly', 'checks prices against the quote'))).toBe('checks [-the -]prices [-quickly-]{+against the quote+}');
    expect(show(wordDiff('Discount off list price', 'Discount off the quoted price'))).toBe('Discount off [-list-]{+the quoted+} price');
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('always rebuilds both texts: the old one without insertions, the new one without deletions', () => {
    const text = fc.array(fc.constantFrom('the', 'order', 'clerk', ' ', ', ', '.', '订单', '审批', 'x'), { maxLength: 14 }).map((words) => words.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const changes = wordDiff(before, after);
        expect(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('')).toBe(before);
        expect(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join('')).toBe(after);
      }),
    );
  });

  it('splits Chinese into words, not whole sentences', () => {
    const changes = wordDiff('销售经理审批订单。', '销售总监审批订单。', 'zh-CN');
    expect(changes.filter((c) => c.kind !== 'same').map((c) => c.text).join('')).toMatch(/^(经理总监|销售经理销售总监)$/);
    expect(show(changes)).toContain('审批订单。');
  });
});
