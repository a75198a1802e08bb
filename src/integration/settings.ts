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
}

export function settingsToEnv(settings: HandoverSettings): Record<string, string> {
  return { HANDOVER_DIR: settings.dir, HANDOVER_PROFILE: settings.profile, HANDOVER_TODAY: settings.today };
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): HandoverSettings {
  const profile = env.HANDOVER_PROFILE === 'internal' ? 'internal' : 'public';
  const day = env.HANDOVER_TODAY ? parseDay(env.HANDOVER_TODAY) : undefined;
  return { dir: resolve(env.HANDOVER_DIR ?? 'content'), profile, today: formatDate(day ?? today()) };
}

/**
 * A cache folder per package and profile, so that building another package
 * never reuses, or clobbers, the content cache of this one.
 */
export function cacheDirFor(settings: HandoverSettings, root: string): string {
  const key = createHash('sha256').update(`${settings.dir}\0${settings.profile}`).digest('hex').slice(0, 12);
  return resolve(root, 'node_modules/.astro', `handover-${key}`);
}
