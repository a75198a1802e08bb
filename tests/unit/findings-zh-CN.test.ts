import { describe, expect, it } from 'vitest';
import { finding, findingCatalogue, localizeFinding, type FindingCode, type FindingDetail, type FindingText } from '../../src/lib/findings.ts';
import { zhCNFindings, suggestZh } from '../../src/lib/i18n/findings-zh-CN.ts';
import { suggest } from '../../src/lib/suggest.ts';
import { interval, roles, samples } from '../support/finding-samples.ts';

const codes = Object.keys(findingCatalogue) as FindingCode[];

const render = (code: FindingCode, detail: FindingDetail<FindingCode>) => (zhCNFindings[code] as FindingText<FindingCode>).message(detail);

const CJK = /[\u4e00-\u9fff]/;

/** Three English words in a row: a sentence, or part of one, left in English. */
const ENGLISH_RUN = /\b[A-Za-z]{2,}\b(?:\s+\b[A-Za-z]{2,}\b){2,}/;

/**
 * The message without what stays as written on purpose: text in quotes (an
 * author's id, summary or test case), deck embeds, code in backticks, and
 * the words of a library or schema (a `problem`), which are English.
 */
function ownWords(message: string, detail: FindingDetail<FindingCode>): string {
  const problem = 'problem' in detail && typeof detail.problem === 'string' ? detail.problem : undefined;
  return (problem ? message.replaceAll(problem, '') : message)
    .replace(/“[^”]*”/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/\{\{[^}]*\}\}/g, '');
}

describe('the zh-CN finding catalogue', () => {
  it.each(codes)('%s renders a Chinese sentence from each kind of detail', (code) => {
    for (const detail of samples[code] as readonly FindingDetail<FindingCode>[]) {
      const message = render(code, detail);
      expect(message, JSON.stringify(detail)).toMatch(CJK);
      expect(message, JSON.stringify(detail)).not.toMatch(/undefined|\[object /);
      expect(ownWords(message, detail), message).not.toMatch(ENGLISH_RUN);
    }
    expect(zhCNFindings[code].title).toMatch(CJK);
    expect(zhCNFindings[code].hint).toMatch(CJK);
  });

  it('suggests the near miss that the English message suggests, and nothing for a far one', () => {
    expect(render('unknown-role', { role: 'sales-rp', known: roles })).toBe('角色“sales-rp”未在 roles.yaml 中声明；是否想写“sales-rep”？');
    expect(render('unknown-role', { role: 'auditor', known: roles })).toBe('角色“auditor”未在 roles.yaml 中声明');
    const cases: [string, ReadonlySet<string>][] = [
      ['sales-rp', roles],
      ['auditor', roles],
      ['Controler', roles],
      ['standard/retrun', new Set(['standard/sales-order', 'standard/return'])],
      ['x', new Set(['ab', 'xy'])],
      ['role.yaml', new Set(['handover.yaml', 'roles.yaml'])],
    ];
    for (const [id, known] of cases) {
      const english = /did you mean "(.*)"\?$/.exec(suggest(id, known))?.[1];
      expect(suggestZh(id, known), id).toBe(english === undefined ? '' : `；是否想写“${english}”？`);
    }
  });

  it('words the values of a ladder as the example packages do: over, up to, a single value', () => {
    expect(render('approval-gap', { metric: 'discount', unit: '%', values: interval(5, 6) })).toBe('指标 discount 超过 5 % 且不超过 6 % 时没有审批人');
    expect(render('approval-gap', { metric: 'discount', unit: '%', values: interval(0, 0, true) })).toBe('指标 discount 为 0 % 时没有审批人');
    expect(render('approval-gap', { metric: 'order-amount', unit: 'CNY', values: interval(50000, Infinity, true, false) })).toBe('指标 order-amount 不低于 50000 CNY 时没有审批人');
    expect(render('approval-sod', { reason: 'band', metric: 'discount', unit: '%', values: interval(0, 5, true), initiator: 'sales-rep' })).toBe(
      '指标 discount 不超过 5 % 时由 sales-rep 审批，而发起申请的正是这个角色',
    );
  });

  it('gives the review date and the open issue as the closeout page does', () => {
    expect(render('review-overdue', { due: new Date(Date.UTC(2026, 5, 1)) })).toBe('应于 2026-06-01 复审');
    expect(render('issue-open', { reason: 'open', issue: 'I-4', summary: 'Invoices print twice' })).toBe('问题 I-4 尚未解决：“Invoices print twice”');
    expect(render('issue-open', { reason: 'no-solution', issue: 'I-5' })).toBe('问题 I-5 已标为解决，但没有归档解决方案');
  });

  it('localizes a finding: the message and the catalogue hint in Chinese, a hint the check wrote kept as written', () => {
    const where = { file: 'procedures/standard/return.mdx', line: 7 };
    expect(localizeFinding(finding('review-overdue', where, { due: new Date(Date.UTC(2026, 5, 1)) }), zhCNFindings)).toMatchObject({
      message: '应于 2026-06-01 复审',
      hint: '请复审该作业规范，然后提高 version 并更新 reviewBy。',
    });
    expect(localizeFinding(finding('mdx-syntax', { file: 'pages/a.mdx' }, { problem: 'Unexpected closing tag' }, 'Close the tag.'), zhCNFindings)).toMatchObject({
      message: '正文不是有效的 MDX：Unexpected closing tag',
      hint: 'Close the tag.',
    });
  });
});
