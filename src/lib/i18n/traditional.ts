import { Converter } from 'opencc-js';

/**
 * The zh-TW interface: the zh-CN labels converted to Traditional characters
 * and Taiwan's usage (搜索 → 搜尋, 打印 → 列印, 数据 → 資料) by OpenCC, so
 * every label exists in both scripts without a third dictionary to keep up.
 * OpenCC's Taiwan phrases are meant for computing texts; a few of its choices
 * read wrongly in a handover portal and are put right after converting.
 */
const convert = Converter({ from: 'cn', to: 'twp' });

/** Phrases OpenCC's Taiwan table changes in a sense our labels do not mean. */
const CORRECTIONS: [RegExp, string][] = [
  // 权限 is authority (approval authority), not a software permission (許可權).
  [/許可權/g, '權限'],
  // 类型 is a kind (order type, content type), not a programming type (型別).
  [/型別/g, '類型'],
  // 对象 is the people something is for (適用對象), not a programming object (物件).
  [/物件/g, '對象'],
  // Slides, full screen, presentation and building a site, as Taiwan says them.
  [/幻燈片/g, '投影片'],
  [/全屏/g, '全螢幕'],
  [/演示/g, '簡報'],
  [/構建/g, '建置'],
  // 签核 (sign-off) is 簽核; OpenCC reads 签 as the 籤 of a lottery slip.
  [/籤核/g, '簽核'],
];

const cache = new Map<string, string>();

export function toTraditional(text: string): string {
  let converted = cache.get(text);
  if (converted === undefined) {
    converted = CORRECTIONS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), convert(text));
    cache.set(text, converted);
  }
  return converted;
}
