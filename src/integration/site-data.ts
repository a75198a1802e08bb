import { checkPackage, profileCheck, type CheckResult } from '../lib/check.ts';
import { parseDay } from '../lib/dates.ts';
import { readPackageDir } from '../lib/package-files.ts';
import { applyProfile } from '../lib/profile.ts';
import type { HandoverPackage } from '../lib/package.ts';
import { settingsFromEnv, type HandoverSettings } from './settings.ts';

export interface SiteData {
  settings: HandoverSettings;
  /** The check as this profile may publish it: findings and checklist items about internal content are left out of the public profile. */
  check: CheckResult;
  /** What this profile publishes. */
  pkg: HandoverPackage;
  locale: 'en' | 'zh-CN';
}

let cached: Promise<SiteData> | undefined;

/** The package as the site shows it, loaded once per build through src/lib. */
export function getSiteData(): Promise<SiteData> {
  // While authoring (astro dev) files change between requests: read them afresh.
  if (import.meta.env.DEV) cached = undefined;
  cached ??= (async () => {
    const settings = settingsFromEnv();
    const today = parseDay(settings.today)!;
    const full = await checkPackage(await readPackageDir(settings.dir), { today, parseDiagrams: false });
    const check = profileCheck(full, settings.profile, { today });
    return { settings, check, pkg: applyProfile(full.pkg, settings.profile), locale: full.pkg.meta?.data.locale ?? 'en' };
  })();
  return cached;
}
