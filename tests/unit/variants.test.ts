import { describe, expect, it } from 'vitest';
import { approvalRows } from '../../src/lib/approval-export.ts';
import { checkPackage } from '../../src/lib/check.ts';
import { compareProcedures } from '../../src/lib/comparison.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { generatedSections } from '../../src/lib/procedure-sections.ts';
import { MINIMAL_PACKAGE, filesOf, sampleToday } from '../support/package.ts';

const LADDER = `approvals:
  - action: Discount off list price
    metric: discount
    unit: "%"
    initiatedBy: rep
    bands:
      - upTo: 5
        approver: rep2
      - over: 5
        approver: boss
`;

const STEPS = '## Steps\n\n1. Key the order.\n2. Submit it for approval.\n';

/** A procedure file whose frontmatter holds exactly the lines given (a variant leaves fields out). */
const procedure = (frontmatter: string, body = 'Body\n') => `---\ntitle: ${/title: (.*)/.exec(frontmatter)?.[1] ?? 'P'}\norderType: standard\nversion: "1"\neffective: 2026-01-05\nreviewBy: 2027-01-05\n${frontmatter.replace(/title: .*\n/, '')}---\n${body}`;

const ROLES = '- id: rep\n  name: Rep\n  rank: 1\n- id: rep2\n  name: Senior rep\n  rank: 2\n- id: boss\n  name: Boss\n  rank: 3\n';

function load(procedures: Record<string, string>) {
  return loadPackage(filesOf({ ...MINIMAL_PACKAGE, 'roles.yaml': ROLES, ...procedures }));
}

const base = procedure(`title: Standard order\nowner: boss\ncriticality: key\n${LADDER}`, STEPS);

describe('variant inheritance', () => {
  it('gives a variant its base ladders, owner, criticality and steps, each marked with where it comes from', () => {
    const { pkg, findings } = load({
      'procedures/standard/order.mdx': base,
      'procedures/standard/backorder.mdx': procedure('title: Backorder\nbasedOn: standard/order\n'),
    });
    expect(findings).toEqual([]);
    const variant = pkg.procedures.find((p) => p.id === 'standard/backorder')!;
    expect(variant.data.owner).toBe('boss');
    expect(variant.data.criticality).toBe('key');
    expect(variant.data.approvals?.map((ladder) => ladder.action)).toEqual(['Discount off list price']);
    expect(variant.steps).toEqual(['Key the order.', 'Submit it for approval.']);
    expect(variant.inheritance).toEqual({ owner: 'standard/order', criticality: 'standard/order', approvals: 'standard/order', steps: 'standard/order' });
    expect(pkg.procedures.find((p) => p.id === 'standard/order')!.inheritance).toEqual({});
  });

  it('keeps what the variant states itself: its own owner, its own ladders (all of them), its own steps', () => {
    const { pkg } = load({
      'procedures/standard/order.mdx': base,
      'procedures/standard/rush.mdx': procedure('title: Rush order\nowner: rep\nbasedOn: standard/order\napprovals:\n  - action: Express freight\n    metric: freight\n    unit: EUR\n    bands:\n      - approver: boss\n', '## Steps\n\n1. Call the warehouse.\n'),
    });
    const variant = pkg.procedures.find((p) => p.id === 'standard/rush')!;
    expect(variant.data.owner).toBe('rep');
    expect(variant.data.approvals?.map((ladder) => ladder.action)).toEqual(['Express freight']);
    expect(variant.steps).toEqual(['Call the warehouse.']);
    expect(variant.inheritance).toEqual({ criticality: 'standard/order' });
  });

  it('inherits through a chain, naming the procedure that states each field, whatever the file order', () => {
    const { pkg } = load({
      'procedures/standard/a-export-backorder.mdx': procedure('title: Export backorder\nbasedOn: standard/b-export\n'),
      'procedures/standard/b-export.mdx': procedure('title: Export order\nowner: rep2\nbasedOn: standard/c-order\n'),
      'procedures/standard/c-order.mdx': base,
    });
    const last = pkg.procedures.find((p) => p.id === 'standard/a-export-backorder')!;
    expect(last.data.owner).toBe('rep2');
    expect(last.inheritance).toEqual({ owner: 'standard/b-export', criticality: 'standard/c-order', approvals: 'standard/c-order', steps: 'standard/c-order' });
    expect(pkg.procedures.map((p) => p.id)).toEqual(['standard/a-export-backorder', 'standard/b-export', 'standard/c-order']);
  });

  it("reports a cycle of basedOn in each of its members and never loops", async () => {
    const result = await checkPackage(
      filesOf({
        ...MINIMAL_PACKAGE,
        'roles.yaml': ROLES,
        'procedures/standard/a.mdx': procedure('title: A\nbasedOn: standard/b\n'),
        'procedures/standard/b.mdx': procedure('title: B\nowner: rep\ncriticality: standard\nbasedOn: standard/a\n', STEPS),
      }),
      { today: sampleToday },
    );
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.file} ${f.code} ${f.field ?? ''} ${f.message}`);
    // Each member of the cycle names it; the member loaded first still inherits from the other, so no field is reported missing.
    expect(errors).toEqual([
      'procedures/standard/a.mdx schema-invalid basedOn the variants form a cycle (standard/a → standard/b → standard/a); make one of them the base, without basedOn',
      'procedures/standard/b.mdx schema-invalid basedOn the variants form a cycle (standard/b → standard/a → standard/b); make one of them the base, without basedOn',
    ]);
  });

  it("reports a finding of an inherited ladder once, in the base, and the variant is not missing steps", async () => {
    const broken = procedure(`title: Standard order\nowner: boss\ncriticality: standard\n${LADDER.replace('approver: rep2', 'approver: nobody')}`, STEPS);
    const result = await checkPackage(
      filesOf({ ...MINIMAL_PACKAGE, 'roles.yaml': ROLES, 'procedures/standard/order.mdx': broken, 'procedures/standard/backorder.mdx': procedure('title: Backorder\nbasedOn: standard/order\n') }),
      { today: sampleToday },
    );
    const unknown = result.findings.filter((f) => f.code === 'unknown-role');
    expect(unknown.map((f) => f.file)).toEqual(['procedures/standard/order.mdx']);
    expect(result.findings.filter((f) => f.file === 'procedures/standard/backorder.mdx').map((f) => f.code)).toEqual([]);
  });

  it('shows an inherited ladder in the exports, and the differences panel finds no change in it', () => {
    const { pkg } = load({
      'procedures/standard/order.mdx': base,
      'procedures/standard/backorder.mdx': procedure('title: Backorder\nbasedOn: standard/order\n', '## Steps\n\n1. Key the order.\n2. Split the delivery.\n3. Submit it for approval.\n'),
    });
    const rows = approvalRows(pkg, sampleToday).filter((row) => row.procedure === 'standard/backorder');
    expect(rows.map((row) => [row.approver, row.inheritedFrom])).toEqual([
      ['rep2', 'standard/order'],
      ['boss', 'standard/order'],
    ]);
    expect(approvalRows(pkg, sampleToday).filter((row) => row.procedure === 'standard/order').every((row) => row.inheritedFrom === null)).toBe(true);
    const [order, backorder] = ['standard/order', 'standard/backorder'].map((id) => pkg.procedures.find((p) => p.id === id)!);
    const comparison = compareProcedures(order!, backorder!);
    expect(comparison.ladders.map((ladder) => ladder.kind)).toEqual(['same']);
    expect(comparison.owner).toBeUndefined();
    expect(comparison.steps?.map((step) => step.kind)).toEqual(['same', 'added', 'same']);
    expect(generatedSections(pkg, backorder!)).toEqual(['approval-authority', 'differences-from-base']);
  });

  it('lists inherited steps as a section of the variant page', () => {
    const { pkg } = load({
      'procedures/standard/order.mdx': base,
      'procedures/standard/backorder.mdx': procedure('title: Backorder\nbasedOn: standard/order\nrevisions:\n  - version: "1"\n    date: 2026-01-05\n    summary: First issue.\n'),
    });
    const backorder = pkg.procedures.find((p) => p.id === 'standard/backorder')!;
    expect(generatedSections(pkg, backorder)).toEqual(['inherited-steps', 'approval-authority', 'differences-from-base', 'revision-history']);
  });
});
