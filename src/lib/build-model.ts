import { checkPackage, profileCheck, type CheckOptions, type CheckResult } from './check.ts';
import { diagramDocuments, type DiagramSource } from './diagrams.ts';
import { evidenceOf, type EvidenceFile } from './evidence.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { localizeFindings } from './finding-language.ts';
import type { Locale } from './i18n.ts';
import type { HandoverPackage } from './package.ts';
import { diffPackages, type PackageDiff } from './package-diff.ts';
import type { PackageFiles } from './package-files.ts';
import { assetsOfFiles, type PackageAssets } from './package-paths.ts';
import { applyProfile, publishedDocuments, type Profile } from './profile.ts';

/** What the machine offers a build; outputs that need a missing capability are left out. */
export interface BuildCapabilities {
  /** The Chromium that draws diagrams and prints PDFs, if any. */
  chromiumPath?: string;
}

export interface BuildModelOptions extends Pick<CheckOptions, 'today' | 'knownValidDiagram' | 'parseDiagrams' | 'assets' | 'baseline'> {
  profile: Profile;
  capabilities?: BuildCapabilities;
}

/** A diagram the build publishes, with the document it was written in. */
export interface PublishedDiagram extends DiagramSource {
  file: string;
}

/**
 * Everything one build knows about its package, computed once from the
 * package's files: every page, diagram, deck, export and `check.json` of the
 * build is a function of it (README, "How a build works").
 */
export interface BuildModel {
  profile: Profile;
  today: Date;
  /** The whole check, internal content included: what decides whether the build may go on. */
  fullCheck: CheckResult;
  /** The check as the profile may publish it (check.json, the closeout page). */
  check: CheckResult;
  /** The package as the profile publishes it. */
  pkg: HandoverPackage;
  locale: Locale;
  /** Package-relative paths of the MDX documents the profile publishes. */
  documents: ReadonlySet<string>;
  /** Every diagram the profile publishes, in document order. */
  diagrams: readonly PublishedDiagram[];
  /** The SHA-256 of each package file's bytes as read, by path: the exact text a sign-off names. */
  fingerprints: ReadonlyMap<string, string>;
  /** Every file of the package by path, for the images and files documents name. */
  assets: PackageAssets;
  /** The evidence files of the published issues that are in the package. */
  evidence: readonly EvidenceFile[];
  capabilities: BuildCapabilities;
  /** What changed since the version `baseline:` names, both sides as the profile publishes them. */
  changes?: { baseline: string; diff: PackageDiff };
}

/** Reads nothing and writes nothing: the same files and options always give the same model. */
export async function createBuildModel(files: PackageFiles, options: BuildModelOptions): Promise<BuildModel> {
  const checked = await checkPackage(files, options);
  const locale = checked.pkg.meta?.data.locale ?? 'en';
  // Findings speak the package's language, on its pages and in check.json as in the CLI.
  const fullCheck = { ...checked, findings: localizeFindings(checked.findings, locale), loadFindings: localizeFindings(checked.loadFindings, locale) };
  const assets = options.assets ?? assetsOfFiles(files.keys());
  const check = profileCheck(fullCheck, options.profile, options);
  const pkg = applyProfile(fullCheck.pkg, options.profile);
  return {
    profile: options.profile,
    today: options.today,
    fullCheck,
    check,
    pkg,
    locale,
    documents: publishedDocuments(pkg),
    diagrams: diagramDocuments(pkg).flatMap((doc) => doc.diagrams.map((diagram) => ({ ...diagram, file: doc.file }))),
    fingerprints: new Map([...files].map(([path, bytes]) => [path, sourceFingerprint(bytes)])),
    assets,
    evidence: evidenceOf(pkg, assets).files,
    capabilities: options.capabilities ?? {},
    changes:
      fullCheck.baselinePkg && pkg.meta?.data.baseline
        ? { baseline: pkg.meta.data.baseline, diff: diffPackages(applyProfile(fullCheck.baselinePkg, options.profile), pkg, pkg.meta.data.locale) }
        : undefined,
  };
}
