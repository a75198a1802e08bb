import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeHtml } from '../lib/html.ts';
import { labels, translator } from '../lib/i18n.ts';
import { approvalLabels, fill, stepHeadingWords } from '../lib/i18n/approvals.ts';
import { closeoutLabels } from '../lib/i18n/closeout.ts';
import { generatedSections, publishedBase, type GeneratedSection } from '../lib/procedure-sections.ts';
import { docPath } from '../lib/routes.ts';
import { getSiteData } from './site-data.ts';

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight writes the <title> element's content as raw HTML. Our titles come from the
  // package's YAML, so markup in them must be escaped here, or a title containing
  // "</title><script>" would run in every reader's browser.
  for (const entry of route.head) {
    if (entry.tag === 'title' && typeof entry.content === 'string') entry.content = escapeHtml(entry.content);
  }

  // "On this page" lists the headings of the author's body only; the sections the portal
  // adds below it (approval authority, differences, revision history ...) are added here.
  if (!route.toc) return;
  const { pkg, locale } = await getSiteData();
  const path = `/${route.id}/`.replace(/\/+$/, '/');
  const procedure = pkg.procedures.find((p) => docPath(p.file) === path);
  if (!procedure) return;
  const t = labels(locale);
  const approvals = translator(approvalLabels, locale);
  const closeout = translator(closeoutLabels, locale);
  const headings: Record<GeneratedSection, () => string> = {
    'inherited-steps': () => stepHeadingWords[locale][0]!,
    'approval-authority': () => t('approvals.heading'),
    'differences-from-base': () => fill(approvals('diff.heading'), { base: publishedBase(pkg, procedure)!.data.title }),
    'ho-customizations': () => closeout('context.customizations'),
    'ho-conflicts': () => closeout('context.conflicts'),
    'ho-known-issues': () => closeout('context.issues'),
    'revision-history': () => t('revisions.heading'),
  };
  for (const section of generatedSections(pkg, procedure)) {
    route.toc.items.push({ depth: 2, slug: section, text: headings[section](), children: [] });
  }
});
