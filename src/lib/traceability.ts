import type { Conflict, Issue } from '../schemas/index.ts';
import { isCheckOverdue, isUnexcusedFailure, type ItemSubject } from './completeness.ts';
import type { CustomizationEntry, HandoverPackage, Located } from './package.ts';
import { routes } from './routes.ts';

/**
 * Traceability of customizations and the registers: what ties a requirement
 * to its implementation, tests, limitations and procedures, and which
 * customizations, conflicts and issues touch a given procedure.
 */

export interface TestCounts {
  pass: number;
  fail: number;
  blocked: number;
  /** Ids of failed records with neither a usage limitation nor a waiver. */
  unexcused: string[];
}

/** One row of the traceability table: requirement → implementation → tests → limitations → procedures. */
export interface TraceabilityRow {
  customization: CustomizationEntry;
  title: string;
  tests: TestCounts;
  /** The requirement's limitations, then those recorded with test results, each once. */
  limitations: string[];
  /** Procedure ids the requirement names. */
  procedures: string[];
}

/** Pass, fail and blocked counts of a customization's test records. */
export function testCounts(customization: CustomizationEntry): TestCounts {
  const records = customization.tests?.records.map((record) => record.data) ?? [];
  const count = (result: string) => records.filter((record) => record.result === result).length;
  return { pass: count('pass'), fail: count('fail'), blocked: count('blocked'), unexcused: records.filter(isUnexcusedFailure).map((record) => record.id) };
}

/** Every usage limitation of a customization: the requirement's, then those its test results imply. */
export function limitationsOf(customization: CustomizationEntry): string[] {
  const all = [...(customization.requirement?.data.limitations ?? []), ...(customization.tests?.records.flatMap((record) => record.data.limitations ?? []) ?? [])];
  return [...new Set(all)];
}

/** One row per customization, in the package's order. */
export function traceabilityRows(pkg: HandoverPackage): TraceabilityRow[] {
  return pkg.customizations.map((customization) => ({
    customization,
    title: customization.requirement?.data.title ?? customization.id,
    tests: testCounts(customization),
    limitations: limitationsOf(customization),
    procedures: customization.requirement?.data.procedures ?? [],
  }));
}

/** What touches one procedure: the customizations that change it, the conflicts and the known issues that concern it. */
export interface ProcedureContext {
  customizations: { customization: CustomizationEntry; title: string; limitations: string[] }[];
  conflicts: Located<Conflict>[];
  issues: Located<Issue>[];
}

export function procedureContext(pkg: HandoverPackage, procedureId: string): ProcedureContext {
  const concerns = (ids: readonly string[] | undefined) => ids?.includes(procedureId) ?? false;
  return {
    customizations: traceabilityRows(pkg)
      .filter((row) => concerns(row.procedures))
      .map(({ customization, title, limitations }) => ({ customization, title, limitations })),
    conflicts: pkg.conflicts.filter((conflict) => concerns(conflict.data.procedures)),
    issues: pkg.issues.filter((issue) => concerns(issue.data.procedures)),
  };
}

/** The anchor of a register record (conflict, issue) on its register page: its id in lower case. */
export function recordAnchor(id: string): string {
  return id.toLowerCase();
}

/** The anchor of a test record in a customization's test table. */
export function testAnchor(testId: string): string {
  return `test-${testId.toLowerCase()}`;
}

export const recordHref = {
  conflict: (id: string) => `${routes.conflicts}#${recordAnchor(id)}`,
  issue: (id: string) => `${routes.issues}#${recordAnchor(id)}`,
  test: (customizationId: string, testId: string) => `${routes.customization(customizationId)}#${testAnchor(testId)}`,
};

export interface CheckTimelineEntry {
  due: Date;
  done?: Date;
  finding?: string;
  overdue: boolean;
  /** Whole days past due, for overdue checks. */
  daysOverdue: number;
}

/** A conflict's follow-up checks by due date, each marked overdue exactly as `handover check` judges it. */
export function checkTimeline(conflict: Conflict, today: Date): CheckTimelineEntry[] {
  return [...(conflict.checks ?? [])]
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .map((check) => {
      const overdue = isCheckOverdue(check, today);
      return { ...check, overdue, daysOverdue: overdue ? daysBetween(check.due, today) : 0 };
    });
}

/** The first check not yet done, which is what the owner must do next. */
export function nextCheck(conflict: Conflict, today: Date): CheckTimelineEntry | undefined {
  return checkTimeline(conflict, today).find((check) => check.done === undefined);
}

/** Whole calendar days from `from` to `to` (UTC dates). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/**
 * The page that shows a checklist item's subject in a build that publishes
 * `pkg`; undefined when the subject has no page (an order type) or the
 * build's profile leaves it out.
 */
export function subjectHref(subject: ItemSubject, pkg: HandoverPackage): string | undefined {
  switch (subject.kind) {
    case 'order-type':
      return undefined;
    case 'procedure':
      return pkg.procedures.some((procedure) => procedure.id === subject.id) ? routes.procedure(subject.id) : undefined;
    case 'customization':
      return pkg.customizations.some((customization) => customization.id === subject.id) ? routes.customization(subject.id) : undefined;
    case 'test': {
      const customization = pkg.customizations.find((c) => c.id === subject.customization);
      return customization?.tests?.records.some((record) => record.data.id === subject.id) ? recordHref.test(subject.customization, subject.id) : undefined;
    }
    case 'conflict':
      return pkg.conflicts.some((conflict) => conflict.data.id === subject.id) ? recordHref.conflict(subject.id) : undefined;
    case 'issue':
      return pkg.issues.some((issue) => issue.data.id === subject.id) ? recordHref.issue(subject.id) : undefined;
  }
}

