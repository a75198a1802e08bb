/**
 * Deck embeds: a deck shows a procedure's approval table or flow diagram
 * taken from the procedure itself, so the slides can never drift from the
 * single source. The syntax is one line holding exactly
 *
 *     {{approvals <procedure-id>}}   every approval ladder of the procedure, as tables
 *     {{flow <procedure-id>}}        the procedure's first ```mermaid diagram
 *
 * Lines inside fenced code blocks are left alone, so a deck can show the
 * syntax itself. The expansion runs before Marp sees the deck; diagrams are
 * then drawn by the same renderer as the portal's pages.
 */
import { formatBand } from './approvals.ts';
import { extractDiagrams } from './diagrams.ts';
import { finding, type Finding } from './findings.ts';
import { escapeHtml } from './html.ts';
import { labels } from './i18n.ts';
import type { DeckEntry, HandoverPackage, ProcedureEntry } from './package.ts';
import { roleName } from './roles.ts';

export type EmbedKind = 'approvals' | 'flow';

/** One embed line of a deck. */
export interface DeckEmbed {
  kind: EmbedKind;
  procedureId: string;
  /** File line of the embed. */
  line: number;
}

/** A line that looks like an embed but is not one we know, e.g. `{{approval x}}` or `{{flow}}`. */
export interface MalformedEmbed {
  text: string;
  line: number;
}

const EMBED = /^\s{0,3}\{\{\s*(approvals|flow)\s+(\S+)\s*\}\}\s*$/;
const EMBED_LIKE = /^\s{0,3}\{\{.*\}\}\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The embed lines of a deck, with file lines, and the lines that look like
 * embeds but are not well formed. `text` is the whole file; `bodyLine` the
 * line its body starts on (embeds in the frontmatter mean nothing).
 */
export function findDeckEmbeds(text: string, bodyLine = 1): { embeds: DeckEmbed[]; malformed: MalformedEmbed[] } {
  const lines = text.split(/\r?\n/);
  const embeds: DeckEmbed[] = [];
  const malformed: MalformedEmbed[] = [];
  let fence: string | undefined;
  for (let index = bodyLine - 1; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const embed = EMBED.exec(line);
    if (embed) embeds.push({ kind: embed[1] as EmbedKind, procedureId: embed[2]!, line: index + 1 });
    else if (EMBED_LIKE.test(line)) malformed.push({ text: line.trim(), line: index + 1 });
  }
  return { embeds, malformed };
}

type Resolution = { markdown: string } | { finding: Finding };

/**
 * What an embed stands for in `pkg`: the Markdown that replaces the line, or
 * the finding that says why it cannot be expanded. The check and the build
 * share it, so a deck that passes `handover check` always expands.
 */
function resolveEmbed(deck: DeckEntry, embed: DeckEmbed, pkg: HandoverPackage, locale: string): Resolution {
  const where = { file: deck.file, line: embed.line };
  const procedure = pkg.procedures.find((p) => p.id === embed.procedureId);
  if (!procedure) {
    const known = new Set(pkg.procedures.map((p) => p.id));
    return { finding: finding('unknown-procedure', where, { kind: 'deck-embed', embed, known }) };
  }
  if (deck.data.audience !== 'internal' && procedure.data.audience === 'internal') {
    return { finding: finding('unknown-procedure', where, { kind: 'internal-embed', embed }) };
  }
  if (embed.kind === 'approvals') {
    if (!procedure.data.approvals?.length) {
      return { finding: finding('schema-invalid', where, { reason: 'nothing-to-embed', embed, file: procedure.file }) };
    }
    return { markdown: approvalTablesHtml(procedure, pkg, locale) };
  }
  const diagram = extractDiagrams(procedure.body, procedure.bodyLine)[0];
  if (!diagram) {
    return { finding: finding('schema-invalid', where, { reason: 'nothing-to-embed', embed, file: procedure.file }) };
  }
  // A fence longer than any backtick run in the source, so the source can never close it early.
  const longestRun = Math.max(2, ...[...diagram.source.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return { markdown: `${fence}mermaid\n${diagram.source}\n${fence}` };
}

/**
 * A procedure's approval ladders as HTML tables, laid out like the
 * procedure page's: bands formatted with formatBand, roles by name,
 * conditions in their own row group. One block without blank lines, so
 * Markdown keeps it as one piece of HTML.
 */
export function approvalTablesHtml(procedure: ProcedureEntry, pkg: HandoverPackage, locale: string): string {
  const t = labels(locale);
  const tables = (procedure.data.approvals ?? []).map((ladder) => {
    const raisedBy = ladder.initiatedBy ? ` <span class="ho-muted">· ${escapeHtml(t('approvals.initiatedBy'))}: ${escapeHtml(roleName(pkg, ladder.initiatedBy))}</span>` : '';
    const rows = ladder.bands.map((band) => `<tr><td class="ho-nowrap">${escapeHtml(formatBand(band, ladder.unit, locale))}</td><td>${escapeHtml(roleName(pkg, band.approver))}</td></tr>`);
    const conditions = ladder.conditions?.length
      ? [
          '<tbody class="ho-conditions">',
          `<tr><th scope="rowgroup" colspan="2">${escapeHtml(t('approvals.conditions'))}</th></tr>`,
          ...ladder.conditions.map((condition) => `<tr><td>${escapeHtml(condition.when)}</td><td>${escapeHtml(roleName(pkg, condition.approver))}</td></tr>`),
          '</tbody>',
        ]
      : [];
    return [
      '<table>',
      `<caption>${escapeHtml(ladder.action)}${raisedBy}</caption>`,
      `<thead><tr><th scope="col">${escapeHtml(t('approvals.band'))}</th><th scope="col">${escapeHtml(t('approvals.approver'))}</th></tr></thead>`,
      '<tbody>',
      ...rows,
      '</tbody>',
      ...conditions,
      '</table>',
    ].join('\n');
  });
  return `<div class="ho-approvals" data-procedure="${escapeHtml(procedure.id)}">\n${tables.join('\n')}\n</div>`;
}

/** Why each embed of one deck cannot be expanded, and each line that looks like an embed but is malformed. */
function deckEmbedFindings(deck: DeckEntry, pkg: HandoverPackage, locale: string): Finding[] {
  const { embeds, malformed } = findDeckEmbeds(deck.raw, deck.bodyLine);
  return [
    ...embeds.flatMap((embed) => {
      const result = resolveEmbed(deck, embed, pkg, locale);
      return 'finding' in result ? [result.finding] : [];
    }),
    ...malformed.map(({ text, line }) => finding('schema-invalid', { file: deck.file, line }, { reason: 'not-an-embed', text })),
  ];
}

/**
 * Findings for every deck embed that cannot be expanded: an unknown
 * procedure (`unknown-procedure`), a public deck embedding an internal
 * procedure, a procedure without approvals or without a diagram
 * (`schema-invalid`, saying which is missing), and lines that look like
 * embeds but are not well formed.
 */
export function checkDeckEmbeds(pkg: HandoverPackage): Finding[] {
  const locale = pkg.meta?.data.locale ?? 'en';
  return pkg.decks.flatMap((deck) => deckEmbedFindings(deck, pkg, locale));
}

/** Thrown when a deck is expanded although `handover check` would refuse it. */
export class DeckEmbedError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(findings.map((f) => `${f.file}:${f.line ?? '?'}  ${f.code}  ${f.message}`).join('\n'));
    this.name = 'DeckEmbedError';
    this.findings = findings;
  }
}

/**
 * The whole deck file (frontmatter included) with every embed line replaced
 * by what it stands for, for Marp to convert. Throws DeckEmbedError when an
 * embed cannot be expanded.
 */
export function expandDeckEmbeds(deck: DeckEntry, pkg: HandoverPackage, locale: string): string {
  const problems = deckEmbedFindings(deck, pkg, locale);
  if (problems.length > 0) throw new DeckEmbedError(problems);
  const lines = deck.raw.split(/\r?\n/);
  for (const embed of findDeckEmbeds(deck.raw, deck.bodyLine).embeds) {
    const result = resolveEmbed(deck, embed, pkg, locale) as { markdown: string };
    // Blank lines around the replacement keep it a block of its own in Markdown.
    lines[embed.line - 1] = `\n${result.markdown}\n`;
  }
  return lines.join('\n');
}
