import type { HandoverPackage, ProcedureEntry } from './package.ts';
import { procedureSteps } from './procedure-steps.ts';

/**
 * Variants (`basedOn`): a variant inherits from its base whatever it does
 * not state itself, the way the README's authoring guide describes, so a
 * backorder written as "the standard order, except ..." keeps the standard
 * order's approval ladders, owner, criticality and steps. Chains inherit
 * through every link; the nearest procedure that states a field wins.
 */

/** The fields a variant may leave to its base. */
export const INHERITABLE_FIELDS = ['owner', 'criticality', 'approvals'] as const;
export type InheritableField = (typeof INHERITABLE_FIELDS)[number] | 'steps';

/** For each field a procedure inherits, the id of the procedure that states it. */
export type Inheritance = Partial<Record<InheritableField, string>>;

/** The base's validated data a variant's frontmatter lacks, and where each field really comes from. */
export interface InheritedFields {
  fields: Partial<Record<(typeof INHERITABLE_FIELDS)[number], unknown>>;
  inheritance: Inheritance;
}

/**
 * What a variant's raw frontmatter takes from its (already loaded) base:
 * every inheritable field the variant leaves out. The result is merged into
 * the frontmatter before it is validated, so the variant's record is as
 * complete as any other and every page reads it the same way.
 */
export function inheritedFields(frontmatter: Record<string, unknown>, base: ProcedureEntry): InheritedFields {
  const fields: InheritedFields['fields'] = {};
  const inheritance: Inheritance = {};
  for (const field of INHERITABLE_FIELDS) {
    if (frontmatter[field] !== undefined || base.data[field] === undefined) continue;
    fields[field] = base.data[field];
    inheritance[field] = base.inheritance[field] ?? base.id;
  }
  return { fields, inheritance };
}

/**
 * The steps a procedure follows: its own Steps list, or, for a variant
 * without one, its base's (marked as inherited from the procedure that
 * writes them). Undefined when neither has a Steps section.
 */
export function stepsOf(body: string, base: ProcedureEntry | undefined): { steps?: string[]; from?: string } {
  const own = procedureSteps(body);
  if (own !== undefined || !base?.steps) return { steps: own };
  return { steps: base.steps, from: base.inheritance.steps ?? base.id };
}

/** Whether a field of a procedure is taken from another one. */
export function isInherited(procedure: Pick<ProcedureEntry, 'inheritance'>, field: InheritableField): boolean {
  return procedure.inheritance[field] !== undefined;
}

/**
 * Where a procedure's field comes from, as the published package knows it:
 * undefined when the procedure states the field itself; `{ id }` with the
 * source procedure when that is published, without it when the profile
 * leaves it out (its id is then not for the reader).
 */
export function inheritedSource(pkg: Pick<HandoverPackage, 'procedures'>, procedure: Pick<ProcedureEntry, 'inheritance'>, field: InheritableField): { id: string; source?: ProcedureEntry } | undefined {
  const id = procedure.inheritance[field];
  if (id === undefined) return undefined;
  return { id, source: pkg.procedures.find((p) => p.id === id) };
}
