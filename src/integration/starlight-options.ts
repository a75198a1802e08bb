import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { buildNavigation } from '../lib/navigation.ts';
import { searchRanking } from '../lib/search-facets.ts';
import { searchTranslations } from './search-translations.ts';
import type { SiteModel } from './build-model-store.ts';

/** Starlight's options for one package: title, UI language and the sidebar. */
export function starlightOptions(model: SiteModel): StarlightUserConfig {
  const { pkg, locale } = model;
  return {
    title: pkg.meta?.data.title ?? 'Handover portal',
    locales: { root: { label: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' }[locale], lang: locale } },
    sidebar: buildNavigation(pkg),
    components: { MarkdownContent: './src/components/overrides/MarkdownContent.astro', Search: './src/components/overrides/Search.astro', Footer: './src/components/overrides/Footer.astro' },
    routeMiddleware: './src/integration/route-middleware.ts',
    customCss: ['./src/styles/portal.css', './src/styles/learning.css', './src/styles/closeout.css', './src/styles/approvals.css', './src/styles/training.css'],
    pagefind: { ranking: searchRanking },
    plugins: [searchTranslations()],
    // Starlight transforms asides (:::note) only in the folders it is told of; the package is one.
    markdown: { processedDirs: [model.settings.dir], headingLinks: false },
    // The portal's own 404 page: Starlight's looks for a document named 404, which a package has not.
    disable404Route: true,
    lastUpdated: false,
    pagination: false,
  };
}
