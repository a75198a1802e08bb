import { siteModel, type SiteModel } from './build-model-store.ts';
import { settingsFromEnv } from './settings.ts';

export type SiteData = SiteModel;

/** The build model, as pages and components read it: the one accessor of the site. */
export function getSiteData(): Promise<SiteData> {
  return siteModel(settingsFromEnv());
}
