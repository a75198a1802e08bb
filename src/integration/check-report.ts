import { writeFile } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import type { BuildModel } from '../lib/build-model.ts';
import { checkReport } from '../lib/check.ts';

/** `check.json` in the built site: the findings of this build, as `handover check --json` prints them. */
export async function writeCheckReport(model: BuildModel, outDir: URL, logger: AstroIntegrationLogger) {
  const result = model.check;
  await writeFile(new URL('check.json', outDir), `${JSON.stringify(checkReport(result), null, 2)}\n`);
  logger.info(`check.json: ${result.summary.errors} errors, ${result.summary.warnings} warnings`);
}
