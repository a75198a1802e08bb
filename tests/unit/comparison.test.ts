import { describe, expect, it } from 'vitest';
import { compareLadders, compareOrderTypes, compareProcedures, compareSteps } from '../../src/lib/comparison.ts';
import { loadPackage } from '../../src/lib/package.ts';
import type { WordChange } from '../../src/lib/text-diff.ts';
import type { ApprovalLadder } from '../../src/schemas/index.ts';
import { checkDir, filesOf, sampleDir } from '../support/package.ts';

/** A diff as text: [-deleted-] and {+inserted+}. */
const show = (changes: WordChange[]) => changes.map((c) => (c.kind === 'same' ? c.text : c.kind === 'added' ? `{+${c.text}+}` : `[-${c.text}-]`)).join('');

describe('compareSteps', () => {
  const base = [
    'Customer service receives the purchase order by e-mail.',
    'Customer service creates the sales order from the quote.',
    'The system runs the credit check on approval.',
    'Customer service sends the order confirmation to the customer.',
  ];

  it('shows an inserted step as added instead of shifting every later step', () => {
    const variant = [base[0]!, base[1]!, 'Engineering reviews the feasibility of the new product within five days.', base[2]!, base[3]!];
    expect(compareSteps(base, variant).map((d) => [d.kind, d.base?.number, d.variant?.number])).toEqual([
      ['same', 1, 1],
      ['same', 2, 2],
      ['added', undefined, 3],
      ['same', 3, 4],
      ['same', 4, 5],
    ]);
  });

  it('finds removed and reworded steps, with the wording change', () => {
    const variant = [base[0]!, 'Customer service creates the sample order from the sample request.', base[3]!];
    const differences = compareSteps(base, variant);
    expect(differences.map((d) => d.kind)).toEqual(['same', 'changed', 'removed', 'same']);
    expect(show(differences[1]!.words!)).toBe('Customer service creates the [-sales-]{+sample+} order from the [-quote-]{+sample request+}.');
    expect(differences[2]!.base).toEqual({ number: 3, text: base[2] });
  });

  it('finds a step moved to another place', () => {
    const variant = [base[3]!, base[0]!, base[1]!, base[2]!];
    expect(compareSteps(base, variant).map((d) => [d.kind, d.base?.number, d.variant?.number])).toEqual([
      ['moved', 4, 1],
      ['same', 1, 2],
      ['same', 2, 3],
      ['same', 3, 4],
    ]);
  });
});

const ladder = (over: Partial<ApprovalLadder> = {}): ApprovalLadder => ({
  action: 'Discount off list price',
  metric: 'discount',
  unit: '%',
  initiatedBy: 'sales-rep',
  bands: [
    { upTo: 5, approver: 'sales-manager' },
    { over: 5, upTo: 12, approver: 'sales-director' },
    { over: 12, approver: 'general-manager' },
  ],
  conditions: [{ when: 'Sold at ex-factory price', approver: 'general-manager' }],
  ...over,
});

describe('compareLadders', () => {
  it('matches ladders by metric and reports added, removed and unchanged ones', () => {
    const sample = ladder({ action: 'Sample value', metric: 'sample-value', unit: 'EUR', conditions: undefined });
    const differences = compareLadders([ladder()], [ladder(), sample]);
    expect(differences.map((d) => [d.metric, d.kind])).toEqual([
      ['discount', 'same'],
      ['sample-value', 'added'],
    ]);
    expect(differences[1]!.bands.every((band) => band.kind === 'added')).toBe(true);
    expect(compareLadders([ladder()], []).map((d) => d.kind)).toEqual(['removed']);
  });

  it('compares band by band, pairing the bands of the same approver', () => {
    const stricter = ladder({
      action: 'Discount off the quoted price',
      bands: [
        { upTo: 2, approver: 'sales-manager' },
        { over: 2, upTo: 5, approver: 'finance-controller' },
        { over: 5, upTo: 12, approver: 'sales-director' },
        { over: 12, approver: 'general-manager' },
      ],
      conditions: [{ when: 'Sold at ex-factory price', approver: 'sales-director' }],
    });
    const [difference] = compareLadders([ladder()], [stricter]);
    expect(difference!.kind).toBe('changed');
    expect(difference!.bands.map((band) => [band.kind, band.base?.upTo, band.variant?.upTo, (band.variant ?? band.base)!.approver])).toEqual([
      ['changed', 5, 2, 'sales-manager'],
      ['added', undefined, 5, 'finance-controller'],
      ['same', 12, 12, 'sales-director'],
      ['same', undefined, undefined, 'general-manager'],
    ]);
    expect(difference!.conditions.map((c) => c.kind)).toEqual(['changed']);
    expect(show(difference!.action!)).toBe('Discount off [-list-]{+the quoted+} price');
  });

  it('notices a changed unit or initiator', () => {
    const [difference] = compareLadders([ladder()], [ladder({ unit: 'EUR', initiatedBy: 'customer-service' })]);
    expect([difference!.kind, difference!.unitChanged, difference!.initiatorChanged]).toEqual(['changed', true, true]);
  });
});

const handoverYaml = `title: Comparison test
organization: Test GmbH
system: Test CRM
goLive: 2026-01-01
currency: EUR
orderTypes:
  - id: standard
    name: Standard sales order
  - id: rush
    name: Rush order
  - id: export
    name: Export order
`;
const rolesYaml = `- { id: sales-rep, name: Sales Representative, rank: 1 }
- { id: clerk, name: Clerk, rank: 2 }
- { id: sales-manager, name: Sales Manager, rank: 3 }
- { id: logistics, name: Logistics Manager, rank: 3 }
- { id: sales-director, name: Sales Director, rank: 5 }
`;
const procedureFile = (orderType: string, owner: string, upTo: number, steps: string[], extra = '') => `---
title: ${orderType} order
orderType: ${orderType}
owner: ${owner}
version: "1"
effective: 2026-01-01
reviewBy: 2027-01-01
criticality: standard
${extra}approvals:
  - action: Discount
    metric: discount
    unit: "%"
    initiatedBy: sales-rep
    bands:
      - upTo: ${upTo}
        approver: sales-manager
      - over: ${upTo}
        approver: sales-director
---

## Steps

${steps.map((step, index) => `${index + 1}. ${step}`).join('\n')}
`;

describe('compareOrderTypes and compareProcedures', () => {
  const steps = ['The clerk keys the order from the purchase order.', 'The system routes the order for approval.', 'The clerk sends the order confirmation.'];
  const { pkg, findings } = loadPackage(
    filesOf({
      'handover.yaml': handoverYaml,
      'roles.yaml': rolesYaml,
      'procedures/standard/order.mdx': procedureFile('standard', 'clerk', 5, steps),
      // The planted difference: the rush order lets the sales manager approve only up to 2 %, is owned by logistics and adds a step.
      'procedures/rush/order.mdx': procedureFile('rush', 'logistics', 2, [steps[0]!, 'Logistics confirms the express delivery slot with the carrier.', steps[1]!, steps[2]!], 'basedOn: standard/order\n'),
      'procedures/export/order.mdx': procedureFile('export', 'clerk', 5, steps),
    }),
  );

  it('loads the test package', () => expect(findings).toEqual([]));

  it('highlights exactly the cells that differ from the first order type', () => {
    const comparison = compareOrderTypes(pkg);
    expect(comparison.reference?.id).toBe('standard');
    expect(comparison.columns.map((column) => [column.orderType.id, column.newOwners, column.newRoles])).toEqual([
      ['standard', [], []],
      ['rush', ['logistics'], ['logistics']],
      ['export', [], []],
    ]);
    expect(comparison.metrics.map((row) => [row.metric, row.cells.map((cell) => cell.differs)])).toEqual([['discount', [false, true, false]]]);
  });

  it('lists the differences of a variant from its base', () => {
    const base = pkg.procedures.find((p) => p.id === 'standard/order')!;
    const rush = pkg.procedures.find((p) => p.id === 'rush/order')!;
    const comparison = compareProcedures(base, rush);
    expect(comparison.owner).toEqual({ base: 'clerk', variant: 'logistics' });
    expect(comparison.ladders.map((l) => [l.metric, l.kind, l.bands.map((b) => b.kind)])).toEqual([['discount', 'changed', ['changed', 'changed']]]);
    expect(comparison.steps!.map((s) => s.kind)).toEqual(['same', 'added', 'same', 'same']);
  });

  it('shows the real differences of the sample order from the standard sales order', async () => {
    const { pkg: sample } = await checkDir(sampleDir);
    const base = sample.procedures.find((p) => p.id === 'standard/sales-order')!;
    const variant = sample.procedures.find((p) => p.id === 'sample/sample-order')!;
    const comparison = compareProcedures(base, variant);
    expect(comparison.owner).toEqual({ base: 'customer-service', variant: 'sales-manager' });
    expect(comparison.ladders.map((l) => [l.metric, l.kind])).toEqual([
      ['discount', 'removed'],
      ['order-amount', 'removed'],
      ['sample-value', 'added'],
    ]);
    const steps = comparison.steps!;
    expect(steps.find((s) => s.kind === 'added' && s.variant!.text.includes('Sample request'))).toBeDefined();
    expect(steps.find((s) => s.kind === 'removed' && s.base!.text.includes('availability check'))).toBeDefined();
    const approval = steps.find((s) => s.variant?.text.startsWith('Customer service submits the sample order for approval'))!;
    expect(approval.kind).toBe('changed');
    expect(approval.words!.some((w) => w.kind === 'added' && w.text.includes('sample value at list price'))).toBe(true);
  });
});
