import { formatDate } from './dates.ts';
import { finding, type Finding, type FindingCode } from './findings.ts';
import type { HandoverPackage } from './package.ts';

/**
 * The closeout checklist: the four parts of a handover package (DESIGN.md
 * section 1) plus the issue log, each a list of items. `handover check` turns
 * the items that are not ok into warnings and the closeout page shows the
 * same items, so the two cannot disagree.
 */

export type ItemStatus = 'ok' | 'missing' | 'failed' | 'overdue';
export type PartId = 'work-standards' | 'customizations' | 'conflicts' | 'training' | 'issue-log';

export interface ChecklistItem {
  status: ItemStatus;
  /** What the item is about, e.g. a procedure id or a customization id. */
  subject: string;
  /** What was checked or found, in one sentence. */
  message: string;
  /** File to open to fix it, relative to the package. */
  file: string;
  line?: number;
  /** The finding the item yields when it is not ok. */
  code?: FindingCode;
  /** When the item is due (reviews, follow-up checks), for sorting overdue items first. */
  due?: Date;
}

export interface ChecklistPart {
  id: PartId;
  items: ChecklistItem[];
  /** Share of items that are ok, 0..100; 100 for a part with no items. */
  score: number;
}

export interface Completeness {
  parts: ChecklistPart[];
  findings: Finding[];
}

/** A fenced ```mermaid block anywhere in the body. */
export function hasDiagram(body: string): boolean {
  return /^\s*(```|~~~)\s*mermaid\b/m.test(body);
}

export function assessCompleteness(pkg: HandoverPackage, today: Date): Completeness {
  const parts: Record<PartId, ChecklistItem[]> = {
    'work-standards': [],
    customizations: [],
    conflicts: [],
    training: [],
    'issue-log': [],
  };
  const item = (part: PartId, entry: ChecklistItem) => parts[part].push(entry);

  for (const type of pkg.meta?.data.orderTypes ?? []) {
    const count = pkg.procedures.filter((procedure) => procedure.data.orderType === type.id).length;
    const index = pkg.meta!.data.orderTypes.indexOf(type);
    item('work-standards', {
      status: count > 0 ? 'ok' : 'missing',
      subject: type.id,
      message: count > 0 ? `order type "${type.id}" has ${count} procedure(s)` : `order type "${type.id}" (${type.name}) has no procedure; write procedures/${type.id}/<slug>.mdx`,
      file: count > 0 ? `procedures/${type.id}/` : pkg.meta!.file,
      line: count > 0 ? undefined : pkg.meta!.lineOf(['orderTypes', index]),
      code: 'missing-procedure',
    });
  }
  const coveredByDecks = new Set(pkg.decks.flatMap((deck) => deck.data.covers));
  for (const procedure of pkg.procedures) {
    const { data } = procedure;
    const overdue = data.reviewBy.getTime() < today.getTime();
    item('work-standards', {
      status: overdue ? 'overdue' : 'ok',
      subject: procedure.id,
      message: overdue ? `review was due on ${formatDate(data.reviewBy)}` : `review due on ${formatDate(data.reviewBy)}`,
      file: procedure.file,
      line: procedure.lineOf(['reviewBy']),
      code: 'review-overdue',
      due: data.reviewBy,
    });
    if (data.criticality === 'key') {
      const drawn = hasDiagram(procedure.body);
      item('work-standards', {
        status: drawn ? 'ok' : 'missing',
        subject: procedure.id,
        message: drawn ? 'has a flow diagram' : 'key procedure without a flow diagram; add a ```mermaid fence',
        file: procedure.file,
        line: procedure.bodyLine,
        code: 'missing-diagram',
      });
      const covered = coveredByDecks.has(procedure.id);
      item('training', {
        status: covered ? 'ok' : 'missing',
        subject: procedure.id,
        message: covered ? 'covered by a training deck' : 'key procedure that no deck covers; add it to the covers of a deck',
        file: procedure.file,
        line: 1,
        code: 'deck-uncovered',
      });
    }
  }

  for (const customization of pkg.customizations) {
    const folder = `customizations/${customization.id}/`;
    const parts3: [keyof typeof customization, FindingCode, string][] = [
      ['requirement', 'customization-missing-requirement', 'requirement.mdx'],
      ['implementation', 'customization-missing-implementation', 'implementation.mdx'],
      ['tests', 'customization-missing-tests', 'tests.yaml'],
    ];
    for (const [key, code, name] of parts3) {
      // A document that exists but failed to load is already reported; only a truly absent file is "missing".
      const present = customization[key] !== undefined || customization.files.has(name) || (name === 'tests.yaml' && customization.files.has('tests.yml'));
      item('customizations', {
        status: present ? 'ok' : 'missing',
        subject: customization.id,
        message: present ? `has ${name}` : `customization "${customization.id}" has no ${name}`,
        file: `${folder}${present ? name : ''}`,
        code,
      });
    }
    for (const record of customization.tests?.records ?? []) {
      const { data } = record;
      const excused = data.waiver !== undefined || (data.limitations?.length ?? 0) > 0;
      const failed = data.result === 'fail' && !excused;
      item('customizations', {
        status: failed ? 'failed' : 'ok',
        subject: `${customization.id}/${data.id}`,
        message: failed ? `test ${data.id} failed with no limitation or waiver recorded: ${data.case}` : `test ${data.id}: ${data.result}${data.result === 'fail' ? ' (limitation or waiver recorded)' : ''}`,
        file: record.file,
        line: record.lineOf(['result']),
        code: 'test-failed',
      });
    }
  }

  for (const conflict of pkg.conflicts) {
    conflict.data.checks?.forEach((check, index) => {
      const overdue = check.done === undefined && check.due.getTime() < today.getTime();
      item('conflicts', {
        status: overdue ? 'overdue' : 'ok',
        subject: conflict.data.id,
        message: check.done ? `follow-up check done on ${formatDate(check.done)}` : overdue ? `follow-up check of ${conflict.data.id} was due on ${formatDate(check.due)} and is not done` : `follow-up check due on ${formatDate(check.due)}`,
        file: conflict.file,
        line: conflict.lineOf(['checks', index, 'due']),
        code: 'conflict-check-overdue',
        due: check.due,
      });
    });
  }

  for (const issue of pkg.issues) {
    const archived = issue.data.status === 'open' || issue.data.solution !== undefined;
    item('issue-log', {
      status: archived ? 'ok' : 'missing',
      subject: issue.data.id,
      message: issue.data.status === 'open' ? `open: ${issue.data.summary}` : archived ? 'resolved, solution archived' : 'resolved without an archived solution',
      file: issue.file,
      line: issue.lineOf(['status']),
    });
  }

  const checklist = (Object.keys(parts) as PartId[]).map((id): ChecklistPart => {
    const items = parts[id];
    const ok = items.filter((entry) => entry.status === 'ok').length;
    return { id, items, score: items.length === 0 ? 100 : Math.round((100 * ok) / items.length) };
  });
  const findings = checklist.flatMap((part) =>
    part.items.filter((entry) => entry.status !== 'ok' && entry.code).map((entry) => finding(entry.code!, { file: entry.file, line: entry.line }, entry.message)),
  );
  return { parts: checklist, findings };
}
