import { findingCatalogue, localizeFinding, type Finding, type FindingCode, type FindingText, type FindingTexts } from './findings.ts';
import { zhCNFindings } from './i18n/findings-zh-CN.ts';
import { toTraditional } from './i18n/traditional.ts';

/**
 * Findings in the reader's language: the catalogue's English, the zh-CN
 * table, or for zh-TW that table in Traditional characters (as the zh-TW
 * interface is written from the zh-CN labels).
 */

/** The zh-CN texts converted to Traditional Chinese, entry by entry. */
const zhTWFindings = Object.fromEntries(
  (Object.entries(zhCNFindings) as [FindingCode, FindingText<FindingCode>][]).map(([code, text]) => [
    code,
    { title: toTraditional(text.title), hint: toTraditional(text.hint), message: (detail: never) => toTraditional((text.message as (detail: never) => string)(detail)) },
  ]),
) as unknown as FindingTexts;

export function findingTexts(locale: string | undefined): FindingTexts {
  if (locale === 'zh-CN') return zhCNFindings;
  if (locale === 'zh-TW') return zhTWFindings;
  return findingCatalogue as unknown as FindingTexts;
}

/** Each finding's message and hint in `locale`; the code, severity and place stay as they are. */
export function localizeFindings(findings: readonly Finding[], locale: string | undefined): Finding[] {
  const texts = findingTexts(locale);
  return findings.map((f) => localizeFinding(f, texts));
}
