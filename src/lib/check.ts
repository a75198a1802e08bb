import { assessCompleteness, type Completeness } from './completeness.ts';
import { sortFindings, summarize, type Finding, type FindingSummary } from './findings.ts';
import { loadPackage, type HandoverPackage } from './package.ts';
import type { PackageFiles } from './package-files.ts';
import { checkReferences } from './references.ts';

export interface CheckOptions {
  /** The date overdue reviews and checks are measured against. */
  today: Date;
}

export interface CheckResult {
  pkg: HandoverPackage;
  completeness: Completeness;
  findings: Finding[];
  summary: FindingSummary;
}

/**
 * Everything `handover check` reports, in one call. The site calls the same
 * function at build time, so the portal and the CLI always agree.
 */
export function checkPackage(files: PackageFiles, options: CheckOptions): CheckResult {
  const { pkg, findings: loadFindings } = loadPackage(files);
  const completeness = assessCompleteness(pkg, options.today);
  const findings = sortFindings([...loadFindings, ...checkReferences(pkg), ...completeness.findings]);
  return { pkg, completeness, findings, summary: summarize(findings, pkg.fileCount) };
}

/** The `--json` shape of DESIGN.md section 5. */
export function checkReport(result: Pick<CheckResult, 'findings' | 'summary'>) {
  return { findings: result.findings, summary: result.summary };
}
