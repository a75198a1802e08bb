import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatDate } from '../lib/dates.ts';
import { formatFinding, formatSummary } from '../lib/finding-format.ts';
import { hasErrors } from '../lib/findings.ts';
import { localizeFindings } from '../lib/finding-language.ts';
import { translator, type Locale } from '../lib/i18n.ts';
import { cliLabels } from '../lib/i18n/cli.ts';
import { fill } from '../lib/i18n/learning.ts';
import type { Profile } from '../lib/profile.ts';
import { acquireBuildLock } from './build-lock.ts';
import { loadSiteModel, packageReads } from './build-model-store.ts';
import { cleanLeftovers, cleanStagingFolders, guardOutput, publishSite } from './build-output.ts';
import { projectRoot } from './project-root.ts';
import { cacheRoot, settingsToEnv, type HandoverSettings } from './settings.ts';

export interface BuildOptions {
  dir: string;
  out?: string;
  profile: Profile;
  today: Date;
  /** The language of what the build prints; the package's own by default. */
  lang?: Locale;
}

function prepare(options: BuildOptions): HandoverSettings {
  const settings = { dir: options.dir, profile: options.profile, today: formatDate(options.today), outDir: resolve(options.out ?? 'dist') };
  Object.assign(process.env, settingsToEnv(settings));
  return settings;
}

/**
 * Checks the package, then builds the site in the cache and swaps it in
 * only when the build succeeded: a failed build leaves the previous site
 * untouched. The output is vetted before anything is read or written.
 */
export async function buildSite(options: BuildOptions): Promise<{ ok: boolean; outDir: string }> {
  const outDir = resolve(options.out ?? 'dist');
  await guardOutput(options.dir, outDir);
  await cleanLeftovers(outDir);
  const settings = prepare(options);
  const model = await loadSiteModel(settings);
  const language = options.lang ?? model.locale;
  const t = translator(cliLabels, language);
  for (const f of localizeFindings(model.fullCheck.findings, language)) console.log(formatFinding(f));
  console.log(formatSummary(model.fullCheck.summary, language));
  if (hasErrors(model.fullCheck.findings)) {
    console.error(`handover: ${fill(t('build.refused'), { out: outDir })}`);
    return { ok: false, outDir };
  }
  // Astro keeps intermediate server chunks inside the output when it lies within the working
  // directory, and they must resolve this project's node_modules: so the site is built in the
  // project's cache, from the project root, then moved beside the output and swapped in.
  const cache = cacheRoot(projectRoot);
  const staging = resolve(cache, `staging-${process.pid}`);
  console.log(fill(t('build.start'), { dir: options.dir, profile: t(`profile.${settings.profile}`) }));
  const cwd = process.cwd();
  const releaseLock = await acquireBuildLock(projectRoot);
  try {
    await cleanStagingFolders(cache);
    process.chdir(projectRoot);
    // Astro only defaults NODE_ENV to production when it is unset; any other value (a
    // shell's "development", vitest's "test") builds a site whose search is switched off.
    process.env.NODE_ENV = 'production';
    const { build } = await import('astro');
    await build({ root: projectRoot, outDir: staging, logLevel: process.env.HANDOVER_QUIET ? 'warn' : 'info' });
    await publishSite(staging, outDir, { builtAt: new Date().toISOString(), profile: settings.profile, packageReads: packageReads() });
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    console.error(`handover: ${fill(t('build.failed'), { cause: cause instanceof Error ? cause.message : String(cause) })}`);
    console.error(`handover: ${fill(t('build.untouched'), { out: outDir })}`);
    return { ok: false, outDir };
  } finally {
    process.chdir(cwd);
    await releaseLock();
  }
  console.log(fill(t('build.written'), { out: outDir }));
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
