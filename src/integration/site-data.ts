import { checkPackage, type CheckResult } from '../lib/check.ts';
import { parseDay } from '../lib/dates.ts';
import { readPackageDir } from '../lib/package-files.ts';
import { applyProfile } from '../lib/profile.ts';
import type { HandoverPackage } from '../lib/package.ts';
import { settingsFromEnv, type HandoverSettings } from './settings.ts';

export interface SiteData {
  settings: HandoverSettings;
  /** The full check, over the whole package whatever the profile. */
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
    const check = await checkPackage(await readPackageDir(settings.dir), { today: parseDay(settings.today)!, parseDiagrams: false });
    const pkg = applyProfile(check.pkg, settings.profile);
    return { settings, check, pkg, locale: check.pkg.meta?.data.locale ?? 'en' };
  })();
  return cached;
}
