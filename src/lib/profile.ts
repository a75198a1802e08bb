import { publishedReferences } from './internal-references.ts';
import type { HandoverPackage } from './package.ts';

export type Profile = 'public' | 'internal';

const isPublic = (item: { data: { audience: 'public' | 'internal' } }) => item.data.audience !== 'internal';

/**
 * The package as one build profile may show it. The public profile drops
 * everything marked `audience: internal`; a customization whose requirement
 * is internal is internal as a whole.
 */
export function applyProfile(pkg: HandoverPackage, profile: Profile): HandoverPackage {
  if (profile === 'internal') return pkg;
  const published: HandoverPackage = {
    ...pkg,
    procedures: pkg.procedures.filter(isPublic),
    customizations: pkg.customizations
      .filter((c) => !c.requirement || isPublic(c.requirement))
      .map((c) => ({
        ...c,
        implementation: c.implementation && isPublic(c.implementation) ? c.implementation : undefined,
        tests: c.tests && { ...c.tests, records: c.tests.records.filter(isPublic) },
      })),
    conflicts: pkg.conflicts.filter(isPublic),
    issues: pkg.issues.filter(isPublic),
    decks: pkg.decks.filter(isPublic),
    quizzes: pkg.quizzes.filter(isPublic),
    pages: pkg.pages.filter(isPublic),
  };
  return publishedReferences(published, pkg);
}

/** Every MDX/Markdown file of the package that a profile may publish, by package-relative path. */
export function publishedDocuments(pkg: HandoverPackage): Set<string> {
  return new Set([
    ...pkg.procedures.map((p) => p.file),
    ...pkg.customizations.flatMap((c) => [c.requirement?.file, c.implementation?.file]).filter((file) => file !== undefined),
    ...pkg.pages.map((p) => p.file),
  ]);
}

/**
 * The lines of a file that hold internal content: whole internal documents
 * (and whole customizations whose requirement is internal), and the line
 * spans of internal records in list files.
 */
function internalSpans(pkg: HandoverPackage): { files: Set<string>; records: { file: string; from: number; to: number }[] } {
  const files = new Set<string>();
  const internalDoc = (doc: { file: string; data: { audience: string } } | undefined) => doc?.data.audience === 'internal';
  for (const doc of [...pkg.procedures, ...pkg.decks, ...pkg.quizzes, ...pkg.pages]) if (internalDoc(doc)) files.add(doc.file);
  for (const c of pkg.customizations) {
    if (internalDoc(c.requirement)) {
      for (const name of c.files) files.add(`customizations/${c.id}/${name}`);
      // Findings about a file the folder lacks (no tests.yaml) name that file or the folder.
      for (const name of ['', 'requirement.mdx', 'implementation.mdx', 'tests.yaml', 'tests.yml']) files.add(`customizations/${c.id}/${name}`);
    }
    if (internalDoc(c.implementation)) files.add(c.implementation!.file);
  }
  const records: { file: string; from: number; to: number }[] = [];
  const lists = [pkg.conflicts, pkg.issues, ...pkg.customizations.map((c) => c.tests?.records ?? [])];
  for (const list of lists) {
    list.forEach((record, index) => {
      if (record.data.audience !== 'internal') return;
      const from = record.lineOf() ?? 0;
      const next = list[index + 1]?.lineOf();
      records.push({ file: record.file, from, to: next !== undefined ? next - 1 : Infinity });
    });
  }
  return { files, records };
}

/**
 * Whether a finding is about internal content, so the public profile can
 * leave it out of what it publishes (check.json, the closeout page): its
 * message may quote an internal title or test case.
 */
export function isInternalFinding(pkg: HandoverPackage): (where: { file: string; line?: number }) => boolean {
  const spans = internalSpans(pkg);
  return ({ file, line }) =>
    spans.files.has(file) || (line !== undefined && spans.records.some((span) => span.file === file && line >= span.from && line <= span.to));
}
