import { formatDate } from './dates.ts';
import { extractDiagrams } from './diagrams.ts';
import { finding, findingMessage, type Finding, type FindingCode, type FindingDetail } from './findings.ts';
import type { HandoverPackage } from './package.ts';

/**
 * The closeout checklist: the four parts of a handover package (DESIGN.md
 * section 1) plus the issue log, each a list of items. `handover check` turns
 * the items that are not ok into findings and the closeout page shows the
 * same items, so the two cannot disagree.
 */

export type ItemStatus = 'ok' | 'missing' | 'failed' | 'overdue';
export type PartId = 'work-standards' | 'customizations' | 'conflicts' | 'training' | 'issue-log';

/** The parts in the order the closeout page shows them. */
export const PART_IDS: readonly PartId[] = ['work-standards', 'customizations', 'conflicts', 'training', 'issue-log'];

/** What an item checks, named after the finding it yields when it is not ok. */
export type CheckId =
  | 'missing-procedure'
  | 'review-overdue'
  | 'missing-diagram'
  | 'deck-uncovered'
  | 'customization-missing-requirement'
  | 'customization-missing-implementation'
  | 'customization-missing-tests'
  | 'test-failed'
  | 'conflict-check-overdue'
  | 'issue-open';

/** The finding codes the checklist yields: what the closeout page and `handover check` must agree on. */
export const CLOSEOUT_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'missing-procedure',
  'review-overdue',
  'missing-diagram',
  'deck-uncovered',
  'customization-missing-requirement',
  'customization-missing-implementation',
  'customization-missing-tests',
  'test-failed',
  'conflict-check-overdue',
  'issue-open',
]);

/** The record an item is about, so a page can link to it and a profile can hide it. */
export type ItemSubject =
  | { kind: 'order-type'; id: string }
  | { kind: 'procedure'; id: string }
  | { kind: 'customization'; id: string }
  | { kind: 'test'; customization: string; id: string }
  | { kind: 'conflict'; id: string }
  | { kind: 'issue'; id: string };

export interface ChecklistItem {
  part: PartId;
  check: CheckId;
  status: ItemStatus;
  subject: ItemSubject;
  /**
   * What was checked or found, in one English sentence (the CLI's words;
   * pages translate from the fields below). For an item that is not ok it is
   * the message of the finding the item yields.
   */
  message: string;
  /** For an item that is not ok, the detail of the finding it yields. */
  detail?: FindingDetail<CheckId>;
  /** File to open to fix it, relative to the package. */
  file: string;
  line?: number;
  /** The finding the item yields when it is not ok. */
  code?: FindingCode;
  /** When the item is due (reviews, follow-up checks), for sorting overdue items first. */
  due?: Date;
  /** When a follow-up check was carried out. */
  done?: Date;
  /** The author's words naming the subject: an order type's name, a test case, an issue summary. */
  label?: string;
  /** How many procedures an order type has. */
  count?: number;
}

export interface ChecklistPart {
  id: PartId;
  items: ChecklistItem[];
  /** How many items are ok. */
  ok: number;
  /** Share of items that are ok, 0..100; 100 for a part with no items. */
  score: number;
}

export interface Completeness {
  parts: ChecklistPart[];
  findings: Finding[];
}

/**
 * Assesses the package as of `today`: a date is overdue once it lies before
 * `today`, never on the day itself.
 */
export function assessCompleteness(pkg: HandoverPackage, today: Date): Completeness {
  const items = [
    ...orderTypeItems(pkg),
    ...procedureItems(pkg, today),
    ...trainingItems(pkg),
    ...customizationItems(pkg),
    ...conflictItems(pkg, today),
    ...issueLogItems(pkg),
  ];
  for (const item of items) if (item.status !== 'ok') item.code = item.check;

  const parts = PART_IDS.map((id): ChecklistPart => {
    const own = items.filter((item) => item.part === id);
    const ok = own.filter((item) => item.status === 'ok').length;
    return { id, items: own, ok, score: own.length === 0 ? 100 : Math.round((100 * ok) / own.length) };
  });
  const findings = items.flatMap((item) => (item.detail === undefined ? [] : [finding(item.check, { file: item.file, line: item.line }, item.detail)]));
  return { parts, findings };
}

/** What an item found: the thing in order, in words of its own, or what is open, as the detail of the finding it yields. */
type Outcome<C extends CheckId> = { status: 'ok'; message: string } | { status: Exclude<ItemStatus, 'ok'>; detail: FindingDetail<C> };

/** An item's check and outcome; an open item says what its finding says, so the checklist and `handover check` word it alike. */
function outcome<C extends CheckId>(check: C, found: Outcome<NoInfer<C>>): Pick<ChecklistItem, 'check' | 'status' | 'message' | 'detail'> {
  return found.status === 'ok' ? { check, ...found } : { check, ...found, message: findingMessage(check, found.detail) };
}

/** Work standards: every declared order type has at least one procedure. */
function orderTypeItems(pkg: HandoverPackage): ChecklistItem[] {
  return (pkg.meta?.data.orderTypes ?? []).map((type, index) => {
    // Counted by file, so a procedure that fails validation does not also make its order type "missing".
    const count = [...pkg.declared.procedures].filter((id) => id.startsWith(`${type.id}/`)).length;
    return {
      part: 'work-standards',
      ...outcome('missing-procedure', count > 0 ? { status: 'ok', message: `order type "${type.id}" has ${count} procedure(s)` } : { status: 'missing', detail: { orderType: type.id, name: type.name } }),
      subject: { kind: 'order-type', id: type.id },
      file: count > 0 ? `procedures/${type.id}/` : pkg.meta!.file,
      line: count > 0 ? undefined : pkg.meta!.lineOf(['orderTypes', index]),
      label: type.name,
      count,
    };
  });
}

/** Work standards: each procedure reviewed in time, each key procedure drawn as a flow. */
function procedureItems(pkg: HandoverPackage, today: Date): ChecklistItem[] {
  return pkg.procedures.flatMap((procedure): ChecklistItem[] => {
    const { data } = procedure;
    const subject = { kind: 'procedure', id: procedure.id } as const;
    const overdue = data.reviewBy.getTime() < today.getTime();
    const review: ChecklistItem = {
      part: 'work-standards',
      ...outcome('review-overdue', overdue ? { status: 'overdue', detail: { due: data.reviewBy } } : { status: 'ok', message: `review due on ${formatDate(data.reviewBy)}` }),
      subject,
      file: procedure.file,
      line: procedure.lineOf(['reviewBy']),
      due: data.reviewBy,
      label: data.title,
    };
    if (data.criticality !== 'key') return [review];
    const drawn = extractDiagrams(procedure.body).length > 0;
    return [
      review,
      {
        part: 'work-standards',
        ...outcome('missing-diagram', drawn ? { status: 'ok', message: 'has a flow diagram' } : { status: 'missing', detail: {} }),
        subject,
        file: procedure.file,
        line: procedure.bodyLine,
        label: data.title,
      },
    ];
  });
}

/** Training: every key procedure is covered by a deck. */
function trainingItems(pkg: HandoverPackage): ChecklistItem[] {
  const coveredByDecks = new Set(pkg.decks.flatMap((deck) => deck.data.covers));
  return pkg.procedures
    .filter((procedure) => procedure.data.criticality === 'key')
    .map((procedure) => {
      const covered = coveredByDecks.has(procedure.id);
      return {
        part: 'training',
        ...outcome('deck-uncovered', covered ? { status: 'ok', message: 'covered by a training deck' } : { status: 'missing', detail: {} }),
        subject: { kind: 'procedure', id: procedure.id },
        file: procedure.file,
        line: 1,
        label: procedure.data.title,
      };
    });
}

/** Customizations: requirement, implementation and tests present, and no failure left unaccepted. */
function customizationItems(pkg: HandoverPackage): ChecklistItem[] {
  return pkg.customizations.flatMap((customization): ChecklistItem[] => {
    const folder = `customizations/${customization.id}/`;
    const subject = { kind: 'customization', id: customization.id } as const;
    const label = customization.requirement?.data.title;
    // A document that exists but failed to load is already reported by the loader; only an absent file is "missing".
    const documents: [CheckId, 'requirement' | 'implementation'][] = [
      ['customization-missing-requirement', 'requirement'],
      ['customization-missing-implementation', 'implementation'],
    ];
    const documentItems = documents.map(([check, key]): ChecklistItem => {
      const name = `${key}.mdx`;
      const present = customization[key] !== undefined || customization.files.has(name);
      return {
        part: 'customizations',
        ...outcome(check, present ? { status: 'ok', message: `has ${name}` } : { status: 'missing', detail: { customization: customization.id } }),
        subject,
        file: `${folder}${present ? name : ''}`,
        label,
      };
    });
    // A tests file that failed to load is reported by the loader; only a customization without one has no tests.
    const testsFile = customization.tests?.file ?? ['tests.yaml', 'tests.yml'].find((name) => customization.files.has(name));
    const testsItem: ChecklistItem = {
      part: 'customizations',
      ...outcome('customization-missing-tests', testsFile ? { status: 'ok', message: `has ${testsFile.slice(folder.length)}` } : { status: 'missing', detail: { customization: customization.id } }),
      subject,
      file: testsFile ?? folder,
      label,
    };
    const recordItems = (customization.tests?.records ?? []).map((record): ChecklistItem => {
      const { data } = record;
      const failed = isUnexcusedFailure(data);
      return {
        part: 'customizations',
        ...outcome(
          'test-failed',
          failed ? { status: 'failed', detail: { test: data.id, case: data.case } } : { status: 'ok', message: `test ${data.id}: ${data.result}${data.result === 'fail' ? ' (limitation or waiver recorded)' : ''}` },
        ),
        subject: { kind: 'test', customization: customization.id, id: data.id },
        file: record.file,
        line: record.lineOf(['result']),
        label: data.case,
      };
    });
    return [...documentItems, testsItem, ...recordItems];
  });
}

/** Conflicts: every follow-up check done by its due date. */
function conflictItems(pkg: HandoverPackage, today: Date): ChecklistItem[] {
  return pkg.conflicts.flatMap((conflict) =>
    (conflict.data.checks ?? []).map((check, index): ChecklistItem => {
      const overdue = isCheckOverdue(check, today);
      return {
        part: 'conflicts',
        ...outcome(
          'conflict-check-overdue',
          overdue
            ? { status: 'overdue', detail: { conflict: conflict.data.id, due: check.due } }
            : { status: 'ok', message: check.done ? `follow-up check of ${conflict.data.id} done on ${formatDate(check.done)}` : `follow-up check of ${conflict.data.id} due on ${formatDate(check.due)}` },
        ),
        subject: { kind: 'conflict', id: conflict.data.id },
        file: conflict.file,
        line: conflict.lineOf(['checks', index, 'due']),
        due: check.due,
        done: check.done,
        label: conflict.data.title,
      };
    }),
  );
}

/** Issue log: every issue resolved with its solution archived. */
function issueLogItems(pkg: HandoverPackage): ChecklistItem[] {
  return pkg.issues.map(({ data, file, lineOf }) => {
    const archived = data.status === 'resolved' && data.solution !== undefined;
    const open: FindingDetail<'issue-open'> = data.status === 'open' ? { reason: 'open', issue: data.id, summary: data.summary } : { reason: 'no-solution', issue: data.id };
    return {
      part: 'issue-log',
      ...outcome('issue-open', archived ? { status: 'ok', message: `${data.id} resolved, solution archived` } : { status: 'missing', detail: open }),
      subject: { kind: 'issue', id: data.id },
      file,
      line: lineOf([data.status === 'open' ? 'status' : 'solution']),
      label: data.summary,
    };
  });
}

/** A failed test record with neither a usage limitation nor a waiver: the failure nobody has accepted. */
export function isUnexcusedFailure(record: { result: string; waiver?: string; limitations?: readonly string[] }): boolean {
  return record.result === 'fail' && record.waiver === undefined && (record.limitations?.length ?? 0) === 0;
}

/** A follow-up check not done by its due date; on the due day itself it is not overdue yet. */
export function isCheckOverdue(check: { due: Date; done?: Date }, today: Date): boolean {
  return check.done === undefined && check.due.getTime() < today.getTime();
}

const STATUS_ORDER: Record<ItemStatus, number> = { overdue: 0, failed: 1, missing: 2, ok: 3 };

/**
 * Every item that is not ok, in the order a project manager works them off:
 * overdue items first (longest overdue first), then failed tests, then
 * missing material, each in part order.
 */
export function openItems(completeness: Completeness): ChecklistItem[] {
  const open = completeness.parts.flatMap((part) => part.items.filter((item) => item.status !== 'ok'));
  return open
    .map((item, index) => ({ item, index }))
    .sort((a, b) => STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status] || (a.item.due?.getTime() ?? 0) - (b.item.due?.getTime() ?? 0) || a.index - b.index)
    .map(({ item }) => item);
}

/** `file:line`, or the file alone when there is no line: what an editor's "go to" understands. */
export function itemLocation(item: Pick<ChecklistItem, 'file' | 'line'>): string {
  return item.line === undefined ? item.file : `${item.file}:${item.line}`;
}
