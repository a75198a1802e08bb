import { finding, type Finding } from './findings.ts';
import type { HandoverPackage, Located } from './package.ts';

const isInternal = (item: { data: { audience?: 'public' | 'internal' } } | undefined) => item?.data.audience === 'internal';

/** The ids a public profile leaves out: internal procedures, and internal decks and quizzes as learning-path steps. */
function internalIds(pkg: HandoverPackage) {
  return {
    procedures: new Set(pkg.procedures.filter(isInternal).map((p) => p.id)),
    steps: new Set([...pkg.procedures.filter(isInternal).map((p) => p.id), ...pkg.decks.filter(isInternal).map((d) => `deck:${d.slug}`), ...pkg.quizzes.filter(isInternal).map((q) => `quiz:${q.slug}`)]),
  };
}

/** Each reference list of a public record, with where it is written. */
function publicReferenceLists(pkg: HandoverPackage): { record: Located<unknown>; field: string; ids: readonly string[] }[] {
  const lists: { record: Located<unknown>; field: string; ids: readonly string[] | undefined }[] = [
    ...pkg.decks.filter((d) => !isInternal(d)).map((record) => ({ record, field: 'covers', ids: record.data.covers })),
    ...pkg.quizzes.filter((q) => !isInternal(q)).map((record) => ({ record, field: 'covers', ids: record.data.covers })),
    ...pkg.conflicts.filter((c) => !isInternal(c)).map((record) => ({ record, field: 'procedures', ids: record.data.procedures })),
    ...pkg.issues.filter((i) => !isInternal(i)).map((record) => ({ record, field: 'procedures', ids: record.data.procedures })),
    ...pkg.customizations.flatMap((c) => (c.requirement && !isInternal(c.requirement) ? [{ record: c.requirement, field: 'procedures', ids: c.requirement.data.procedures }] : [])),
    ...pkg.procedures.filter((p) => !isInternal(p)).map((record) => ({ record, field: 'basedOn', ids: record.data.basedOn === undefined ? [] : [record.data.basedOn] })),
  ];
  return lists.filter((list): list is { record: Located<unknown>; field: string; ids: readonly string[] } => list.ids !== undefined);
}

/**
 * `internal-reference`: a public document or record naming an internal one.
 * The public portal leaves the reference out (see publishedReferences), so
 * the author learns that readers will not see it.
 */
export function checkInternalReferences(pkg: HandoverPackage): Finding[] {
  const internal = internalIds(pkg);
  const findings: Finding[] = [];
  for (const { record, field, ids } of publicReferenceLists(pkg)) {
    ids.forEach((id, index) => {
      if (!internal.procedures.has(id)) return;
      const path = field === 'basedOn' ? [field] : [field, index];
      findings.push(finding('internal-reference', { file: record.file, line: record.lineOf(path), field: [...record.path, ...path].join('.') }, { reason: 'procedure', id }));
    });
  }
  pkg.meta?.data.learningPaths?.forEach((learningPath, pathIndex) => {
    learningPath.steps.forEach((step, stepIndex) => {
      if (!internal.steps.has(step)) return;
      const path = ['learningPaths', pathIndex, 'steps', stepIndex];
      findings.push(finding('internal-reference', { file: pkg.meta!.file, line: pkg.meta!.lineOf(path), field: path.join('.') }, { reason: 'learning-path-step', step }));
    });
  });
  return findings;
}

/**
 * The public view of the references: every list of a published record
 * without the ids of internal documents, so no page, export, PDF or search
 * index of the public portal can print an internal id or title.
 */
export function publishedReferences(published: HandoverPackage, full: HandoverPackage): HandoverPackage {
  const internal = internalIds(full);
  const keep = (ids: readonly string[] | undefined) => ids?.filter((id) => !internal.procedures.has(id));
  const withList = <T extends { data: object }>(record: T, field: string, ids: readonly string[] | undefined): T => (ids === undefined ? record : { ...record, data: { ...record.data, [field]: keep(ids) } });
  const meta = published.meta && {
    ...published.meta,
    data: {
      ...published.meta.data,
      learningPaths: published.meta.data.learningPaths?.map((p) => ({ ...p, steps: p.steps.filter((step) => !internal.steps.has(step)) })),
    },
  };
  return {
    ...published,
    meta,
    decks: published.decks.map((d) => withList(d, 'covers', d.data.covers)),
    quizzes: published.quizzes.map((q) => withList(q, 'covers', q.data.covers)),
    conflicts: published.conflicts.map((c) => withList(c, 'procedures', c.data.procedures)),
    issues: published.issues.map((i) => withList(i, 'procedures', i.data.procedures)),
    customizations: published.customizations.map((c) => (c.requirement ? { ...c, requirement: withList(c.requirement, 'procedures', c.requirement.data.procedures) } : c)),
    procedures: published.procedures.map((p) => (p.data.basedOn !== undefined && internal.procedures.has(p.data.basedOn) ? { ...p, data: { ...p.data, basedOn: undefined } } : p)),
  };
}
