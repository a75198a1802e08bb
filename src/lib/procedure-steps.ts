import { stepHeadingWords } from './i18n/approvals.ts';
import { plainText } from './text-diff.ts';

/**
 * The numbered steps of a procedure body: the ordered list under its Steps
 * heading, in any of the UI languages' words for it.
 */

/** The heading text as compared against the word lists: no marks, case or trailing colon. */
function headingKey(text: string): string {
  return plainText(text).normalize('NFKC').replace(/[:：]\s*$/, '').trim().toLowerCase();
}

const allStepHeadings = Object.values(stepHeadingWords).flat();

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^ {0,3}\d{1,9}[.)](?:[ \t]+(.*))?$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * The steps of a procedure: the items of the ordered list(s) in the section
 * headed "Steps", "步骤" or another word of `headings`, as plain text.
 * Undefined when the body has no such section.
 */
export function procedureSteps(body: string, headings: readonly string[] = allStepHeadings): string[] | undefined {
  const wanted = new Set(headings.map(headingKey));
  const lines = body.split(/\r?\n/);
  let fence: string | undefined;
  let level: number | undefined;
  let pendingBlank = false;
  let current: string[] | undefined;
  const items: string[][] = [];
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    const heading = HEADING.exec(line);
    if (level === undefined) {
      if (heading && wanted.has(headingKey(heading[2]!))) level = heading[1]!.length;
      continue;
    }
    if (heading && heading[1]!.length <= level) break;
    if (line.trim() === '') {
      pendingBlank = true;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      current = [item[1] ?? ''];
      items.push(current);
    } else if (current && (/^( {2,}|\t)/.test(line) || !pendingBlank)) {
      // Indented lines belong to the item (nested lists included); so does a lazy continuation line.
      current.push(line.trim().replace(/^([-*+]|\d{1,9}[.)])[ \t]+/, ''));
    } else {
      current = undefined;
    }
    pendingBlank = false;
  }
  if (level === undefined) return undefined;
  return items.map((parts) => plainText(parts.join(' '))).filter((text) => text !== '');
}
