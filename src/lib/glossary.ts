/**
 * The glossary: anchors of its terms, their order (alphabetical; by pinyin in
 * Simplified Chinese, by zhuyin in Traditional Chinese, as dictionaries there
 * order them), and finding terms in text so procedure pages can explain them.
 */
import type { GlossaryEntry } from '../schemas/index.ts';
import { routes } from './routes.ts';

/** The anchor of a term on the glossary page, e.g. `term-credit-hold` or `term-信用额度`. */
export function glossaryAnchor(term: string): string {
  const slug = term
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]+/gu, '')
    .replace(/[\s_]+/g, '-');
  return `term-${slug || 'x'}`;
}

/** Link to a term's definition on the glossary page. */
export function glossaryLink(term: string): string {
  return `${routes.glossary}#${glossaryAnchor(term)}`;
}

// Collation boundaries of the pinyin initials A–Z (I, U and V start no syllable):
// a Han character belongs to the last initial whose boundary does not sort after it.
const PINYIN_INITIALS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
const PINYIN_BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
const HAN = /\p{Script=Han}/u;

// The zhuyin (bopomofo) initials in dictionary order. ICU's zhuyin collation files each under a
// boundary written U+FDD0 followed by the symbol, which sorts just before the first character read so.
const ZHUYIN_INITIALS = 'ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦㄧㄨㄩ';
const zhuyin = new Intl.Collator('zh-TW-u-co-zhuyin');

/** The zhuyin initial a Han character is read with, e.g. ㄅ for 報. */
function zhuyinInitial(character: string): string {
  let initial = '#';
  for (const symbol of ZHUYIN_INITIALS) if (zhuyin.compare(`\uFDD0${symbol}`, character) <= 0) initial = symbol;
  return initial;
}

/**
 * The letter a term is filed under: its first letter without accents, or for
 * a Chinese term the initial of its pinyin (in zh-TW, of its zhuyin); `#` for
 * digits and symbols.
 */
export function indexLetter(term: string, collator: Intl.Collator = new Intl.Collator('zh-CN'), locale?: string): string {
  const first = [...term.trim()][0] ?? '';
  if (HAN.test(first) && locale === 'zh-TW') return zhuyinInitial(first);
  if (HAN.test(first)) {
    let letter = '#';
    [...PINYIN_BOUNDARIES].forEach((boundary, index) => {
      if (collator.compare(boundary, first) <= 0) letter = PINYIN_INITIALS[index]!;
    });
    return letter;
  }
  const base = first.normalize('NFD').replace(/\p{Mark}/gu, '').toUpperCase();
  return /^\p{L}$/u.test(base) ? base : '#';
}

export interface GlossaryGroup<T> {
  letter: string;
  entries: T[];
}

/**
 * Entries sorted for the reader, grouped under their index letters: English
 * alphabetically, Simplified Chinese by pinyin (the zh-CN collation orders
 * Han characters by their reading) under A–Z, Traditional Chinese by zhuyin
 * under ㄅ–ㄩ; Latin-script terms of a Chinese glossary under their letters.
 */
export function glossaryGroups<T extends { data: Pick<GlossaryEntry, 'term'> }>(entries: readonly T[], locale: string): GlossaryGroup<T>[] {
  const sorter = locale === 'zh-TW' ? new Intl.Collator('zh-TW-u-co-zhuyin', { sensitivity: 'base', numeric: true }) : new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const pinyin = new Intl.Collator('zh-CN');
  const groups: GlossaryGroup<T>[] = [];
  for (const entry of [...entries].sort((a, b) => sorter.compare(a.data.term, b.data.term))) {
    const letter = indexLetter(entry.data.term, pinyin, locale);
    const group = groups.find((g) => g.letter === letter);
    if (group) group.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  // Symbols first, then A–Z, then ㄅ–ㄩ, whatever order the locale sorts the terms in.
  const rank = (letter: string) => (letter === '#' ? -1 : ZHUYIN_INITIALS.includes(letter) ? 100 + ZHUYIN_INITIALS.indexOf(letter) : letter.charCodeAt(0));
  return groups.sort((a, b) => rank(a.letter) - rank(b.letter));
}

/** A term to look for in text: its key (the glossary term) and every way it is written. */
export interface TermForms {
  key: string;
  forms: readonly string[];
}

export function termForms(entry: Pick<GlossaryEntry, 'term' | 'aliases'>): TermForms {
  return { key: entry.term, forms: [entry.term, ...(entry.aliases ?? [])].map((form) => form.trim()).filter((form) => form !== '') };
}

/** A letter or digit of a script that separates words with spaces (Chinese and Japanese do not). */
const WORD_CHAR = String.raw`(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}_])`;
const startsWithWordChar = new RegExp(`^${WORD_CHAR}`, 'u');
const endsWithWordChar = new RegExp(`${WORD_CHAR}$`, 'u');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An abbreviation written in capitals ("SO", "RMA") is matched as written: "so" is another word. */
const isAcronym = (form: string) => /\p{Lu}/u.test(form) && !/\p{Ll}/u.test(form);

export interface TermMatch {
  key: string;
  start: number;
  end: number;
}

/**
 * The earliest occurrence in `text` of any of the terms, the longest form
 * winning where several start at the same place ("红字冲销" before "冲销").
 * Words of spaced scripts must stand alone ("hold" is not found in "holder");
 * Chinese terms are found anywhere, as Chinese has no spaces between words.
 * Case is ignored, except in abbreviations written in capitals.
 */
export function findFirstTerm(text: string, terms: readonly TermForms[]): TermMatch | undefined {
  const forms = terms
    .flatMap((term) => term.forms.map((form) => ({ key: term.key, form })))
    .sort((a, b) => b.form.length - a.form.length);
  if (forms.length === 0) return undefined;
  const pattern = forms
    .map(({ form }) => {
      const text = isAcronym(form) ? `(?-i:${escapeRegExp(form)})` : escapeRegExp(form);
      return `(${startsWithWordChar.test(form) ? `(?<!${WORD_CHAR})` : ''}${text}${endsWithWordChar.test(form) ? `(?!${WORD_CHAR})` : ''})`;
    })
    .join('|');
  const match = new RegExp(pattern, 'iu').exec(text);
  if (!match) return undefined;
  const group = match.slice(1).findIndex((value) => value !== undefined);
  return { key: forms[group]!.key, start: match.index, end: match.index + match[0].length };
}
