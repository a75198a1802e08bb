import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { checkPackage } from '../lib/check.ts';
import { parseDay } from '../lib/dates.ts';
import { buildNavigation } from '../lib/navigation.ts';
import { readPackageDir } from '../lib/package-files.ts';
import { applyProfile } from '../lib/profile.ts';
import type { HandoverSettings } from './settings.ts';

/** Starlight's options for one package: title, UI language and the sidebar. */
export async function starlightOptions(settings: HandoverSettings): Promise<StarlightUserConfig> {
  const { pkg } = checkPackage(await readPackageDir(settings.dir), { today: parseDay(settings.today)! });
  const visible = applyProfile(pkg, settings.profile);
  const locale = pkg.meta?.data.locale ?? 'en';
  return {
    title: pkg.meta?.data.title ?? 'Handover portal',
    locales: { root: { label: locale === 'zh-CN' ? '简体中文' : 'English', lang: locale } },
    sidebar: buildNavigation(visible),
    components: { MarkdownContent: './src/components/overrides/MarkdownContent.astro' },
    customCss: ['./src/styles/portal.css'],
    lastUpdated: false,
    pagination: false,
  };
}
