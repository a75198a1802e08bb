import { ladderPlace } from './approvals.ts';
import { finding, type AddressedName, type Finding, type LadderPlace, type RecordKind } from './findings.ts';
import type { HandoverPackage, Located } from './package.ts';
import type { FieldPath } from './source.ts';
import { isInherited } from './variants.ts';

/**
 * Cross-file rules: every id that is referenced must be declared, and every
 * declared id must be unique. These are what a reader would hit as a dead
 * link or a role shown without a name.
 */
export function checkReferences(pkg: HandoverPackage): Finding[] {
  const findings: Finding[] = [];
  // Ids declared by files that failed to load still count: their own findings say what is wrong with them.
  const roleIds = pkg.declared.roles;
  const orderTypeIds = new Set(pkg.meta?.data.orderTypes.map((type) => type.id));
  const procedureIds = pkg.declared.procedures;
  const deckSlugs = pkg.declared.decks;
  const quizSlugs = pkg.declared.quizzes;

  const at = (record: Located<unknown>, path: FieldPath, place?: LadderPlace) => ({ file: record.file, line: record.lineOf(path), field: [...record.path, ...path].join('.'), ...(place !== undefined && { place }) });
  const role = (record: Located<unknown>, path: FieldPath, id: string | undefined, place?: LadderPlace) => {
    // Without a readable roles.yaml every role would be "unknown"; that file's own finding says why.
    if (roleIds && id !== undefined && !roleIds.has(id)) {
      findings.push(finding('unknown-role', at(record, path, place), { role: id, known: roleIds }));
    }
  };
  const procedure = (record: Located<unknown>, path: FieldPath, id: string) => {
    if (!procedureIds.has(id)) {
      findings.push(finding('unknown-procedure', at(record, path), { kind: 'reference', id, known: procedureIds }));
    }
  };
  const procedureList = (record: Located<unknown>, field: string, ids: readonly string[] | undefined) =>
    ids?.forEach((id, index) => procedure(record, [field, index], id));

  // Order types are only checked when handover.yaml loaded; otherwise every procedure would be reported twice.
  if (pkg.meta) {
    unique(pkg.meta, ['orderTypes'], pkg.meta.data.orderTypes.map((type) => type.id), 'order-type', findings);
    unique(pkg.meta, ['learningPaths'], (pkg.meta.data.learningPaths ?? []).map((path) => path.id), 'learning-path', findings);
    pkg.meta.data.learningPaths?.forEach((learningPath, pathIndex) =>
      learningPath.steps.forEach((step, stepIndex) => {
        const path = ['learningPaths', pathIndex, 'steps', stepIndex];
        const target = step.startsWith('deck:') ? 'deck' : step.startsWith('quiz:') ? 'quiz' : 'procedure';
        const slug = target === 'procedure' ? step : step.slice(5);
        const known = target === 'deck' ? deckSlugs : target === 'quiz' ? quizSlugs : procedureIds;
        if (!known.has(slug)) findings.push(finding('unknown-procedure', at(pkg.meta!, path), { kind: 'learning-path-step', step, target, slug, known }));
      }),
    );
  }

  uniqueRecords(pkg.roles, (role) => role.id, 'role', findings);
  uniqueRecords(pkg.glossary, (entry) => entry.term.toLowerCase(), 'glossary-term', findings);
  uniqueRecords(pkg.conflicts, (conflict) => conflict.id, 'conflict', findings);
  uniqueRecords(pkg.issues, (issue) => issue.id, 'issue', findings);

  // Two procedure files differing only in case would get the same URL.
  const seenUrls = new Map<string, string>();
  for (const entry of pkg.procedures) {
    const url = entry.id.toLowerCase();
    const first = seenUrls.get(url);
    if (first) findings.push(finding('duplicate-id', { file: entry.file, line: 1 }, { reason: 'letter-case', id: entry.id, first }));
    else seenUrls.set(url, entry.id);
  }

  for (const entry of pkg.procedures) {
    const { data } = entry;
    const folder = entry.id.split('/')[0]!;
    if (data.orderType !== folder) {
      findings.push(finding('schema-invalid', at(entry, ['orderType']), { reason: 'order-type-folder', orderType: data.orderType, folder }));
    }
    if (pkg.meta && !orderTypeIds.has(data.orderType)) {
      findings.push(finding('unknown-order-type', at(entry, ['orderType']), { orderType: data.orderType, known: orderTypeIds }));
    }
    // What a variant inherits is checked where it is written, in its base.
    if (!isInherited(entry, 'owner')) role(entry, ['owner'], data.owner);
    if (data.basedOn !== undefined) {
      if (data.basedOn === entry.id) findings.push(finding('unknown-procedure', at(entry, ['basedOn']), { kind: 'self-based' }));
      else procedure(entry, ['basedOn'], data.basedOn);
    }
    if (!isInherited(entry, 'approvals')) data.approvals?.forEach((ladder, ladderIndex) => {
      const place = (path: FieldPath) => ladderPlace(ladder, ladderIndex, path);
      role(entry, ['approvals', ladderIndex, 'initiatedBy'], ladder.initiatedBy, place(['initiatedBy']));
      ladder.bands.forEach((band, bandIndex) => role(entry, ['approvals', ladderIndex, 'bands', bandIndex, 'approver'], band.approver, place(['bands', bandIndex, 'approver'])));
      ladder.conditions?.forEach((condition, conditionIndex) => role(entry, ['approvals', ladderIndex, 'conditions', conditionIndex, 'approver'], condition.approver, place(['conditions', conditionIndex, 'approver'])));
    });
  }

  for (const customization of pkg.customizations) {
    const { requirement, tests } = customization;
    if (requirement) {
      role(requirement, ['requestedBy'], requirement.data.requestedBy);
      procedureList(requirement, 'procedures', requirement.data.procedures);
    }
    if (tests) uniqueRecords(tests.records, (record) => record.id, 'test-record', findings);
  }
  for (const conflict of pkg.conflicts) {
    role(conflict, ['owner'], conflict.data.owner);
    procedureList(conflict, 'procedures', conflict.data.procedures);
  }
  for (const issue of pkg.issues) procedureList(issue, 'procedures', issue.data.procedures);
  for (const deck of pkg.decks) procedureList(deck, 'covers', deck.data.covers);
  for (const quiz of pkg.quizzes) procedureList(quiz, 'covers', quiz.data.covers);
  findings.push(...variantCycles(pkg), ...unaddressableNames(pkg));
  return findings;
}

/**
 * A variant inherits from its base, so variants that are each other's base
 * (directly or through a chain) have nothing to inherit from: each member of
 * the cycle is reported where its basedOn is written.
 */
function variantCycles(pkg: HandoverPackage): Finding[] {
  const byId = new Map(pkg.procedures.map((p) => [p.id, p]));
  const findings: Finding[] = [];
  for (const entry of pkg.procedures) {
    const chain = [entry.id];
    let next = entry.data.basedOn;
    while (next !== undefined && next !== entry.id && byId.has(next) && !chain.includes(next)) {
      chain.push(next);
      next = byId.get(next)!.data.basedOn;
    }
    if (next === entry.id && chain.length > 1) {
      findings.push(finding('schema-invalid', { file: entry.file, line: entry.lineOf(['basedOn']), field: 'basedOn' }, { reason: 'variant-cycle', cycle: [...chain, entry.id] }));
    }
  }
  return findings;
}

/** What a file or folder name must be to become one segment of a page address, the same in every link. */
const ADDRESS_SEGMENT = /^[\p{L}\p{N}_-]+$/u;

function unaddressableNames(pkg: HandoverPackage): Finding[] {
  const named: { name: string; file: string; what: AddressedName }[] = [
    ...pkg.procedures.flatMap((p) => p.id.split('/').map((name) => ({ name, file: p.file, what: 'procedure' as const }))),
    ...pkg.customizations.map((c) => ({ name: c.id, file: `customizations/${c.id}/`, what: 'customization' as const })),
    ...pkg.decks.map((d) => ({ name: d.slug, file: d.file, what: 'deck' as const })),
    ...pkg.quizzes.map((q) => ({ name: q.slug, file: q.file, what: 'quiz' as const })),
    ...pkg.pages.flatMap((p) => p.slug.split('/').map((name) => ({ name, file: p.file, what: 'page' as const }))),
  ];
  return named
    .filter(({ name }) => !ADDRESS_SEGMENT.test(name))
    .map(({ name, file, what }) => finding('schema-invalid', { file }, { reason: 'unaddressable-name', what, name }));
}

function uniqueRecords<T>(records: readonly Located<T>[], idOf: (data: T) => string, what: RecordKind, findings: Finding[]) {
  const seen = new Map<string, Located<T>>();
  for (const record of records) {
    const id = idOf(record.data);
    const first = seen.get(id);
    if (first) {
      findings.push(finding('duplicate-id', { file: record.file, line: record.lineOf(), field: undefined }, { reason: 'declared-twice', what, id, first: { line: first.lineOf() } }));
    } else seen.set(id, record);
  }
}

function unique(record: Located<unknown>, listPath: FieldPath, ids: readonly string[], what: RecordKind, findings: Finding[]) {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      const path = [...listPath, index, 'id'];
      findings.push(finding('duplicate-id', { file: record.file, line: record.lineOf(path), field: path.join('.') }, { reason: 'declared-twice', what, id }));
    }
    seen.add(id);
  });
}
