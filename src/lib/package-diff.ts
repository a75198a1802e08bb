import { compareLadders, type LadderDifference } from './comparison.ts';
import { formatDate } from './dates.ts';
import { finding, type Finding } from './findings.ts';
import type { HandoverPackage, Located, ProcedureEntry } from './package.ts';
import { isInherited } from './variants.ts';

/**
 * What changed between two versions of a package (`handover diff`, and the
 * portal's "Changes since" the baseline): the auditor's question is which
 * approval limits changed since the version that was signed off, and by
 * which revision. Procedures, ladders and register records are matched by
 * id, so a moved or reworded record is a change, not a removal and an addition.
 */

export interface ProcedureChange {
  id: string;
  title: string;
  oldVersion: string;
  newVersion: string;
  /** Which parts of the file differ. */
  frontmatterChanged: boolean;
  bodyChanged: boolean;
  /** Revision entries of the new version that the old one does not have: who changed what, in the author's words. */
  revisions: { version: string; date: string; summary: string }[];
}

export interface LadderChange {
  procedure: string;
  procedureTitle: string;
  /** The action in the new version (the old one for a removed ladder). */
  action: string;
  unit: string;
  difference: LadderDifference;
}

export interface RecordChange {
  id: string;
  title: string;
  kind: 'added' | 'removed' | 'closed' | 'reopened';
}

export interface PackageDiff {
  procedures: {
    added: { id: string; title: string; version: string }[];
    removed: { id: string; title: string; version: string }[];
    changed: ProcedureChange[];
  };
  /** Every ladder that was added, removed or changed, band by band. */
  ladders: LadderChange[];
  registers: { conflicts: RecordChange[]; issues: RecordChange[]; customizations: RecordChange[] };
  /** `version-not-bumped`, in the new package's files. */
  findings: Finding[];
}

/** The text of a document without its body: its frontmatter block as written. */
const frontmatterOf = (procedure: ProcedureEntry) => procedure.raw.slice(0, procedure.raw.length - procedure.body.length);

export function diffPackages(before: HandoverPackage, after: HandoverPackage, locale = 'en'): PackageDiff {
  const oldById = new Map(before.procedures.map((p) => [p.id, p]));
  const newById = new Map(after.procedures.map((p) => [p.id, p]));
  const summary = (p: ProcedureEntry) => ({ id: p.id, title: p.data.title, version: p.data.version });
  const changed: ProcedureChange[] = [];
  const findings: Finding[] = [];
  for (const next of after.procedures) {
    const previous = oldById.get(next.id);
    if (!previous) continue;
    const frontmatterChanged = frontmatterOf(previous).trim() !== frontmatterOf(next).trim();
    const bodyChanged = previous.body.trim() !== next.body.trim();
    if (!frontmatterChanged && !bodyChanged) continue;
    const known = new Set((previous.data.revisions ?? []).map((r) => r.version));
    changed.push({
      id: next.id,
      title: next.data.title,
      oldVersion: previous.data.version,
      newVersion: next.data.version,
      frontmatterChanged,
      bodyChanged,
      revisions: (next.data.revisions ?? []).filter((r) => !known.has(r.version)).map((r) => ({ version: r.version, date: formatDate(r.date), summary: r.summary })),
    });
    if (previous.data.version === next.data.version) {
      findings.push(finding('version-not-bumped', { file: next.file, line: next.lineOf(['version']), field: 'version' }, { frontmatter: frontmatterChanged, body: bodyChanged, version: next.data.version }));
    }
  }

  // Ladders as each procedure writes them: an inherited ladder changes where it is written.
  const ownLadders = (p: ProcedureEntry | undefined) => (p && !isInherited(p, 'approvals') ? (p.data.approvals ?? []) : []);
  const ladders = [...new Set([...oldById.keys(), ...newById.keys()])].flatMap((id) => {
    const previous = oldById.get(id);
    const next = newById.get(id);
    const shown = (next ?? previous)!;
    return compareLadders(ownLadders(previous), ownLadders(next), locale)
      .filter((difference) => difference.kind !== 'same')
      .map((difference) => {
        const ladder = (difference.variant ?? difference.base)!;
        return { procedure: id, procedureTitle: shown.data.title, action: ladder.action, unit: ladder.unit, difference };
      });
  });

  return {
    procedures: {
      added: after.procedures.filter((p) => !oldById.has(p.id)).map(summary),
      removed: before.procedures.filter((p) => !newById.has(p.id)).map(summary),
      changed,
    },
    ladders,
    registers: {
      conflicts: recordChanges(before.conflicts, after.conflicts, (c) => c.title),
      issues: recordChanges(before.issues, after.issues, (i) => i.summary),
      customizations: recordChanges(
        before.customizations.map((c) => ({ data: { id: c.id, title: c.requirement?.data.title ?? c.id, status: c.requirement?.data.status ?? '' } })),
        after.customizations.map((c) => ({ data: { id: c.id, title: c.requirement?.data.title ?? c.id, status: c.requirement?.data.status ?? '' } })),
        (c) => c.title,
      ),
    },
    findings,
  };
}

/** Register records added, removed, closed (now resolved or delivered) or reopened. */
function recordChanges<T extends { id: string; status: string }>(before: readonly Pick<Located<T>, 'data'>[], after: readonly Pick<Located<T>, 'data'>[], titleOf: (data: T) => string): RecordChange[] {
  const closedStatus = (status: string) => status === 'resolved' || status === 'delivered' || status === 'rejected';
  const oldById = new Map(before.map((r) => [r.data.id, r.data]));
  const newIds = new Set(after.map((r) => r.data.id));
  const changes: RecordChange[] = [];
  for (const { data } of after) {
    const previous = oldById.get(data.id);
    if (!previous) changes.push({ id: data.id, title: titleOf(data), kind: 'added' });
    else if (!closedStatus(previous.status) && closedStatus(data.status)) changes.push({ id: data.id, title: titleOf(data), kind: 'closed' });
    else if (closedStatus(previous.status) && !closedStatus(data.status)) changes.push({ id: data.id, title: titleOf(data), kind: 'reopened' });
  }
  for (const { data } of before) if (!newIds.has(data.id)) changes.push({ id: data.id, title: titleOf(data), kind: 'removed' });
  return changes;
}

/** Whether anything at all changed. */
export function isEmptyDiff(diff: PackageDiff): boolean {
  const { procedures, ladders, registers } = diff;
  return [procedures.added, procedures.removed, procedures.changed, ladders, registers.conflicts, registers.issues, registers.customizations].every((list) => list.length === 0);
}
