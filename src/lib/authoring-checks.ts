import { extractDiagrams } from './diagrams.ts';
import { ladderPlace } from './approvals.ts';
import { finding, type Finding } from './findings.ts';
import { scaffoldWords, type ScaffoldWord } from './i18n/scaffold.ts';
import type { HandoverPackage } from './package.ts';
import { isInherited } from './variants.ts';

/**
 * The words `handover new` writes for the author to replace. Headings and
 * short labels ("Steps", "Start") are left out: an author keeps those.
 */
const PLACEHOLDERS: readonly ScaffoldWord[] = ['purposeText', 'step1', 'step2', 'needText', 'requirementsText', 'acceptanceText', 'designText', 'legacy', 'systemRule', 'deckSlide', 'quizPrompt', 'quizRight', 'quizWrong', 'quizExplanation'];
const placeholderTexts = Object.values(scaffoldWords).flatMap((words) => PLACEHOLDERS.map((key) => words[key]));

/** ISO 4217 codes the runtime knows; a ladder's unit is "%" or one of them. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A flowchart, as against the sequence or state diagrams a procedure may show beside its flow. */
const FLOWCHART = /^\s*(%%.*\n\s*)*(---[\s\S]*?---\s*)?(flowchart|graph)\b/;

/**
 * Warnings about what an author left unfinished or wrote in a way the
 * portal cannot use: `placeholder-left` (text `handover new` wrote to be
 * replaced), `missing-steps` (no Steps list, which the comparison and the
 * differences panel read), `unknown-currency` (a currency or ladder unit
 * that is no ISO code) and `duplicate-flow` (a second flowchart, where
 * embeds and comparisons take the first).
 */
export function checkAuthoring(pkg: HandoverPackage): Finding[] {
  const findings: Finding[] = [];
  const placeholders = (file: string, text: string, firstLine: number) =>
    text.split('\n').forEach((line, index) => {
      const left = placeholderTexts.find((placeholder) => line.includes(placeholder));
      if (left) findings.push(finding('placeholder-left', { file, line: firstLine + index }, { placeholder: left, in: 'document' }));
    });
  const documents = [...pkg.procedures, ...pkg.customizations.flatMap((c) => [c.requirement, c.implementation]).filter((d) => d !== undefined), ...pkg.decks, ...pkg.pages];
  for (const doc of documents) placeholders(doc.file, doc.raw, 1);
  for (const conflict of pkg.conflicts) {
    for (const field of ['legacyPractice', 'systemRule'] as const) {
      const left = placeholderTexts.find((placeholder) => conflict.data[field].includes(placeholder));
      if (left) findings.push(finding('placeholder-left', { file: conflict.file, line: conflict.lineOf([field]), field: [...conflict.path, field].join('.') }, { placeholder: left, in: 'field' }));
    }
  }
  for (const quiz of pkg.quizzes) {
    quiz.data.questions.forEach((question, index) => {
      const left = placeholderTexts.find((placeholder) => question.prompt.includes(placeholder) || (question.explanation ?? '').includes(placeholder) || question.choices.some((choice) => choice === placeholder));
      if (left) findings.push(finding('placeholder-left', { file: quiz.file, line: quiz.lineOf(['questions', index]), field: ['questions', index].join('.') }, { placeholder: left, in: 'field' }));
    });
  }

  for (const procedure of pkg.procedures) {
    // A variant inherits its base's steps unless it writes its own.
    if (procedure.data.basedOn === undefined && procedure.steps === undefined) {
      findings.push(finding('missing-steps', { file: procedure.file, line: procedure.bodyLine }, {}));
    }
    const flows = extractDiagrams(procedure.body, procedure.bodyLine).filter((diagram) => FLOWCHART.test(diagram.source));
    for (const extra of flows.slice(1)) {
      findings.push(finding('duplicate-flow', { file: procedure.file, line: extra.line }, {}));
    }
    if (!isInherited(procedure, 'approvals')) procedure.data.approvals?.forEach((ladder, index) => {
      if (ladder.unit !== '%' && !CURRENCIES.has(ladder.unit)) {
        findings.push(finding('unknown-currency', { file: procedure.file, line: procedure.lineOf(['approvals', index, 'unit']), field: `approvals.${index}.unit`, place: ladderPlace(ladder, index, ['unit']) }, { reason: 'ladder-unit', unit: ladder.unit }));
      }
    });
  }
  const currency = pkg.meta?.data.currency;
  if (pkg.meta && currency && !CURRENCIES.has(currency)) {
    findings.push(finding('unknown-currency', { file: pkg.meta.file, line: pkg.meta.lineOf(['currency']), field: 'currency' }, { reason: 'currency', currency }));
  }
  return findings;
}
