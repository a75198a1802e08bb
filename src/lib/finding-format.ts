import type { Finding, FindingSummary } from './findings.ts';

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

export function formatSummary(summary: FindingSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')}`;
}
