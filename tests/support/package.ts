import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPackage } from '../../src/lib/check.ts';
import { readPackageDir } from '../../src/lib/package-files.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const sampleDir = join(repoRoot, 'content');
export const chineseDir = join(repoRoot, 'examples', 'zh-cn');
/** The date the sample's overdue items are pinned against. */
export const sampleToday = new Date(Date.UTC(2026, 8, 30));

/** In-memory package files from a map of path → text, for unit tests. */
export function filesOf(tree: Record<string, string | Uint8Array>): Map<string, Uint8Array> {
  return new Map(Object.entries(tree).map(([path, content]) => [path, typeof content === 'string' ? new TextEncoder().encode(content) : content]));
}

/** Checks a package directory on disk. */
export async function checkDir(dir: string, today = sampleToday) {
  return checkPackage(await readPackageDir(dir), { today });
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
