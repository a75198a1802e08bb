import type { StarlightPlugin } from '@astrojs/starlight/types';
import { translator, type Locale } from '../lib/i18n.ts';
import { learningLabels, type LearningKey } from '../lib/i18n/learning.ts';

/**
 * Gives Pagefind's search UI (results count, filters heading, "load more")
 * our labels in every UI language. Starlight passes its `pagefind.*`
 * translations to the UI, but has none for zh-CN, and the UI's own language
 * detection falls back to English for `lang="zh-CN"`.
 */
export function searchTranslations(): StarlightPlugin {
  const pagefindLabels = (locale: Locale) => {
    const t = translator(learningLabels, locale);
    const keys = (Object.keys(learningLabels.en) as LearningKey[]).filter((key) => key.startsWith('pagefind.'));
    return Object.fromEntries(keys.map((key) => [key, t(key)]));
  };
  return {
    name: 'handover-search-translations',
    hooks: {
      'i18n:setup'({ injectTranslations }) {
        injectTranslations({ en: pagefindLabels('en'), 'zh-CN': pagefindLabels('zh-CN'), 'zh-TW': pagefindLabels('zh-TW') });
      },
      // Starlight requires this hook of every plugin; there is nothing to configure.
      'config:setup'() {},
    },
  };
}
