import { checkDiagrams } from './diagrams.ts';
import { checkDeckEmbeds } from './deck-embeds.ts';
import { checkDecks } from './deck-check.ts';
import { checkDocumentBodies } from './document-check.ts';
import { evidenceOf } from './evidence.ts';
import { checkMasterData } from './masterdata.ts';
import { checkAuthoring } from './authoring-checks.ts';
import { checkInternalReferences } from './internal-references.ts';
import { assetsOfFiles, type PackageAssets } from './package-paths.ts';
import { assessCompleteness, type Completeness } from './completeness.ts';
import { finding, sortFindings, summarize, type Finding, type FindingSummary } from './findings.ts';
import { analyzeLadders } from './ladder-analysis.ts';
import { checkLinks } from './links.ts';
import { loadPackage, type HandoverPackage } from './package.ts';
import type { PackageFiles } from './package-files.ts';
import { applyProfile, isInternalFinding, type Profile } from './profile.ts';
import { checkReferences } from './references.ts';
import { diffPackages } from './package-diff.ts';

export interface CheckOptions {
  /** The date overdue reviews and checks are measured against. */
  today: Date;
  /**
   * Parse every Mermaid diagram (default true). The site leaves this off while
   * it renders pages: a package with errors never reaches the site build, and
   * the parser briefly needs a global DOM that page rendering must not see.
   */
  parseDiagrams?: boolean;
  /**
   * Diagrams the caller knows to parse, which are not parsed again: the
   * build passes those its renderer has drawn with this mermaid version. A
   * diagram that failed was never drawn, so it is always parsed.
   */
  knownValidDiagram?: (source: string) => boolean;
  /** Every file of the package, for the paths documents name; without it, only the package files given are known. */
  assets?: PackageAssets;
  /**
   * The files of the version `baseline:` names, read by the caller (git or a
   * folder); `problem` says why it could not be read. Without it the
   * baseline is not compared.
   */
  baseline?: { files: PackageFiles } | { problem: string };
}

export interface CheckResult {
  pkg: HandoverPackage;
  /** The package as `baseline:` names it, when it was read: what "Changes since" compares against. */
  baselinePkg?: HandoverPackage;
  completeness: Completeness;
  findings: Finding[];
  /** The findings of reading the files alone: a record they name was left out of `pkg`. */
  loadFindings: Finding[];
  summary: FindingSummary;
}

/**
 * Everything `handover check` reports, in one call. The site calls the same
 * function at build time, so the portal and the CLI always agree.
 */
export async function checkPackage(files: PackageFiles, options: CheckOptions): Promise<CheckResult> {
  const { pkg, findings: loadFindings } = loadPackage(files);
  const completeness = assessCompleteness(pkg, options.today);
  const assets = options.assets ?? assetsOfFiles(files.keys());
  const diagramFindings = options.parseDiagrams === false ? [] : await checkDiagrams(pkg, options.knownValidDiagram);
  const baseline = compareBaseline(pkg, options.baseline);
  const findings = sortFindings([
    ...loadFindings,
    ...checkReferences(pkg),
    ...analyzeLadders(pkg),
    ...checkLinks(pkg, applyProfile(pkg, 'public')),
    ...checkDeckEmbeds(pkg),
    ...checkDocumentBodies(pkg, assets),
    ...checkDecks(pkg, assets),
    ...checkInternalReferences(pkg),
    ...evidenceOf(pkg, assets).findings,
    ...checkMasterData(pkg),
    ...checkAuthoring(pkg),
    ...completeness.findings,
    ...diagramFindings,
    ...baseline.findings,
  ]);
  return { pkg, baselinePkg: baseline.pkg, completeness, findings, loadFindings, summary: summarize(findings, pkg.fileCount) };
}

/** The baseline version and the version-not-bumped findings against it; a baseline that could not be read is a finding of its own. */
function compareBaseline(pkg: HandoverPackage, baseline: CheckOptions['baseline']): { pkg?: HandoverPackage; findings: Finding[] } {
  const meta = pkg.meta;
  if (!meta?.data.baseline || !baseline) return { findings: [] };
  const where = { file: meta.file, line: meta.lineOf(['baseline']), field: 'baseline' };
  if ('problem' in baseline) return { findings: [finding('schema-invalid', where, { reason: 'baseline-unreadable', problem: baseline.problem })] };
  const before = loadPackage(baseline.files).pkg;
  return { pkg: before, findings: diffPackages(before, pkg, meta.data.locale).findings };
}

/**
 * A check result as a build profile may publish it. The public profile
 * leaves out findings about internal content, whose messages may quote it,
 * and measures completeness on what it publishes; the internal profile
 * publishes everything.
 */
export function profileCheck(result: CheckResult, profile: Profile, options: Pick<CheckOptions, 'today'>): CheckResult {
  if (profile === 'internal') return result;
  const internal = isInternalFinding(result.pkg);
  // An internal-reference finding quotes the internal id it is about, so it is internal content too.
  const findings = result.findings.filter((f) => !internal(f) && f.code !== 'internal-reference');
  const completeness = assessCompleteness(applyProfile(result.pkg, profile), options.today);
  return { ...result, completeness, findings, summary: summarize(findings, result.summary.files) };
}

/** The `--json` shape of DESIGN.md section 5. */
export function checkReport(result: Pick<CheckResult, 'findings' | 'summary'>) {
  return { findings: result.findings, summary: result.summary };
}
