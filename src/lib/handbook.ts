import type { GlossaryEntry, OrderType } from '../schemas/index.ts';
import type { CustomizationEntry, HandoverPackage, Located, ProcedureEntry } from './package.ts';
import type { Conflict } from '../schemas/index.ts';
import { docPath, routes } from './routes.ts';

/**
 * The bound handbook: which sections it has, in which order, with which
 * numbers and anchors, and the text transformations that let documents
 * written as separate pages live together in one printable page.
 */

export type ChapterKind = 'procedures' | 'approvals' | 'customizations' | 'conflicts' | 'issues' | 'masterdata' | 'glossary';

export interface HandbookProcedure {
  procedure: ProcedureEntry;
  number: string;
  anchor: string;
}

export interface HandbookGroup {
  orderType: OrderType;
  number: string;
  anchor: string;
  procedures: HandbookProcedure[];
}

export interface HandbookChapter {
  kind: ChapterKind;
  number: string;
  anchor: string;
}

export interface HandbookPlan {
  chapters: HandbookChapter[];
  groups: HandbookGroup[];
  customizations: { customization: CustomizationEntry; title: string; number: string; anchor: string }[];
  conflicts: { conflict: Located<Conflict>; number: string; anchor: string }[];
  glossary: Located<GlossaryEntry>[];
  /** Every entry of the table of contents in document order; each heading in the document carries its anchor. */
  toc: TocEntry[];
}

export interface TocEntry {
  anchor: string;
  number: string;
  /** 1 chapter, 2 order type / customization / conflict, 3 procedure. */
  level: 1 | 2 | 3;
  /** The author's title; undefined for chapters, whose titles the page translates. */
  title?: string;
  chapter?: ChapterKind;
}

const anchorOf = (prefix: string, id: string) => `hb-${prefix}-${id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;

/**
 * The handbook of a (profile-filtered) package: procedures grouped by order
 * type in handover.yaml's order, then customizations, the conflict register
 * the approval matrix, the issue log, the master-data rules and the glossary. Empty chapters are left out; order types without a
 * procedure stay in, so the gap shows in print too.
 */
export function handbookPlan(pkg: HandoverPackage): HandbookPlan {
  const chapters: HandbookChapter[] = [];
  const toc: TocEntry[] = [];
  const chapter = (kind: ChapterKind) => {
    const entry = { kind, number: String(chapters.length + 1), anchor: `hb-chapter-${kind}` };
    chapters.push(entry);
    toc.push({ anchor: entry.anchor, number: entry.number, level: 1, chapter: kind });
    return entry.number;
  };

  const orderTypes = pkg.meta?.data.orderTypes ?? [];
  // A procedure whose order type is undeclared is an error the build refuses, so every procedure has a group.
  const groups: HandbookGroup[] = [];
  if (orderTypes.length > 0 || pkg.procedures.length > 0) {
    const n = chapter('procedures');
    orderTypes.forEach((orderType, typeIndex) => {
      const number = `${n}.${typeIndex + 1}`;
      const group: HandbookGroup = { orderType, number, anchor: anchorOf('type', orderType.id), procedures: [] };
      toc.push({ anchor: group.anchor, number, level: 2, title: orderType.name });
      pkg.procedures
        .filter((procedure) => procedure.data.orderType === orderType.id)
        .forEach((procedure, index) => {
          const entry = { procedure, number: `${number}.${index + 1}`, anchor: procedureAnchor(procedure.id) };
          group.procedures.push(entry);
          toc.push({ anchor: entry.anchor, number: entry.number, level: 3, title: procedure.data.title });
        });
      groups.push(group);
    });
  }

  // The approval matrix: every ladder in one table, for the auditor's copy.
  if (pkg.procedures.some((procedure) => (procedure.data.approvals?.length ?? 0) > 0)) chapter('approvals');

  const customizations: HandbookPlan['customizations'] = [];
  if (pkg.customizations.length > 0) {
    const n = chapter('customizations');
    pkg.customizations.forEach((customization, index) => {
      const entry = { customization, title: customization.requirement?.data.title ?? customization.id, number: `${n}.${index + 1}`, anchor: customizationAnchor(customization.id) };
      customizations.push(entry);
      toc.push({ anchor: entry.anchor, number: entry.number, level: 2, title: entry.title });
    });
  }

  const conflicts: HandbookPlan['conflicts'] = [];
  if (pkg.conflicts.length > 0) {
    const n = chapter('conflicts');
    pkg.conflicts.forEach((conflict, index) => {
      const entry = { conflict, number: `${n}.${index + 1}`, anchor: anchorOf('conflict', conflict.data.id) };
      conflicts.push(entry);
      toc.push({ anchor: entry.anchor, number: entry.number, level: 2, title: `${conflict.data.id} ${conflict.data.title}` });
    });
  }

  if (pkg.issues.length > 0) chapter('issues');
  if (pkg.masterData.length > 0) chapter('masterdata');
  if (pkg.glossary.length > 0) chapter('glossary');
  return { chapters, groups, customizations, conflicts, glossary: pkg.glossary, toc };
}

export function procedureAnchor(procedureId: string): string {
  return anchorOf('procedure', procedureId);
}

export function customizationAnchor(customizationId: string): string {
  return anchorOf('customization', customizationId);
}

/**
 * Where links between documents point inside the handbook: a procedure's
 * page and a customization's pages (its overview, requirement and
 * implementation) all lead to the section that holds them.
 */
export function handbookLinkTargets(plan: HandbookPlan): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { procedure, anchor } of plan.groups.flatMap((group) => group.procedures)) targets.set(docPath(procedure.file), anchor);
  for (const { customization, anchor } of plan.customizations) {
    targets.set(routes.customization(customization.id), anchor);
    for (const doc of [customization.requirement, customization.implementation]) if (doc) targets.set(docPath(doc.file), anchor);
  }
  return targets;
}

/**
 * Fits a separately written page into the handbook: headings go `levels`
 * deeper (at most h6), ids and in-page links get `idPrefix` so that the
 * "Scope" of one procedure does not collide with another's, and links to
 * pages the handbook contains point at their section instead.
 */
export function embedHtml(html: string, options: { levels: number; idPrefix: string; targets?: ReadonlyMap<string, string> }): string {
  const { levels, idPrefix, targets } = options;
  const deeper = (level: string) => String(Math.min(6, Number(level) + levels));
  const prefixed = (id: string) => `${idPrefix}-${id}`;
  // Diagrams keep their own ids: they are unique already, and their CSS and arrow markers refer to them.
  return html
    .split(/(<svg\b[\s\S]*?<\/svg>)/)
    .map((part) =>
      part.startsWith('<svg')
        ? part
        : part
            .replace(/<(\/?)h([1-6])(?=[\s>])/g, (_match, slash: string, level: string) => `<${slash}h${deeper(level)}`)
            .replace(/\blevel-h([1-6])\b/g, (_match, level: string) => `level-h${deeper(level)}`)
            .replace(/\sid="([^"]+)"/g, (_match, id: string) => ` id="${prefixed(id)}"`)
            .replace(/\s(aria-labelledby|aria-describedby|aria-controls|for)="([^"]+)"/g, (_match, name: string, ids: string) => ` ${name}="${ids.split(/\s+/).map(prefixed).join(' ')}"`)
            .replace(/\shref="([^"]*)"/g, (match, href: string) => {
              if (href.startsWith('#') && href.length > 1) return ` href="#${prefixed(href.slice(1))}"`;
              const path = href.split('#')[0]!;
              const target = targets?.get(path.endsWith('/') ? path : `${path}/`);
              return target ? ` href="#${target}"` : match;
            }),
    )
    .join('');
}

/** The text that marks a table-of-contents entry in the first, measuring print of the handbook. */
export function pageMarker(index: number): string {
  return `@@hb${index}@@`;
}

/**
 * The page each marker is printed on, from the text of a PDF split into
 * pages (pdftotext separates pages with form feeds). Pages count from 1, as
 * the footer numbers them; a marker not found is left out.
 */
export function locateMarkers(pageTexts: readonly string[], count: number): Map<number, number> {
  const pages = new Map<number, number>();
  const compact = pageTexts.map((text) => text.replace(/\s+/g, ''));
  for (let index = 0; index < count; index++) {
    const page = compact.findIndex((text) => text.includes(pageMarker(index)));
    if (page >= 0) pages.set(index, page + 1);
  }
  return pages;
}
