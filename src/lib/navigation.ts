import { labels } from './i18n.ts';
import type { HandoverPackage } from './package.ts';
import { docPath, routes } from './routes.ts';

export interface NavLink {
  label: string;
  link: string;
}
export interface NavGroup {
  label: string;
  items: (NavLink | NavGroup)[];
  collapsed?: boolean;
}

/**
 * The sidebar: procedures grouped by order type in handover.yaml's order,
 * then customizations, the registers and free pages.
 */
export function buildNavigation(pkg: HandoverPackage): NavGroup[] {
  const t = labels(pkg.meta?.data.locale);
  const orderTypes = pkg.meta?.data.orderTypes ?? [];
  const groups: NavGroup[] = [{ label: t('nav.start'), items: [{ label: t('nav.home'), link: routes.home }] }];
  const learning: (NavLink | NavGroup)[] = [{ label: t('nav.training'), link: routes.training }];
  const paths = pkg.meta?.data.learningPaths ?? [];
  if (paths.length > 0) learning.push({ label: t('nav.paths'), items: paths.map((path) => ({ label: path.title, link: routes.learningPath(path.id) })) });
  groups.push({ label: t('nav.learning'), items: learning });
  groups.push({
    label: t('nav.procedures'),
    items: orderTypes.map((type) => ({
      label: type.name,
      items: pkg.procedures.filter((p) => p.data.orderType === type.id).map((p) => ({ label: p.data.title, link: docPath(p.file) })),
    })),
  });
  if (pkg.customizations.length > 0) {
    groups.push({
      label: t('nav.customizations'),
      collapsed: true,
      items: [
        { label: t('nav.allCustomizations'), link: routes.customizations },
        ...pkg.customizations.map((c) => ({ label: c.requirement?.data.title ?? c.id, link: routes.customization(c.id) })),
      ],
    });
  }
  groups.push({
    label: t('nav.audit'),
    items: [
      { label: t('nav.approvals'), link: routes.approvals },
      { label: t('nav.compare'), link: routes.compare },
    ],
  });
  const registers: NavLink[] = [
    { label: t('nav.conflicts'), link: routes.conflicts },
    { label: t('nav.issues'), link: routes.issues },
  ];
  if (pkg.masterData.length > 0) registers.push({ label: t('nav.masterData'), link: routes.masterData });
  if (pkg.glossary.length > 0) registers.push({ label: t('nav.glossary'), link: routes.glossary });
  groups.push({ label: t('nav.registers'), items: registers });
  groups.push({
    label: t('nav.closeout'),
    items: [
      { label: t('nav.dashboard'), link: routes.closeout },
      { label: t('nav.handbook'), link: routes.handbook },
      { label: t('nav.signoff'), link: routes.signOff },
    ],
  });
  if (pkg.pages.length > 0) {
    groups.push({ label: t('nav.pages'), items: pkg.pages.map((page) => ({ label: page.data.title, link: docPath(page.file) })) });
  }
  return groups;
}
