import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { glossaryLink } from '../../src/lib/glossary.ts';
import { learningLabels } from '../../src/lib/i18n/learning.ts';
import { resolveLearningPath } from '../../src/lib/learning.ts';
import type { HandoverPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { rightChoices, scoreQuiz } from '../../src/lib/quiz-scoring.ts';
import { routes } from '../../src/lib/routes.ts';
import { checkDir, chineseDir } from '../support/package.ts';
import { launchBrowser, serveDir } from '../support/site.ts';
import { packageWords, untranslatedWords } from '../support/ui-language.ts';

const zh = learningLabels['zh-CN'];
let pkg: HandoverPackage;
let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  pkg = applyProfile((await checkDir(chineseDir)).pkg, 'public');
  server = await serveDir(inject('chineseSite'));
  browser = await launchBrowser();
  // One context for the whole file: progress made in one test is what the next one reads back.
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string) => page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
const quiz = () => pkg.quizzes.find((q) => q.slug === 'sales-order-basics')!;

/** Ticks the given choices (indices in the quiz file) of each question, whatever order the page shows them in. */
async function answer(choices: readonly (readonly number[])[]) {
  for (const [question, picked] of choices.entries()) {
    for (const choice of picked) await page.locator(`[data-question="${question}"] input[value="${choice}"]`).check();
  }
}

describe('the home page', () => {
  it('offers one entry point per role, each saying what the reader finds there', async () => {
    await open('/');
    const cards = page.locator('.ho-role');
    expect(await cards.count()).toBe(4);
    const links = await cards.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual([routes.closeout, routes.learningPath('sales-onboarding'), routes.training, routes.approvals]);
    for (const text of await cards.locator('.ho-role__text').allTextContents()) expect(text.length).toBeGreaterThan(10);
    // The whole card is the link's target.
    const box = (await cards.first().boundingBox())!;
    await page.mouse.click(box.x + 10, box.y + 10);
    await page.waitForURL(`**${routes.closeout}`);
  });

  it('shows the package, its counts and the procedures by order type', async () => {
    await open('/');
    const main = await page.locator('main').innerText();
    for (const value of [pkg.meta!.data.organization, pkg.meta!.data.system, '2026-05-11']) expect(main).toContain(value);
    expect(await page.locator('.ho-counts li').allInnerTexts()).toEqual([`${pkg.procedures.length} 个作业规范`, `${pkg.customizations.length} 项客户化开发`, `${pkg.conflicts.length} 项冲突`, `${pkg.issues.length} 个问题`, `${pkg.decks.length} 套培训课件`, `${pkg.quizzes.length} 套测试题`]);
    for (const type of pkg.meta!.data.orderTypes) {
      const section = page.locator(`section[aria-labelledby="order-type-${type.id}"]`);
      const expected = pkg.procedures.filter((p) => p.data.orderType === type.id).map((p) => routes.procedure(p.id));
      expect(await section.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(expected);
    }
  });
});

describe('a quiz', () => {
  it('refuses to score an incomplete attempt, naming the unanswered questions, and keeps no score for it', async () => {
    const { data } = quiz();
    await open(routes.quiz(quiz().slug));
    await page.getByRole('button', { name: zh['quiz.submit'] }).click();
    const all = data.questions.map((_, index) => index + 1).join(', ');
    await expect.poll(() => page.getByRole('status').textContent()).toBe(zh['quiz.incomplete'].replace('{questions}', all));
    expect(await page.locator('[data-unanswered]').count()).toBe(data.questions.length);
    expect(await page.locator('[data-feedback]:visible').count()).toBe(0);
    expect(await page.locator('[data-quiz-best]').isHidden()).toBe(true);
    // Answering all but the last still names the last.
    await answer(data.questions.slice(0, -1).map((q) => rightChoices(q)));
    await page.getByRole('button', { name: zh['quiz.submit'] }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(zh['quiz.incomplete'].replace('{questions}', String(data.questions.length)));
    expect(await page.locator('[data-quiz-best]').isHidden()).toBe(true);
  });

  it('with answerKey: internal, publishes the questions and the paper but no right answer, explanation or key page', async () => {
    const kept = pkg.quizzes.find((q) => q.data.answerKey === 'internal')!;
    const site = inject('chineseSite');
    expect(existsSync(join(site, routes.quiz(kept.slug), 'paper/index.html'))).toBe(true);
    expect(existsSync(join(site, routes.quiz(kept.slug), 'answers'))).toBe(false);
    const html = readFileSync(join(site, routes.quiz(kept.slug), 'index.html'), 'utf8');
    expect(html).toContain(zh['quiz.keyKept']);
    expect(html).not.toContain('data-answers');
    expect(html).not.toContain('data-right');
    // No explanation anywhere in the site, search index included.
    const everything = readdirSync(site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const bytes = readFileSync(join(entry.parentPath, entry.name));
        return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      })
      .join('\n');
    for (const question of kept.data.questions) expect(everything).not.toContain(question.explanation!);
  });

  it('scores single and multiple answers, explains each question and keeps the best score', async () => {
    const { data } = quiz();
    await open(routes.quiz(quiz().slug));
    expect(await page.locator('fieldset > legend').count()).toBe(data.questions.length);
    // Radio buttons for one answer, checkboxes for several.
    for (const [index, question] of data.questions.entries()) {
      expect(await page.locator(`[data-question="${index}"] input`).first().getAttribute('type')).toBe(Array.isArray(question.answer) ? 'checkbox' : 'radio');
    }
    // Right everywhere except one multiple-answer question, answered with only part of its right set.
    const partial = data.questions.findIndex((q) => Array.isArray(q.answer) && q.answer.length > 1);
    const choices = data.questions.map((q, index) => (index === partial ? rightChoices(q).slice(1) : rightChoices(q)));
    const expected = scoreQuiz(data.questions, choices, data.passMark);
    expect(expected.correct).toBe(data.questions.length - 1);
    await answer(choices);
    await page.getByRole('button', { name: zh['quiz.submit'] }).click();
    const result = page.getByRole('status');
    await expect.poll(() => result.textContent()).toContain(`${expected.percent}%（答对 ${expected.correct} / ${expected.total} 题）`);
    expect(await result.textContent()).toContain(expected.passed ? '通过：及格线' : '未通过');
    expect(await page.locator(`[data-question="${partial}"]`).getAttribute('data-outcome')).toBe('wrong');
    expect(await page.locator('[data-outcome="right"]').count()).toBe(expected.correct);
    // Each question now shows its explanation, and the answers are locked.
    expect(await page.locator('[data-feedback]:visible').count()).toBe(data.questions.length);
    expect(await page.locator(`[data-question="${partial}"] [data-feedback]`).innerText()).toContain(data.questions[partial]!.explanation!);
    expect(await page.locator('.ho-quiz__form input:not(:disabled)').count()).toBe(0);
    await expect.poll(() => page.locator('[data-quiz-best]').textContent()).toContain(`${expected.percent}%`);
  });

  it('retries with the questions and choices shuffled, and scores by meaning, not position', async () => {
    const { data } = quiz();
    await page.getByRole('button', { name: zh['quiz.retry'] }).click();
    expect(await page.locator('form input:checked').count()).toBe(0);
    expect(await page.locator('[data-feedback]:visible').count()).toBe(0);
    // Numbers follow the new order; the set of questions is the same.
    expect(await page.locator('[data-question-number]').allTextContents()).toEqual(data.questions.map((_, i) => `第 ${i + 1} 题`));
    const order = await page.locator('[data-question]').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.question)));
    expect([...order].sort((a, b) => a - b)).toEqual(data.questions.map((_, i) => i));
    // All right this time, answered from the keyboard for the first question.
    const firstShown = page.locator('[data-question]').first();
    const right = rightChoices(data.questions[order[0]!]!);
    await firstShown.locator(`input[value="${right[0]}"]`).focus();
    await page.keyboard.press('Space');
    await answer(data.questions.map((q, i) => (i === order[0] ? right.slice(1) : rightChoices(q))));
    await page.getByRole('button', { name: zh['quiz.submit'] }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`100%（答对 ${data.questions.length} / ${data.questions.length} 题）`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expect.poll(() => page.locator('[data-quiz-best]').textContent()).toContain('100%');
  });

  it('has a printable test paper and an answer key with the right choices', async () => {
    const { data } = quiz();
    await open(`${routes.quiz(quiz().slug)}paper/`);
    expect(await page.locator('.ho-paper__question').count()).toBe(data.questions.length);
    expect(await page.locator('.ho-paper').innerText()).not.toContain(data.questions[0]!.explanation!);
    await open(`${routes.quiz(quiz().slug)}answers/`);
    const letters = (q: (typeof data.questions)[number]) => rightChoices(q).map((c) => String.fromCharCode(65 + c)).join(' ');
    expect(await page.locator('.ho-paper__key li').allInnerTexts()).toEqual(data.questions.map(letters));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await page.locator('[data-print]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('a learning path', () => {
  const path = () => pkg.meta!.data.learningPaths![0]!;
  const steps = () => resolveLearningPath(pkg, path());

  it('lists its steps, counts a procedure read only once its end was reached, and resumes at the first unfinished step', async () => {
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(steps().map((s) => s.href));
    // The quiz passed above already counts, and dates the path's last study.
    const quizStep = steps().findIndex((s) => s.kind === 'quiz');
    expect(await page.locator('.ho-path__step').nth(quizStep).getAttribute('data-status')).toBe('passed');
    expect(await page.locator('[data-path-resume]').getAttribute('href')).toBe(steps()[0]!.href);
    expect(await page.locator('[data-path-left]').textContent()).toBe(`还剩 ${steps().length - 1} 步`);
    expect(await page.locator('[data-path-last]').textContent()).toMatch(/^· 上次学习：\d{4}-\d{2}-\d{2}$/);

    // Opening the procedure is not reading it.
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(steps()[0]!.href);
    expect(await page.locator('.ho-path-nav').innerText()).toContain(path().title);
    await page.waitForTimeout(3500);
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__step').first().getAttribute('data-status')).toBe('todo');

    // Reading to the end is.
    await open(steps()[0]!.href);
    await page.locator('.ho-path-end').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-mark-read]').getAttribute('aria-pressed'), { timeout: 8000 }).toBe('true');
    expect(await page.locator('[data-read-state]').textContent()).toMatch(/^已于 \d{4}-\d{2}-\d{2} 读完$/);
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__step').first().getAttribute('data-status')).toBe('read');
    expect(await page.locator('[data-path-resume]').getAttribute('href')).toBe(steps()[1]!.href);
    expect(await page.locator('[data-path-resume]').textContent()).toContain(steps()[1]!.title);

    // So is the button, which also takes the mark back.
    await open(steps()[1]!.href);
    await page.getByRole('button', { name: zh['path.markRead'] }).click();
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__step').nth(1).getAttribute('data-status')).toBe('read');
    await open(steps()[1]!.href);
    await page.getByRole('button', { name: zh['path.markRead'] }).click();
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__step').nth(1).getAttribute('data-status')).toBe('todo');
  });

  it('counts a deck studied once its last slide was shown, not when it is opened', async () => {
    const deckStep = steps().findIndex((s) => s.kind === 'deck');
    const deck = steps()[deckStep]!;
    await open(deck.href);
    await page.waitForTimeout(500);
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__step').nth(deckStep).getAttribute('data-status')).toBe('todo');
    await open(deck.href);
    const slides = await page.locator('.bespoke-marp-slide').count();
    expect(slides).toBeGreaterThan(1);
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.bespoke-marp-slide').last().getAttribute('class')).toContain('bespoke-marp-active');
    await open(routes.learningPath(path().id));
    expect(await page.locator('.ho-path__step').nth(deckStep).getAttribute('data-status')).toBe('read');
  });

  it('keeps steps marked read across a reload', async () => {
    const box = page.locator('.ho-path__step').nth(1).getByRole('checkbox', { name: zh['path.markRead'] });
    await box.check();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await box.isChecked()).toBe(true);
    // The first procedure, this one, the deck and the quiz.
    expect(await page.locator('[data-path-count]').textContent()).toBe(`已完成 4 / ${steps().length} 步`);
    expect(await page.locator('progress').getAttribute('value')).toBe('4');
  });

  it('clears its progress on request', async () => {
    await page.getByRole('button', { name: zh['path.reset'] }).click();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('[data-path-count]').textContent()).toBe(`已完成 0 / ${steps().length} 步`);
  });
});

describe('by keyboard alone', () => {
  it('answers a quiz with the keyboard, and the result takes the focus so it is read out', async () => {
    await open(routes.quiz(quiz().slug));
    for (const [index] of quiz().data.questions.entries()) {
      await page.locator(`[data-question="${index}"] input`).first().focus();
      await page.keyboard.press('Space');
    }
    await page.locator('[data-quiz-submit]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-quiz-result'))).toBe(true);
    expect(await page.locator('[data-quiz-result]').getAttribute('role')).toBe('status');
    expect((await page.locator('[data-quiz-result]').textContent())?.length).toBeGreaterThan(0);
    // Every question is a group named by its prompt.
    expect(await page.getByRole('group').count()).toBeGreaterThanOrEqual(quiz().data.questions.length);
  });

  it('marks a path step read with the keyboard, and the button says whether it is pressed', async () => {
    const step = resolveLearningPath(pkg, pkg.meta!.data.learningPaths![0]!).find((s) => s.kind === 'procedure')!;
    await open(step.href);
    const button = page.getByRole('button', { name: zh['path.markRead'] });
    const before = await button.getAttribute('aria-pressed');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe(before === 'true' ? 'false' : 'true');
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-pressed')).toBe(before);
  });
});

describe('glossary terms on procedure pages', () => {
  it('explain a term on keyboard focus and on hover, and Escape dismisses the explanation', async () => {
    await open(routes.procedure('standard/sales-order'));
    const term = page.locator('.ho-term').first();
    const tip = term.getByRole('tooltip');
    expect(await tip.isVisible()).toBe(false);
    await term.getByRole('link').focus();
    expect(await tip.isVisible()).toBe(true);
    const key = (await tip.locator('strong').textContent())!;
    expect(await tip.textContent()).toContain(pkg.glossary.find((g) => g.data.term === key)!.data.definition);
    expect(await term.getByRole('link').getAttribute('href')).toBe(glossaryLink(key));
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    await page.locator('h1').hover();
    await page.locator('.ho-term').nth(1).getByRole('link').hover();
    expect(await page.locator('.ho-term').nth(1).getByRole('tooltip').isVisible()).toBe(true);
  });

  it('mark each term once, and never inside headings, links, code or diagrams', async () => {
    for (const procedure of pkg.procedures) {
      await open(routes.procedure(procedure.id));
      const keys = await page.locator('.ho-term__tip strong').allTextContents();
      expect(new Set(keys).size, procedure.id).toBe(keys.length);
      expect(await page.locator(':is(h1, h2, h3, h4, a, code, pre, figure) .ho-term').count(), procedure.id).toBe(0);
    }
  });

  it('link to the glossary, which files the terms under their pinyin initials', async () => {
    await open(routes.glossary);
    const letters = await page.locator('.ho-glossary-index a').allTextContents();
    expect(letters).toEqual([...letters].sort());
    for (const { data } of pkg.glossary) expect(await page.locator(`[id="${glossaryLink(data.term).split('#')[1]}"]`).count(), data.term).toBe(1);
    expect(await page.locator('h2#letter-c + .ho-glossary-entry h3').first().textContent()).toBe('出厂价');
  });
});

describe('the Chinese portal', () => {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

  /** The learning pages and the Starlight shell around them, as a reader sees them. */
  const pages = () => [
    '/',
    routes.glossary,
    routes.conflicts,
    routes.issues,
    routes.procedure('standard/sales-order'),
    ...(pkg.meta!.data.learningPaths ?? []).map((p) => routes.learningPath(p.id)),
    ...pkg.quizzes.flatMap((q) => [routes.quiz(q.slug), `${routes.quiz(q.slug)}paper/`, `${routes.quiz(q.slug)}answers/`]),
  ];

  it('shows no English UI string on the learning pages, before or after a quiz is submitted', async () => {
    const words = packageWords(chineseDir);
    const found: string[] = [];
    for (const path of pages()) {
      await open(path);
      if (await page.locator('[data-quiz-submit]').isVisible()) await page.locator('[data-quiz-submit]').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      for (const word of untranslatedWords(await page.locator('body').innerText(), words)) found.push(`${path}: ${word}`);
      const text = await page.locator('body').innerText();
      for (const label of Object.values(learningLabels.en)) if (label.length > 3 && !/^[\W\d]+$/.test(label) && text.includes(label)) found.push(`${path}: "${label}"`);
    }
    expect(found).toEqual([]);
    expect(await page.locator('button[data-open-modal]').getAttribute('aria-label')).toBe('搜索 Ctrl K');
  });

  it('has no serious accessibility violation on the learning pages, in light and dark themes', async () => {
    const found: string[] = [];
    for (const [theme, path] of ['light', 'dark'].flatMap((theme) => pages().map((path) => [theme, path] as const))) {
      await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
      await open(path);
      if (await page.locator('[data-quiz-submit]').isVisible()) await page.locator('[data-quiz-submit]').click();
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run(document)).violations;
      });
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) found.push(`${theme} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    expect(found).toEqual([]);
  });
});
