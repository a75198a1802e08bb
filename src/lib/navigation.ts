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
  const registers: NavLink[] = [
    { label: t('nav.conflicts'), link: routes.conflicts },
    { label: t('nav.issues'), link: routes.issues },
  ];
  if (pkg.glossary.length > 0) registers.push({ label: t('nav.glossary'), link: routes.glossary });
  groups.push({ label: t('nav.registers'), items: registers });
  if (pkg.pages.length > 0) {
    groups.push({ label: t('nav.pages'), items: pkg.pages.map((page) => ({ label: page.data.title, link: docPath(page.file) })) });
  }
  return groups;
}
