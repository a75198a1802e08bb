import type { Finding, FindingSummary } from './findings.ts';

/** One line per finding: `file:line  severity  code  field: message`. */
export function formatFinding(f: Finding): string {
  const where = f.line !== undefined ? `${f.file}:${f.line}` : f.file;
  const message = f.field ? `${f.field}: ${f.message}` : f.message;
  return `${where}  ${f.severity}  ${f.code}  ${message}`;
}

export function formatSummary(summary: FindingSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')}`;
}
