import { finding, type Finding } from './findings.ts';
import type { HandoverPackage } from './package.ts';
import { resolvePackagePath, type PackageAssets } from './package-paths.ts';

/** One evidence file of an issue that is in the package, by package path. */
export interface EvidenceFile {
  issueId: string;
  /** As written in issues.yaml. */
  written: string;
  /** Package-relative path of the file. */
  path: string;
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg)$/i;

/** Whether a piece of evidence is a picture the issue page can show, not only link. */
export const isImageEvidence = (path: string) => IMAGE.test(path);

/**
 * Evidence paths are relative to the package root, where issues.yaml is.
 * `missing-file` and `outside-package` for those that lead nowhere or out
 * of the package; the rest are published with the issue log.
 */
export function evidenceOf(pkg: HandoverPackage, assets: PackageAssets): { files: EvidenceFile[]; findings: Finding[] } {
  const files: EvidenceFile[] = [];
  const findings: Finding[] = [];
  for (const issue of pkg.issues) {
    issue.data.evidence?.forEach((written, index) => {
      const where = { file: issue.file, line: issue.lineOf(['evidence', index]), field: [...issue.path, 'evidence', index].join('.') };
      const resolved = resolvePackagePath('issues.yaml', written, assets);
      if (resolved.kind === 'outside') findings.push(finding('outside-package', where, { reason: 'leaves-package', what: 'evidence', path: written }));
      else if (resolved.kind === 'missing') findings.push(finding('missing-file', where, { what: 'evidence', path: written, lookedFor: resolved.path }));
      else if (resolved.kind === 'file') files.push({ issueId: issue.data.id, written, path: resolved.path });
    });
  }
  return { files, findings };
}
