import { writeFile } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import { approvalExportFiles, approvalRows, serializeApprovals, type ApprovalExportFormat, type ApprovalRow } from '../lib/approval-export.ts';
import { hasErrors } from '../lib/findings.ts';
import { loadPackage } from '../lib/package.ts';
import { readPackageDir } from '../lib/package-files.ts';
import { applyProfile, type Profile } from '../lib/profile.ts';
import { formatFinding } from '../../scripts/cli-output.ts';
import type { HandoverSettings } from './settings.ts';

/** The export cannot be made: some files of the package could not be read, so rows would be missing without notice. */
export class ApprovalExportError extends Error {
  override name = 'ApprovalExportError';
}

/**
 * The approval rows a profile publishes. Refuses a package whose files do not
 * load (a procedure with a schema error is left out of the model, and with it
 * its ladders); ladder defects such as gaps do not stop the export, since the
 * auditor needs to see those ladders most.
 */
export async function approvalRowsOf(dir: string, profile: Profile): Promise<ApprovalRow[]> {
  const { pkg, findings } = loadPackage(await readPackageDir(dir));
  if (hasErrors(findings)) {
    const errors = findings.filter((f) => f.severity === 'error').map(formatFinding);
    throw new ApprovalExportError(`the package has files that cannot be read, so the export would be incomplete:\n${errors.join('\n')}`);
  }
  return approvalRows(applyProfile(pkg, profile));
}

/** `handover export approvals`: the export of a package directory as text. */
export async function exportApprovals(dir: string, profile: Profile, format: ApprovalExportFormat): Promise<string> {
  return serializeApprovals(await approvalRowsOf(dir, profile), format);
}

/** `approvals.json` and `approvals.csv` in the built site, for the build's profile. */
export async function writeApprovalExports(settings: HandoverSettings, outDir: URL, logger: AstroIntegrationLogger) {
  const rows = await approvalRowsOf(settings.dir, settings.profile);
  for (const format of ['json', 'csv'] as const) await writeFile(new URL(approvalExportFiles[format], outDir), serializeApprovals(rows, format));
  logger.info(`${approvalExportFiles.json}, ${approvalExportFiles.csv}: ${rows.length} rows (${settings.profile} profile)`);
}
