import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/integration/chromium.ts';
import { serveStatic } from '../../src/integration/static-server.ts';
import { repoRoot } from './package.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of this test process without what vitest puts there for its
 * own modules: Astro reads DEV, PROD and MODE into `import.meta.env`, so a
 * site built with them would be a development build (search switched off).
 */
function cliEnvironment(): NodeJS.ProcessEnv {
  const { DEV: _dev, PROD: _prod, MODE: _mode, SSR: _ssr, BASE_URL: _base, ...rest } = process.env;
  return rest;
}

/**
 * A checksum of every file below a folder (names, bytes and symlink targets):
 * the author's package must be the same after any check or build.
 */
export function treeChecksum(dir: string): string {
  const hash = createHash('sha256');
  if (!existsSync(dir)) return 'missing';
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name);
    hash.update(`\0${relative(dir, path)}\0`);
    if (entry.isSymbolicLink()) hash.update(`->${readlinkSync(path)}`);
    else if (entry.isFile()) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

/**
 * Runs the real `handover` CLI with the project's Node. For `check` and
 * `build` it also proves the package untouched: its checksum before and
 * after must be equal, in every test of the suite that runs them.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const packageDir = ['check', 'build'].includes(args[0] ?? '') && args[1] && !args[1].startsWith('-') ? resolve(repoRoot, args[1]) : undefined;
  const before = packageDir && treeChecksum(packageDir);
  const run = await execCli(args, env);
  if (packageDir && treeChecksum(packageDir) !== before) throw new Error(`handover ${args.join(' ')} changed the package ${packageDir}`);
  return run;
}

function execCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'scripts/handover.ts'), ...args],
      { cwd: repoRoot, env: { ...cliEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', HANDOVER_QUIET: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A fresh folder inside the run's temporary root (tests/support/temp-root.ts), removed when the run ends. */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(process.env.HANDOVER_TEST_TMP ?? tmpdir(), `${prefix}-`));
}

/** Builds a package into a fresh temporary directory and returns it. */
export async function buildPackage(dir: string, extra: string[] = []): Promise<string> {
  const out = join(await tempDir('site'), 'dist');
  const run = await runCli(['build', dir, '--out', out, '--today', '2026-09-30', ...extra]);
  if (run.code !== 0) throw new Error(`build of ${dir} failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** A static file server on a free localhost port, like any web server an intranet would use. */
export const serveDir = serveStatic;

/** The system Chromium through playwright-core; tests fail (not skip) when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium({ ...process.env, HANDOVER_CHROMIUM: undefined });
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install -y chromium fonts-noto-cjk).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
