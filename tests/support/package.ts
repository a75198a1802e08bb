import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPackage } from '../../src/lib/check.ts';
import { listPackageAssets, readPackageDir } from '../../src/lib/package-files.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const sampleDir = join(repoRoot, 'content');
export const chineseDir = join(repoRoot, 'examples', 'zh-cn');
/** The date the sample's overdue items are pinned against. */
export const sampleToday = new Date(Date.UTC(2026, 8, 30));

/** In-memory package files from a map of path → text, for unit tests. */
export function filesOf(tree: Record<string, string | Uint8Array>): Map<string, Uint8Array> {
  return new Map(Object.entries(tree).map(([path, content]) => [path, typeof content === 'string' ? new TextEncoder().encode(content) : content]));
}

/** Checks a package directory on disk, with every file in it known, as the CLI does. */
export async function checkDir(dir: string, today = sampleToday) {
  return checkPackage(await readPackageDir(dir), { today, assets: await listPackageAssets(dir) });
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The smallest valid package header: one order type, two roles. Unit tests add the documents they are about. */
export const MINIMAL_PACKAGE = {
  'handover.yaml': 'title: T\norganization: O\nsystem: S\ngoLive: 2026-01-05\ncurrency: EUR\norderTypes:\n  - id: standard\n    name: Standard\n',
  'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n- id: boss\n  name: Boss\n  rank: 2\n',
} as const;

/** A procedure file of MINIMAL_PACKAGE's order type, with extra frontmatter lines and a body. */
export function minimalProcedure(extraFrontmatter = '', body = 'Body\n'): string {
  return `---\ntitle: P\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\ncriticality: standard\n${extraFrontmatter}---\n${body}`;
}
