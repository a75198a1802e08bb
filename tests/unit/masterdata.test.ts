import { describe, expect, it } from 'vitest';
import { checkMasterData, rightsOf } from '../../src/lib/masterdata.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { MINIMAL_PACKAGE, filesOf } from '../support/package.ts';

const roles = '- id: clerk\n  name: Clerk\n  rank: 1\n- id: desk\n  name: Order desk\n  rank: 2\n- id: finance\n  name: Finance\n  rank: 3\n- id: boss\n  name: Boss\n  rank: 4\n';
const check = (rules: string) => {
  const { pkg, findings } = loadPackage(filesOf({ ...MINIMAL_PACKAGE, 'roles.yaml': roles, 'masterdata.yaml': rules }));
  expect(findings).toEqual([]);
  return checkMasterData(pkg).map((f) => `${f.code}@${f.line}${f.field ? ` ${f.field}` : ''}`);
};

describe('checkMasterData', () => {
  it('accepts creation by the owner alone, or by a few senior roles with a duplicate check', () => {
    expect(check('- id: MD-1\n  entity: Payment terms\n  owner: finance\n  create: [finance]\n  change: [finance]\n')).toEqual([]);
    expect(check('- id: MD-1\n  entity: Customers\n  owner: desk\n  create: [desk, finance]\n  change: [desk]\n  duplicateCheck: By VAT number\n')).toEqual([]);
  });

  it('warns when the least senior role or more than three roles may create, the classic payment-term failure', () => {
    expect(check('- id: MD-1\n  entity: Payment terms\n  owner: finance\n  create: [finance, clerk]\n  change: [finance]\n  duplicateCheck: Compare with active terms\n')).toEqual(['masterdata-open-create@4 0.create']);
    expect(check('- id: MD-1\n  entity: Items\n  owner: boss\n  create: [boss, finance, desk, boss]\n  change: [boss]\n  duplicateCheck: By model\n')).toEqual(['masterdata-open-create@4 0.create']);
  });

  it('warns when others than the owner create without a duplicate check', () => {
    expect(check('- id: MD-1\n  entity: Customers\n  owner: desk\n  create: [desk, finance]\n  change: [desk]\n')).toEqual(['masterdata-no-duplicate-check@4 0.create']);
  });

  it('checks roles, procedures and ids like every other record', () => {
    expect(check('- id: MD-1\n  entity: A\n  owner: nobody\n  create: [finance]\n  change: [finance]\n  procedures: [standard/none]\n- id: MD-1\n  entity: B\n  owner: finance\n  create: [finance]\n  change: [finance]\n')).toEqual([
      'unknown-role@3 0.owner',
      'unknown-procedure@6 0.procedures.0',
      // Finance creates, and the owner is another (unknown) role: no duplicate check is a finding too.
      'masterdata-no-duplicate-check@4 0.create',
      'duplicate-id@7 1.id',
    ]);
  });
});

describe('rightsOf', () => {
  it('lists what a role may do with a kind of master data', () => {
    const rule = { id: 'MD-1', entity: 'E', owner: 'finance', create: ['finance', 'desk'], change: ['finance'], approve: 'boss' };
    expect(rightsOf(rule, 'finance')).toEqual(['owner', 'create', 'change']);
    expect(rightsOf(rule, 'desk')).toEqual(['create']);
    expect(rightsOf(rule, 'boss')).toEqual(['approve']);
    expect(rightsOf(rule, 'clerk')).toEqual([]);
  });
});
