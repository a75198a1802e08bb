import type { HandoverPackage, ProcedureEntry } from './package.ts';
import { procedureContext } from './traceability.ts';

/**
 * The sections the portal adds to a procedure page below the author's body,
 * in page order, each with the anchor of its heading. The components render
 * a section exactly when it is listed here and the route middleware puts the
 * same list into "On this page", so the two cannot disagree.
 */
export type GeneratedSection = 'inherited-steps' | 'approval-authority' | 'differences-from-base' | 'ho-customizations' | 'ho-conflicts' | 'ho-known-issues' | 'revision-history';

/** The published base of a variant; undefined when it has none, or the profile does not publish it. */
export function publishedBase(pkg: HandoverPackage, procedure: ProcedureEntry): ProcedureEntry | undefined {
  const base = procedure.data.basedOn ? pkg.procedures.find((p) => p.id === procedure.data.basedOn) : undefined;
  return base === procedure ? undefined : base;
}

export function generatedSections(pkg: HandoverPackage, procedure: ProcedureEntry): GeneratedSection[] {
  const context = procedureContext(pkg, procedure.id);
  const present: [GeneratedSection, boolean][] = [
    ['inherited-steps', procedure.inheritance.steps !== undefined && (procedure.steps?.length ?? 0) > 0],
    ['approval-authority', (procedure.data.approvals?.length ?? 0) > 0],
    ['differences-from-base', publishedBase(pkg, procedure) !== undefined],
    ['ho-customizations', context.customizations.length > 0],
    ['ho-conflicts', context.conflicts.length > 0],
    ['ho-known-issues', context.issues.length > 0],
    ['revision-history', (procedure.data.revisions?.length ?? 0) > 0],
  ];
  return present.filter(([, shown]) => shown).map(([section]) => section);
}
