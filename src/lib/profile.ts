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
  return {
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
}

/** Every MDX/Markdown file of the package that a profile may publish, by package-relative path. */
export function publishedDocuments(pkg: HandoverPackage): Set<string> {
  return new Set([
    ...pkg.procedures.map((p) => p.file),
    ...pkg.customizations.flatMap((c) => [c.requirement?.file, c.implementation?.file]).filter((file) => file !== undefined),
    ...pkg.pages.map((p) => p.file),
  ]);
}
