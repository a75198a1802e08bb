import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { formatDate, parseDay, today } from '../lib/dates.ts';
import type { Profile } from '../lib/profile.ts';

/**
 * What one build is about. The CLI sets these as environment variables before
 * it starts Astro, because the Astro config, the content config and the pages
 * are all loaded by Astro and environment variables reach each of them.
 */
export interface HandoverSettings {
  /** Absolute path of the package directory. */
  dir: string;
  profile: Profile;
  /** YYYY-MM-DD against which overdue items are measured. */
  today: string;
  /** Absolute path of the site's final output directory. */
  outDir: string;
}

export function settingsToEnv(settings: HandoverSettings): Record<string, string> {
  return { HANDOVER_DIR: settings.dir, HANDOVER_PROFILE: settings.profile, HANDOVER_TODAY: settings.today, HANDOVER_OUT: settings.outDir };
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): HandoverSettings {
  const profile = env.HANDOVER_PROFILE === 'internal' ? 'internal' : 'public';
  const day = env.HANDOVER_TODAY ? parseDay(env.HANDOVER_TODAY) : undefined;
  return { dir: resolve(env.HANDOVER_DIR ?? 'content'), profile, today: formatDate(day ?? today()), outDir: resolve(env.HANDOVER_OUT ?? 'dist') };
}

/**
 * Where builds keep what they can reuse: `HANDOVER_CACHE_DIR`, else a folder
 * in node_modules (which `npm ci` clears, as a cache should be).
 */
export function cacheRoot(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.HANDOVER_CACHE_DIR ?? 'node_modules/.cache/handover');
}

/**
 * Astro's cache folder per package, profile and output, so that building
 * another package, or two builds at once, never reuse or clobber each other's.
 */
export function cacheDirFor(settings: HandoverSettings, root: string): string {
  const key = createHash('sha256').update(`${settings.dir}\0${settings.profile}\0${settings.outDir}`).digest('hex').slice(0, 12);
  return resolve(cacheRoot(root), `astro-${key}`);
}
