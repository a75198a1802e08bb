import { posix } from 'node:path';

/** Every file of a package by package-relative path, whether or not it is a package document (images, evidence, materials). */
export interface PackageAssets {
  files: ReadonlySet<string>;
  /** Paths that are symlinks resolving outside the package: never read, never published. */
  outside: ReadonlySet<string>;
}

export type ResolvedPath = { kind: 'remote' } | { kind: 'outside' } | { kind: 'missing'; path: string } | { kind: 'file'; path: string };

/**
 * Where a path written in a document leads: relative to the document, or to
 * the package root when it starts with a slash. A package names only its own
 * files (README, Security), so `..` past the root and symlinks out of the
 * package are "outside"; addresses with a scheme are remote.
 */
export function resolvePackagePath(documentFile: string, written: string, assets: PackageAssets): ResolvedPath {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(written)) return { kind: 'remote' };
  const bare = written.split(/[?#]/)[0]!;
  let decoded = bare;
  try {
    decoded = decodeURI(bare);
  } catch {
    // A malformed escape is looked up as written.
  }
  if (decoded === '') return { kind: 'remote' };
  const joined = decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.normalize(posix.join(posix.dirname(documentFile), decoded));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return { kind: 'outside' };
  if (assets.outside.has(joined)) return { kind: 'outside' };
  return assets.files.has(joined) ? { kind: 'file', path: joined } : { kind: 'missing', path: joined };
}

/** The assets of an in-memory package: its files, none of them links. */
export function assetsOfFiles(paths: Iterable<string>): PackageAssets {
  return { files: new Set(paths), outside: new Set() };
}
