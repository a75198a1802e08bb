import type { HandoverPackage } from './package.ts';

/** A role's display name; the id itself when the role is unknown (check reports that). */
export function roleName(pkg: HandoverPackage, id: string): string {
  return pkg.roles.find((role) => role.data.id === id)?.data.name ?? id;
}
