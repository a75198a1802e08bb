import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/lib/package.ts';
import { checkReferences } from '../../src/lib/references.ts';
import { suggest } from '../../src/lib/suggest.ts';
import { MINIMAL_PACKAGE, filesOf } from '../support/package.ts';

const base = {
  'handover.yaml': MINIMAL_PACKAGE['handover.yaml'],
  'roles.yaml': '- id: rep\n  name: Rep\n  rank: 1\n- id: boss\n  name: Boss\n  rank: 2\n',
};
const procedure = (extra: string) =>
  `---\ntitle: P\norderType: standard\nowner: rep\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\ncriticality: standard\n${extra}---\nBody\n`;

describe('checkReferences', () => {
  it('accepts a consistent package', () => {
    const { pkg } = loadPackage(filesOf({ ...base, 'procedures/standard/order.mdx': procedure('') }));
    expect(checkReferences(pkg)).toEqual([]);
  });

  it('reports an unknown approver at its line, with a suggestion', () => {
    const files = filesOf({
      ...base,
      'procedures/standard/order.mdx': procedure('approvals:\n  - action: A\n    metric: m\n    unit: EUR\n    bands:\n      - approver: bos\n'),
    });
    const findings = checkReferences(loadPackage(files).pkg);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'unknown-role', file: 'procedures/standard/order.mdx', line: 14, field: 'approvals.0.bands.0.approver' });
    expect(findings[0]!.message).toBe('role "bos" is not declared in roles.yaml; did you mean "boss"?');
  });

  it('reports a basedOn that points nowhere and an orderType that does not match its folder', () => {
    const files = filesOf({ ...base, 'procedures/standard/order.mdx': procedure('basedOn: standard/nothing\n').replace('orderType: standard', 'orderType: sample') });
    const codes = checkReferences(loadPackage(files).pkg).map((f) => f.code);
    expect(codes.sort()).toEqual(['schema-invalid', 'unknown-order-type', 'unknown-procedure']);
  });
});

describe('suggest', () => {
  it('offers a near miss only', () => {
    expect(suggest('sales-manger', new Set(['sales-manager', 'general-manager']))).toBe('; did you mean "sales-manager"?');
    expect(suggest('cfo', new Set(['sales-manager']))).toBe('');
  });
});
