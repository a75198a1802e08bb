import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourceFingerprint } from '../lib/fingerprint.ts';
import type { ProcedureEntry } from '../lib/package.ts';

/**
 * The fingerprint of each procedure's source file, by procedure id. The bytes
 * are read from disk as they are, so an encoding mark or line ending counts
 * too: the fingerprint names the exact file that was signed.
 */
export async function procedureFingerprints(packageDir: string, procedures: readonly ProcedureEntry[]): Promise<Map<string, string>> {
  const entries = await Promise.all(procedures.map(async (procedure) => [procedure.id, sourceFingerprint(await readFile(join(packageDir, procedure.file)))] as const));
  return new Map(entries);
}
