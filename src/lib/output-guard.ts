import { isAbsolute, relative } from 'node:path';

/**
 * The name of the marker file every portal build leaves in its output. A
 * folder holding it may be replaced by the next build; any other non-empty
 * folder belongs to someone and is never touched (README, "Building").
 */
export const BUILD_MARKER = '.handover-portal-build.json';

/** What is at the output path before a build. */
export type OutputState = 'missing' | 'file' | 'empty-folder' | 'portal-build' | 'other-folder';

/** Whether `inner` is `outer` or lies below it; both absolute and already resolved. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Why a build must not write to `outDir`, or undefined when it may. Paths are
 * absolute with symlinks resolved, so a link cannot smuggle the package in.
 * A build replaces its output whole, so an output that is, holds or lies in
 * the package, or that holds someone else's files, would destroy them.
 */
export function outputRefusal(packageDir: string, outDir: string, state: OutputState): string | undefined {
  if (outDir === packageDir) return `the output ${outDir} is the package itself; building there would replace the package with the site`;
  if (isWithin(outDir, packageDir)) return `the output ${outDir} lies inside the package ${packageDir}; the site must be written outside the package`;
  if (isWithin(packageDir, outDir)) return `the output ${outDir} contains the package ${packageDir}; replacing it would delete the package`;
  if (state === 'file') return `the output ${outDir} is an existing file, not a folder; name a folder for the site`;
  if (state === 'other-folder') {
    return `the output ${outDir} is a folder with files that no portal build wrote (it has no ${BUILD_MARKER}); name an empty or new folder, or a previous build's`;
  }
  return undefined;
}
