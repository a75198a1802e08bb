import { writeFile } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import { approvalExportFiles, approvalRows, serializeApprovals, type ApprovalExportFormat, type ApprovalRow } from '../lib/approval-export.ts';
import { approvalWorkbook, approvalWorkbookFile } from '../lib/approval-workbook.ts';
import type { BuildModel } from '../lib/build-model.ts';
import { formatFinding } from '../lib/finding-format.ts';
import { hasErrors } from '../lib/findings.ts';
import { readPackageDir } from '../lib/package-files.ts';
import type { Profile } from '../lib/profile.ts';
import { modelOf } from './package-check.ts';

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
export function approvalRowsOf(model: BuildModel): ApprovalRow[] {
  const { loadFindings } = model.fullCheck;
  if (hasErrors(loadFindings)) {
    const errors = loadFindings.filter((f) => f.severity === 'error').map((f) => formatFinding(f));
    throw new ApprovalExportError(`the package has files that cannot be read, so the export would be incomplete:\n${errors.join('\n')}`);
  }
  return approvalRows(model.pkg, model.today);
}

/** `handover export approvals`: the export of a package directory as text. */
export async function exportApprovals(dir: string, profile: Profile, format: ApprovalExportFormat, day: Date): Promise<string> {
  const model = await modelOf(dir, await readPackageDir(dir), { today: day, profile, parseDiagrams: false });
  return serializeApprovals(approvalRowsOf(model), format);
}

/** `approvals.json`, `approvals.csv` and `approvals.xlsx` in the built site, for the build's profile. */
export async function writeApprovalExports(model: BuildModel, outDir: URL, logger: AstroIntegrationLogger) {
  const rows = approvalRowsOf(model);
  for (const format of ['json', 'csv'] as const) await writeFile(new URL(approvalExportFiles[format], outDir), serializeApprovals(rows, format));
  await writeFile(new URL(approvalWorkbookFile, outDir), await approvalWorkbook(rows, model.check.findings));
  logger.info(`${approvalExportFiles.json}, ${approvalExportFiles.csv}, ${approvalWorkbookFile}: ${rows.length} rows (${model.profile} profile)`);
}
