/**
 * Labels of the training page (/training/): decks, quizzes and learning
 * paths. Placeholders like {title} are filled with `fill` from ./learning.ts.
 */
import type { Dictionary } from '../i18n.ts';

const en = {
  title: 'Training',
  lead: 'Slide decks made from the procedures, quizzes with answer keys, and learning paths for new staff.',
  decks: 'Slide decks',
  'decks.none': 'This package has no slide decks yet.',
  'decks.keys': 'In a presentation: F full screen, P presenter view with the speaker notes, O overview of all slides, arrow keys to move.',
  'deck.open': 'Open presentation',
  'deck.pdf': 'PDF',
  'deck.pptx': 'PowerPoint',
  'deck.thumbnail': 'First slide of "{title}"',
  'deck.covers': 'Procedures covered',
  'deck.noExports': 'PDF and PowerPoint files were left out of this build because no Chromium was found on the build machine.',
  quizzes: 'Quizzes',
  'quizzes.none': 'This package has no quizzes yet.',
  'quiz.title': 'Quiz',
  'quiz.questions': 'Questions',
  'quiz.passMark': 'Pass mark',
  'quiz.covers': 'Procedures covered',
  paths: 'Learning paths',
  'paths.none': 'This package defines no learning paths yet.',
  'path.audience': 'For: ',
  'path.steps': '{count} steps',
  'path.step': '1 step',
} as const;

export type TrainingLabel = keyof typeof en;

const zhCN: Record<TrainingLabel, string> = {
  title: '培训',
  lead: '根据作业规范制作的培训课件、附答案的测验，以及供新员工使用的学习路径。',
  decks: '培训课件',
  'decks.none': '本交接包尚无培训课件。',
  'decks.keys': '放映时：按 F 全屏，按 P 打开带讲解要点的演讲者视图，按 O 查看全部幻灯片，方向键翻页。',
  'deck.open': '打开演示',
  'deck.pdf': 'PDF',
  'deck.pptx': 'PowerPoint',
  'deck.thumbnail': '“{title}”的第一张幻灯片',
  'deck.covers': '涉及流程',
  'deck.noExports': '构建服务器上未找到 Chromium，本次构建未生成 PDF 和 PowerPoint 文件。',
  quizzes: '测验',
  'quizzes.none': '本交接包尚无测验。',
  'quiz.title': '测验',
  'quiz.questions': '题数',
  'quiz.passMark': '及格分',
  'quiz.covers': '涉及流程',
  paths: '学习路径',
  'paths.none': '本交接包尚未定义学习路径。',
  'path.audience': '适用对象：',
  'path.steps': '共 {count} 步',
  'path.step': '共 1 步',
};

export const trainingLabels: Dictionary<TrainingLabel> = { en, 'zh-CN': zhCN };

