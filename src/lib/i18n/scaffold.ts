/**
 * Words `handover new` writes into new files, in the package's language:
 * package content the author then replaces, not interface labels.
 */
import type { Dictionary } from '../i18n.ts';

const en = {
  purpose: 'Purpose',
  purposeText: 'What this procedure achieves, for whom, and when it applies.',
  steps: 'Steps',
  step1: 'describes the first step.',
  step2: 'describes the next step.',
  flow: 'Flow',
  start: 'Start',
  step: 'First step',
  end: 'Done',
  firstDraft: 'First draft.',
  need: 'Business need',
  needText: 'What the business needs and why the standard system does not do it.',
  requirements: 'Requirements',
  requirementsText: '1. The first requirement.',
  acceptance: 'Acceptance criteria',
  acceptanceText: '- How the business will know the requirement is met.',
  design: 'Design',
  designText: 'What the vendor built and how it works.',
  vendor: 'to be named',
  legacy: 'To be described: how the work was done before the system.',
  systemRule: 'To be described: what the system requires instead.',
  deckIntro: 'Training deck for',
  deckSlide: 'Key points of this procedure.',
  quizPrompt: 'Sample question: replace it with a question about',
  quizRight: 'The right answer',
  quizWrong: 'A wrong answer',
  quizExplanation: 'Why the right answer is right.',
};

export type ScaffoldWord = keyof typeof en;

const zhCN: Record<ScaffoldWord, string> = {
  purpose: '目的',
  purposeText: '说明本流程要达到的目的、适用对象和适用情形。',
  steps: '步骤',
  step1: '说明第一步。',
  step2: '说明下一步。',
  flow: '流程图',
  start: '开始',
  step: '第一步',
  end: '完成',
  firstDraft: '初稿。',
  need: '业务需求',
  needText: '说明业务需要什么，以及标准系统为何不能满足。',
  requirements: '需求',
  requirementsText: '1. 第一条需求。',
  acceptance: '验收标准',
  acceptanceText: '- 业务部门如何确认需求已满足。',
  design: '设计',
  designText: '说明实施方开发了什么、如何工作。',
  vendor: '待定',
  legacy: '待补充：上线前的手工做法。',
  systemRule: '待补充：系统要求的做法。',
  deckIntro: '培训课件：',
  deckSlide: '本流程的要点。',
  quizPrompt: '示例题目：请替换为关于以下流程的题目：',
  quizRight: '正确答案',
  quizWrong: '错误答案',
  quizExplanation: '说明正确答案的理由。',
};

export const scaffoldWords: Dictionary<ScaffoldWord> = { en, 'zh-CN': zhCN };
