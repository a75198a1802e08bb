import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { buildNavigation } from '../lib/navigation.ts';
import { loadPackage } from '../lib/package.ts';
import { readPackageDir } from '../lib/package-files.ts';
import { applyProfile } from '../lib/profile.ts';
import { searchRanking } from '../lib/search-facets.ts';
import { searchTranslations } from './search-translations.ts';
import type { HandoverSettings } from './settings.ts';

/** Starlight's options for one package: title, UI language and the sidebar. */
export async function starlightOptions(settings: HandoverSettings): Promise<StarlightUserConfig> {
  const { pkg } = loadPackage(await readPackageDir(settings.dir));
  const visible = applyProfile(pkg, settings.profile);
  const locale = pkg.meta?.data.locale ?? 'en';
  return {
    title: pkg.meta?.data.title ?? 'Handover portal',
    locales: { root: { label: locale === 'zh-CN' ? '简体中文' : 'English', lang: locale } },
    sidebar: buildNavigation(visible),
    components: { MarkdownContent: './src/components/overrides/MarkdownContent.astro', Search: './src/components/overrides/Search.astro' },
    routeMiddleware: './src/integration/route-middleware.ts',
    customCss: ['./src/styles/portal.css', './src/styles/learning.css', './src/styles/closeout.css', './src/styles/approvals.css', './src/styles/training.css'],
    pagefind: { ranking: searchRanking },
    plugins: [searchTranslations()],
    lastUpdated: false,
    pagination: false,
  };
}
