/**
 * The portal's interface languages, in a module of its own: pages' browser
 * scripts need these without the Traditional Chinese converter that
 * i18n.ts carries, which is a megabyte of dictionaries.
 */
export type Locale = 'en' | 'zh-CN' | 'zh-TW';

/** Whether the interface is Chinese, in either script: Chinese punctuation, segmentation and headings apply. */
export function isChinese(locale: string | undefined): locale is 'zh-CN' | 'zh-TW' {
  return locale === 'zh-CN' || locale === 'zh-TW';
}
