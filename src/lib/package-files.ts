import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** The raw files of a package: path relative to the package (forward slashes) → bytes. */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** Which files belong to the package format (DESIGN.md section 4); anything else is ignored. */
export function isPackageFile(path: string): boolean {
  return (
    /^(handover|roles|glossary|conflicts|issues)\.ya?ml$/.test(path) ||
    /^procedures\/[^/]+\/[^/]+\.mdx$/.test(path) ||
    /^customizations\/[^/]+\/(requirement\.mdx|implementation\.mdx|tests\.ya?ml)$/.test(path) ||
    /^customizations\/[^/]+\/$/.test(path) ||
    /^decks\/[^/]+\.md$/.test(path) ||
    /^quizzes\/[^/]+\.ya?ml$/.test(path) ||
    /^pages\/.+\.mdx$/.test(path)
  );
}

const TOP_LEVEL = /^[^/]+\.ya?ml$/;
const KNOWN_FOLDERS = /^(procedures|customizations|decks|quizzes|pages)\//;
const TEXT_FILE = /\.(mdx?|ya?ml)$/;

/**
 * Whether a file is read for the check even though it does not fit the
 * format: text files at the top level or in the package's folders, which an
 * author most likely meant to be part of the package (a typo in a name, a
 * .md instead of .mdx). They are reported instead of silently ignored.
 */
export function isMisplacedCandidate(path: string): boolean {
  return !isPackageFile(path) && TEXT_FILE.test(path) && (TOP_LEVEL.test(path) || KNOWN_FOLDERS.test(path));
}

export class PackageDirectoryError extends Error {
  override name = 'PackageDirectoryError';
}

/**
 * Reads every package file below `dir`. Customization folders are listed with
 * a trailing slash and no bytes, so an empty folder is still seen (and
 * reported as missing its requirement).
 */
export async function readPackageDir(dir: string): Promise<Map<string, Uint8Array>> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new PackageDirectoryError(`package directory not found: ${dir}`);
  const files = new Map<string, Uint8Array>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    // Hidden folders (.git, editor settings) are never part of a package.
    if (relative(dir, entry.parentPath).split(sep).some((part) => part.startsWith('.'))) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (entry.isDirectory()) {
      if (isPackageFile(`${path}/`)) files.set(`${path}/`, new Uint8Array());
    } else if (entry.isFile() && (isPackageFile(path) || isMisplacedCandidate(path))) {
      files.set(path, await readFile(join(dir, path)));
    }
  }
  return files;
}
