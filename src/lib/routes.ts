/**
 * Addresses of the portal's pages, in one place so links, the sidebar and
 * the link checker agree. Documents keep the path of their file.
 */

/** The page address of an MDX document: `procedures/standard/order.mdx` → `/procedures/standard/order/`. */
export function docPath(file: string): string {
  return `/${file.replace(/\.mdx?$/, '').split('/').map(slugSegment).join('/')}/`;
}

/** Lower-case, as Astro's glob loader slugs ids, so our links match its routes. */
function slugSegment(segment: string): string {
  return segment.toLowerCase().replace(/[^\p{L}\p{N}_-]+/gu, '-');
}

export const routes = {
  home: '/',
  customizations: '/customizations/',
  customization: (id: string) => `/customizations/${slugSegment(id)}/`,
  conflicts: '/conflicts/',
  issues: '/issues/',
  masterData: '/master-data/',
  glossary: '/glossary/',
  procedure: (id: string) => docPath(`procedures/${id}.mdx`),
  approvals: '/approvals/',
  compare: '/approvals/compare/',
  training: '/training/',
  deck: (slug: string) => `/decks/${slugSegment(slug)}/`,
  quiz: (slug: string) => `/quizzes/${slugSegment(slug)}/`,
  learningPath: (id: string) => `/paths/${slugSegment(id)}/`,
  closeout: '/closeout/',
  signOff: '/closeout/sign-off/',
  handbook: '/handbook/',
  /** An evidence file of the issue log, published under its package path. */
  evidence: (path: string) => `/issues/evidence/${path.split('/').map(encodeURIComponent).join('/')}`,
};
