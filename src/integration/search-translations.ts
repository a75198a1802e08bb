import type { StarlightPlugin } from '@astrojs/starlight/types';
import { learningLabels, type LearningKey } from '../lib/i18n/learning.ts';

/**
 * Gives Pagefind's search UI (results count, filters heading, "load more")
 * our labels in both UI languages. Starlight passes its `pagefind.*`
 * translations to the UI, but has none for zh-CN, and the UI's own language
 * detection falls back to English for `lang="zh-CN"`.
 */
export function searchTranslations(): StarlightPlugin {
  const pagefindLabels = (locale: 'en' | 'zh-CN') =>
    Object.fromEntries(Object.entries(learningLabels[locale]).filter(([key]) => key.startsWith('pagefind.')) as [LearningKey, string][]);
  return {
    name: 'handover-search-translations',
    hooks: {
      'i18n:setup'({ injectTranslations }) {
        injectTranslations({ en: pagefindLabels('en'), 'zh-CN': pagefindLabels('zh-CN') });
      },
      // Starlight requires this hook of every plugin; there is nothing to configure.
      'config:setup'() {},
    },
  };
}
