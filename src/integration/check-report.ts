import { writeFile } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import { checkReport, profileCheck } from '../lib/check.ts';
import { parseDay } from '../lib/dates.ts';
import { readPackageDir } from '../lib/package-files.ts';
import { checkPackageOnce } from './package-check.ts';
import type { HandoverSettings } from './settings.ts';

/** `check.json` in the built site: the findings of this build, as `handover check --json` prints them. */
export async function writeCheckReport(settings: HandoverSettings, outDir: URL, logger: AstroIntegrationLogger) {
  const today = parseDay(settings.today)!;
  const result = profileCheck(await checkPackageOnce(await readPackageDir(settings.dir), today), settings.profile, { today });
  await writeFile(new URL('check.json', outDir), `${JSON.stringify(checkReport(result), null, 2)}\n`);
  logger.info(`check.json: ${result.summary.errors} errors, ${result.summary.warnings} warnings`);
}
