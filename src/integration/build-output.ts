import { cp, lstat, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BUILD_MARKER, outputRefusal, type OutputState } from '../lib/output-guard.ts';

/** The output may not be used; the CLI exits 2 with this message before any work. */
export class OutputRefusedError extends Error {
  override name = 'OutputRefusedError';
}

/** A path with symlinks resolved as far as it exists, the rest appended. */
async function resolveReal(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(await resolveReal(parent), basename(absolute));
  }
}

async function outputState(outDir: string): Promise<OutputState> {
  const info = await lstat(outDir).catch(() => undefined);
  if (!info) return 'missing';
  if (!info.isDirectory()) return 'file';
  const entries = await readdir(outDir);
  if (entries.length === 0) return 'empty-folder';
  return entries.includes(BUILD_MARKER) ? 'portal-build' : 'other-folder';
}

/** Refuses an output that a build would destroy or that would destroy the package (README, "Building"). */
export async function guardOutput(packageDir: string, outDir: string): Promise<void> {
  const [pkg, out] = await Promise.all([resolveReal(packageDir), resolveReal(outDir)]);
  // A symlinked output is refused too: the swap would replace the link's target.
  const state = (await lstat(resolve(outDir)).catch(() => undefined))?.isSymbolicLink() ? 'file' : await outputState(out);
  const refusal = outputRefusal(pkg, out, state);
  if (refusal) throw new OutputRefusedError(refusal);
}

const LEFTOVER = /^(.*)\.(staging|previous)-(\d+)$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A build killed halfway leaves, beside the output, a staging copy or the
 * previous site it had moved aside. The next build finishes the job: a
 * previous site comes back when the output is gone, everything else goes.
 */
export async function cleanLeftovers(outDir: string): Promise<void> {
  const out = resolve(outDir);
  const siblings = await readdir(dirname(out)).catch(() => [] as string[]);
  for (const name of siblings) {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== basename(out) || isRunning(Number(match[3]))) continue;
    const path = join(dirname(out), name);
    const outputMissing = !(await lstat(out).catch(() => undefined));
    if (match[2] === 'previous' && outputMissing) await rename(path, out);
    else await rm(path, { recursive: true, force: true });
  }
}

/** Removes staging folders that builds no longer running left in the cache. */
export async function cleanStagingFolders(cacheDir: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of entries) {
    const pid = /^(?:staging|deck-work)-(\d+)$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Puts a finished site in place of the output. The site is first moved (or,
 * from another file system, copied) beside the output, then swapped in by two
 * renames, so a build killed at any moment leaves either the previous site or
 * the new one whole, and cleanLeftovers tidies up the rest.
 */
export async function publishSite(built: string, outDir: string, marker: Record<string, unknown>): Promise<void> {
  const out = resolve(outDir);
  const staged = `${out}.staging-${process.pid}`;
  const previous = `${out}.previous-${process.pid}`;
  await writeFile(join(built, BUILD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  try {
    await rename(built, staged);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EXDEV') throw cause;
    await cp(built, staged, { recursive: true });
    await rm(built, { recursive: true, force: true });
  }
  const hadPrevious = Boolean(await lstat(out).catch(() => undefined));
  if (hadPrevious) await rename(out, previous);
  try {
    await rename(staged, out);
  } catch (cause) {
    if (hadPrevious) await rename(previous, out);
    await rm(staged, { recursive: true, force: true });
    throw cause;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
