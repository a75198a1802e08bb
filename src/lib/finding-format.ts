import type { Finding, FindingSummary } from './findings.ts';
import { translator } from './i18n.ts';
import { cliLabels, type CliLabel } from './i18n/cli.ts';
import { fill } from './i18n/learning.ts';

/** One line per finding: `file:line  severity  code  field: message`, the field named as a reader would where it has a place. */
export function formatFinding(f: Finding): string {
  const where = f.line !== undefined ? `${f.file}:${f.line}` : f.file;
  const field = findingField(f);
  return `${where}  ${f.severity}  ${f.code}  ${field ? `${field}: ${f.message}` : f.message}`;
}

/** What a finding is about inside its file: its place (`ladder 1 (Discount), band 2`) or else its field path. */
export function findingField(f: Pick<Finding, 'field' | 'place'>): string | undefined {
  return f.place ?? f.field;
}

/** `0 errors, 2 warnings in 31 files`, in the language of the output. */
export function formatSummary(summary: FindingSummary, locale?: string): string {
  const t = translator(cliLabels, locale);
  const count = (n: number, one: CliLabel, many: CliLabel) => fill(t(n === 1 ? one : many), { count: n });
  return fill(t('summary.line'), {
    errors: count(summary.errors, 'summary.errors', 'summary.errorsMany'),
    warnings: count(summary.warnings, 'summary.warnings', 'summary.warningsMany'),
    files: count(summary.files, 'summary.files', 'summary.filesMany'),
  });
}
