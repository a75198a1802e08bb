import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PackageAssets } from './package-paths.ts';

/** The raw files of a package: path relative to the package (forward slashes) → bytes. */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** Which files belong to the package format (DESIGN.md section 4); anything else is ignored. */
export function isPackageFile(path: string): boolean {
  return (
    /^(handover|roles|glossary|conflicts|issues|masterdata)\.ya?ml$/.test(path) ||
    /^procedures\/[^/]+\/[^/]+\.mdx$/.test(path) ||
    /^customizations\/[^/]+\/(requirement\.mdx|implementation\.mdx|tests\.ya?ml)$/.test(path) ||
    /^customizations\/[^/]+\/$/.test(path) ||
    /^decks\/[^/]+\.md$/.test(path) ||
    /^quizzes\/[^/]+\.ya?ml$/.test(path) ||
    /^pages\/.+\.mdx$/.test(path)
  );
}

// A top-level YAML file, also one saved with a second extension (roles.yml.txt) or in capitals.
const TOP_LEVEL = /^[^/]+\.ya?ml(\.[^/.]+)?$/i;
const KNOWN_FOLDERS = /^(procedures|customizations|decks|quizzes|pages)\//;
const TEXT_FILE = /\.(mdx?|ya?ml|markdown|txt)$/i;

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

/**
 * Every file below `dir` by path, for the check of paths that documents
 * name. A symlink counts as the package's own only when it resolves inside
 * the package; one that leaves it is listed as outside.
 */
export async function listPackageAssets(dir: string): Promise<PackageAssets> {
  const root = await realpath(dir);
  const files = new Set<string>();
  const outside = new Set<string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (relative(dir, entry.parentPath).split(sep).some((part) => part.startsWith('.'))) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (entry.isFile()) files.add(path);
    else if (entry.isSymbolicLink()) {
      const target = await realpath(join(dir, path)).catch(() => undefined);
      const inside = target !== undefined && !relative(root, target).startsWith('..');
      if (inside && (await stat(target).catch(() => undefined))?.isFile()) files.add(path);
      else if (target !== undefined && !inside) outside.add(path);
    }
  }
  return { files, outside };
}
