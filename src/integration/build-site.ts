import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatDate } from '../lib/dates.ts';
import { hasErrors } from '../lib/findings.ts';
import { readPackageDir } from '../lib/package-files.ts';
import type { Profile } from '../lib/profile.ts';
import { formatFinding, formatSummary } from '../../scripts/cli-output.ts';
import { checkPackageOnce } from './package-check.ts';
import { projectRoot } from './project-root.ts';
import { cacheRoot, settingsToEnv, type HandoverSettings } from './settings.ts';

/** The repository root: where astro.config.mjs lives. */

export interface BuildOptions {
  dir: string;
  out?: string;
  profile: Profile;
  today: Date;
}

function prepare(options: BuildOptions): HandoverSettings {
  const settings = { dir: options.dir, profile: options.profile, today: formatDate(options.today), outDir: resolve(options.out ?? 'dist') };
  Object.assign(process.env, settingsToEnv(settings));
  return settings;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Astro keeps generated modules in <project>/.astro/, one folder whatever the
 * package, so two builds from one checkout at once would corrupt each other
 * (and hang or fail). Builds therefore take turns: a lock file names the
 * building process; a lock left by a process that no longer runs is taken over.
 */
async function acquireBuildLock(): Promise<() => Promise<void>> {
  const lock = resolve(cacheRoot(projectRoot), 'build.lock');
  await mkdir(dirname(lock), { recursive: true });
  let told = false;
  for (;;) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
      if (!isRunning(holder)) {
        await rm(lock, { force: true });
        continue;
      }
      if (!told) console.log(`Waiting for another build from this project (process ${holder}) to finish ...`);
      told = true;
      await new Promise((done) => setTimeout(done, 500));
    }
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Renames, or copies and deletes when the two paths are on different file systems. */
async function move(from: string, to: string) {
  try {
    await rename(from, to);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EXDEV') throw cause;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Checks the package, then builds the site beside the output directory and
 * swaps it in only when the build succeeded: a failed build leaves the
 * previous site untouched.
 */
export async function buildSite(options: BuildOptions): Promise<{ ok: boolean; outDir: string }> {
  const outDir = resolve(options.out ?? 'dist');
  const result = await checkPackageOnce(await readPackageDir(options.dir), options.today);
  for (const f of result.findings) console.log(formatFinding(f));
  console.log(formatSummary(result.summary));
  if (hasErrors(result.findings)) {
    console.error(`handover: build refused because the package has errors; ${outDir} was left as it was.`);
    return { ok: false, outDir };
  }
  const settings = prepare(options);
  // Astro keeps its intermediate server chunks inside the output when the output lies within the
  // working directory, else in <cwd>/.astro/, where two builds at once would overwrite each other's.
  // The chunks must also resolve this project's node_modules. So each build is staged in its own
  // folder of the project's cache, from the project root, and then moved to where it belongs.
  const staging = resolve(cacheRoot(projectRoot), `staging-${process.pid}`);
  const previous = `${outDir}.previous-${process.pid}`;
  console.log(`Building ${options.dir} (${settings.profile} profile) ...`);
  const cwd = process.cwd();
  const releaseLock = await acquireBuildLock();
  try {
    process.chdir(projectRoot);
    // Astro only defaults NODE_ENV to production when it is unset; any other value (a
    // shell's "development", vitest's "test") builds a site whose search is switched off.
    process.env.NODE_ENV = 'production';
    const { build } = await import('astro');
    await build({ root: projectRoot, outDir: staging, logLevel: process.env.HANDOVER_QUIET ? 'warn' : 'info' });
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    console.error(`handover: the site build failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    console.error(`handover: ${outDir} was left as it was.`);
    return { ok: false, outDir };
  } finally {
    process.chdir(cwd);
    await releaseLock();
  }
  const hadPrevious = await exists(outDir);
  await mkdir(dirname(outDir), { recursive: true });
  if (hadPrevious) await rename(outDir, previous);
  try {
    await move(staging, outDir);
  } catch (cause) {
    // Put the previous site back, so a failed move loses nothing either.
    await rm(outDir, { recursive: true, force: true });
    if (hadPrevious) await rename(previous, outDir);
    await rm(staging, { recursive: true, force: true });
    throw cause;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
  console.log(`Site written to ${outDir}`);
  return { ok: true, outDir };
}

/** Serves a built site on localhost and prints its address. */
export async function serveSite(options: { outDir: string; port?: number }) {
  const { preview } = await import('astro');
  const server = await preview({ root: projectRoot, outDir: options.outDir, logLevel: 'warn', server: { port: options.port ?? 4321, host: 'localhost' } });
  console.log(`\nHandover portal: http://localhost:${server.port}/  (Ctrl+C to stop)`);
  await server.closed();
}

/** Astro's dev server with live reload, for authoring a package. */
export async function devSite(options: BuildOptions & { port?: number }) {
  prepare(options);
  const { dev } = await import('astro');
  const server = await dev({ root: projectRoot, server: { port: options.port ?? 4321 } });
  console.log(`\nAuthoring ${options.dir}: http://localhost:${server.address.port}/  (Ctrl+C to stop)`);
}

