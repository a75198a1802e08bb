import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g;

/** Every Latin-script word written anywhere in a package, lower-cased: names such as "ERP" or "ZOR" the content itself uses. */
export function packageWords(dir: string): Set<string> {
  const words = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    if (!/\.(ya?ml|mdx?)$/.test(file)) continue;
    for (const word of readFileSync(join(dir, file), 'utf8').match(LATIN_WORD) ?? []) words.add(word.toLowerCase());
  }
  return words;
}

/**
 * Latin-script words of a Chinese page's visible text that the package does
 * not contain: left-over English UI strings. Single letters (choice letters
 * A–D) and key names on keyboard hints are not words of the UI language.
 */
export function untranslatedWords(text: string, contentWords: Set<string>, allowed: readonly string[] = ['Ctrl']): string[] {
  const words = text.match(LATIN_WORD) ?? [];
  return [...new Set(words.filter((word) => word.length > 1 && !contentWords.has(word.toLowerCase()) && !allowed.includes(word)))];
}
