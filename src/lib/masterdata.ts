import { finding, type Finding, type FindingDetail } from './findings.ts';
import type { HandoverPackage, Located } from './package.ts';
import type { MasterDataRule } from '../schemas/index.ts';

/** More roles than this creating one kind of master data is creation opened to everyone. */
export const MAX_CREATING_ROLES = 3;

/** What a role may do with one kind of master data, for the matrix. */
export type MasterDataRight = 'owner' | 'create' | 'change' | 'approve';

/** The rights of each role on a rule, in the order the matrix shows them. */
export function rightsOf(rule: MasterDataRule, role: string): MasterDataRight[] {
  return (['owner', 'create', 'change', 'approve'] as const).filter((right) =>
    right === 'owner' ? rule.owner === role : right === 'approve' ? rule.approve === role : rule[right].includes(role),
  );
}

/**
 * The rules of masterdata.yaml checked against the roles and procedures,
 * and for the two ways master data goes bad: creation opened to too many
 * or to the least senior roles (`masterdata-open-create`), and creation by
 * others than the owner without a duplicate check (`masterdata-no-duplicate-check`).
 */
export function checkMasterData(pkg: HandoverPackage): Finding[] {
  const findings: Finding[] = [];
  const roleIds = pkg.declared.roles;
  const lowestRank = Math.min(...pkg.roles.map((role) => role.data.rank));
  const lowest = new Set(pkg.roles.filter((role) => role.data.rank === lowestRank).map((role) => role.data.id));
  const at = (rule: Located<MasterDataRule>, path: (string | number)[]) => ({ file: rule.file, line: rule.lineOf(path), field: [...rule.path, ...path].join('.') });
  const seen = new Map<string, Located<MasterDataRule>>();
  for (const rule of pkg.masterData) {
    const { data } = rule;
    if (seen.has(data.id)) findings.push(finding('duplicate-id', at(rule, ['id']), { reason: 'declared-twice', what: 'master-data-rule', id: data.id }));
    seen.set(data.id, rule);
    const role = (path: (string | number)[], id: string | undefined) => {
      if (roleIds && id !== undefined && !roleIds.has(id)) findings.push(finding('unknown-role', at(rule, path), { role: id, known: roleIds }));
    };
    role(['owner'], data.owner);
    data.create.forEach((id, index) => role(['create', index], id));
    data.change.forEach((id, index) => role(['change', index], id));
    role(['approve'], data.approve);
    data.procedures?.forEach((id, index) => {
      if (!pkg.declared.procedures.has(id)) findings.push(finding('unknown-procedure', at(rule, ['procedures', index]), { kind: 'reference', id, known: pkg.declared.procedures }));
    });
    const junior = data.create.filter((id) => lowest.has(id) && pkg.roles.length > 1);
    if (data.create.length > MAX_CREATING_ROLES || junior.length > 0) {
      const detail: FindingDetail<'masterdata-open-create'> = data.create.length > MAX_CREATING_ROLES ? { reason: 'too-many-roles', entity: data.entity, count: data.create.length } : { reason: 'least-senior', entity: data.entity, roles: junior };
      findings.push(finding('masterdata-open-create', at(rule, ['create']), detail));
    }
    if (data.create.some((id) => id !== data.owner) && data.duplicateCheck === undefined) {
      findings.push(finding('masterdata-no-duplicate-check', at(rule, ['create']), { entity: data.entity, owner: data.owner }));
    }
  }
  return findings;
}
