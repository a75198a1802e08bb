import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { isMisplacedCandidate, isPackageFile, PackageDirectoryError, readPackageDir, type PackageFiles } from '../lib/package-files.ts';

const run = promisify(execFile);

/**
 * A package as it was: a folder, or a git revision of the repository that
 * holds the package (README, `handover diff` and `baseline:`). A revision is
 * read straight from git's objects, never checked out, so the author's
 * working tree is not touched.
 */
export interface PackageVersion {
  /** How the version was named: the folder or the revision. */
  name: string;
  files: PackageFiles;
}

export async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * The package files of `spec`: the folder it names, or else the git
 * revision it names, at the path `packageDir` has in its repository.
 */
export async function readPackageVersion(spec: string, packageDir: string): Promise<PackageVersion> {
  if (await isFolder(resolve(spec))) return { name: spec, files: await readPackageDir(resolve(spec)) };
  return { name: spec, files: await readPackageRevision(packageDir, spec) };
}

/** The package files at `revision` of the git repository holding `packageDir`. */
export async function readPackageRevision(packageDir: string, revision: string): Promise<PackageFiles> {
  if (revision.startsWith('-')) throw new PackageDirectoryError(`"${revision}" is neither a folder nor a git revision`);
  const git = (args: string[], options: { maxBuffer?: number; encoding?: 'buffer' } = {}) => run('git', ['-C', packageDir, ...args], { maxBuffer: 256 * 1024 * 1024, ...options });
  const top = await git(['rev-parse', '--show-toplevel']).then(
    (result) => String(result.stdout).trim(),
    () => {
      throw new PackageDirectoryError(`"${revision}" is not a folder, and ${packageDir} is not in a git repository whose revisions it could name`);
    },
  );
  const commit = await git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).then(
    (result) => String(result.stdout).trim(),
    () => {
      throw new PackageDirectoryError(`"${revision}" is neither a folder nor a revision of the git repository at ${top}`);
    },
  );
  const prefix = relative(top, resolve(packageDir)).split('\\').join('/');
  const listing = String((await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix || '.'])).stdout);
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, type, object] = meta.split(' ') as [string, string, string];
      return { mode, type, object, path: prefix ? path.slice(prefix.length + 1) : path };
    })
    // Regular files only: a symlink in history could name anything on this machine.
    .filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && !entry.path.split('/').some((part) => part.startsWith('.')))
    .filter((entry) => isPackageFile(entry.path) || isMisplacedCandidate(entry.path));
  const files = new Map<string, Uint8Array>();
  for (const folder of new Set(blobs.map((entry) => /^customizations\/[^/]+\//.exec(entry.path)?.[0]).filter((f): f is string => f !== undefined))) files.set(folder, new Uint8Array());
  for (const entry of blobs) {
    const { stdout } = await git(['cat-file', 'blob', entry.object], { encoding: 'buffer' });
    files.set(entry.path, new Uint8Array(stdout as unknown as Buffer));
  }
  if (files.size === 0) throw new PackageDirectoryError(`revision "${revision}" holds no package at ${prefix || 'the top of the repository'}`);
  return files;
}
