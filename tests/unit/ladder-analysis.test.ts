import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lookupApproval } from '../../src/lib/approvals.ts';
import { analyzeLadders, normalizeLadder } from '../../src/lib/ladder-analysis.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { readPackageDir } from '../../src/lib/package-files.ts';
import type { ApprovalBand, ApprovalCondition, ApprovalLadder } from '../../src/schemas/index.ts';
import { chineseDir, filesOf, sampleDir } from '../support/package.ts';

const handoverYaml = `title: Ladder test
organization: Test GmbH
system: Test CRM
goLive: 2026-01-01
currency: EUR
orderTypes:
  - id: standard
    name: Standard sales order
  - id: change
    name: Order change
`;

/** Ranks climb with authority; finance-controller shares rank 3 with sales-manager on purpose. */
const roles = [
  { id: 'sales-rep', name: 'Sales Representative', rank: 1 },
  { id: 'customer-service', name: 'Customer Service', rank: 2 },
  { id: 'sales-manager', name: 'Sales Manager', rank: 3 },
  { id: 'finance-controller', name: 'Finance Controller', rank: 3 },
  { id: 'sales-director', name: 'Sales Director', rank: 5 },
  { id: 'general-manager', name: 'General Manager', rank: 6 },
];
const rankOf = new Map(roles.map((role) => [role.id, role.rank]));
/** The initiator of generated ladders: the lowest rank, so it never approves. */
const initiator = 'sales-rep';
const approverPool = roles.filter((role) => role.id !== initiator).map((role) => role.id);

const frontmatterHead = `title: Sales order
orderType: standard
owner: sales-manager
version: "1.0"
effective: 2026-01-01
reviewBy: 2027-01-01
criticality: standard
`;

/** A procedure file whose frontmatter holds the given approvals (YAML text, starting at line 9 of the file). */
function procedureMdx(approvalsYaml: string, head = frontmatterHead): string {
  return `---\n${head}${approvalsYaml}---\n\nBody.\n`;
}

function packageOf(procedures: Record<string, string>) {
  return loadPackage(filesOf({ 'handover.yaml': handoverYaml, 'roles.yaml': stringify(roles), ...procedures }));
}

/** The ladder findings of one procedure file holding the given approvals YAML. */
function analyze(approvalsYaml: string) {
  const { pkg, findings } = packageOf({ 'procedures/standard/sales-order.mdx': procedureMdx(approvalsYaml) });
  expect(findings).toEqual([]);
  return analyzeLadders(pkg);
}

/** Finding without the catalogue hint and file, which every test would repeat. */
function brief(findings: ReturnType<typeof analyzeLadders>) {
  return findings.map(({ code, line, field, message }) => ({ code, line, field, message }));
}

function analyzeLadderObjects(ladders: ApprovalLadder[]) {
  const { pkg, findings } = packageOf({ 'procedures/standard/sales-order.mdx': procedureMdx(stringify({ approvals: ladders })) });
  // The generated package itself must be valid, or the analysis would see nothing.
  expect(findings).toEqual([]);
  return analyzeLadders(pkg);
}

const codesOf = (findings: ReturnType<typeof analyzeLadders>) => findings.map((f) => f.code);

// ---------------------------------------------------------------------------
// Generators

/** Distinct positive thresholds, sorted; quarters so fractional limits are exercised too. */
const thresholds = (count: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 4_000_000 }).map((quarter) => quarter / 4), { minLength: count, maxLength: count }).map((values) => [...values].sort((a, b) => a - b));

/** Approvers whose rank never decreases up the ladder. */
const climbingApprovers = (count: number) =>
  fc
    .array(fc.constantFrom(...approverPool), { minLength: count, maxLength: count })
    .map((ids) => [...ids].sort((a, b) => rankOf.get(a)! - rankOf.get(b)!));

const conditions = fc.array(
  fc.record({ when: fc.constantFrom('Sold at ex-factory price', 'Customer on credit hold', 'New customer'), approver: fc.constantFrom(...approverPool) }),
  { maxLength: 2 },
);

/** A well-formed ladder: contiguous, unbounded at the top, authority climbing, initiator never approving. */
const contiguousLadder = (minBands = 1) =>
  fc
    .integer({ min: minBands, max: 6 })
    .chain((count) =>
      fc.record({
        limits: thresholds(count - 1),
        approvers: climbingApprovers(count),
        conditions,
        initiated: fc.boolean(),
        metric: fc.constantFrom('discount', 'order-amount'),
      }),
    )
    .map(({ limits, approvers, conditions: when, initiated, metric }): ApprovalLadder => {
      const bands: ApprovalBand[] = approvers.map((approver, index) => ({
        ...(index > 0 && { over: limits[index - 1]! }),
        ...(index < limits.length && { upTo: limits[index]! }),
        approver,
      }));
      return {
        action: 'Generated action',
        metric,
        unit: metric === 'discount' ? '%' : 'EUR',
        ...(initiated && { initiatedBy: initiator }),
        bands,
        ...(when.length > 0 && { conditions: when as ApprovalCondition[] }),
      };
    });

// ---------------------------------------------------------------------------

describe('normalizeLadder', () => {
  it('turns bands into intervals following over < v <= upTo', () => {
    expect(
      normalizeLadder({
        bands: [
          { upTo: 5, approver: 'a' },
          { over: 5, upTo: 15, approver: 'b' },
          { over: 15, approver: 'c' },
        ],
      }).map(({ lower, lowerInclusive, upper, upperInclusive }) => ({ lower, lowerInclusive, upper, upperInclusive })),
    ).toEqual([
      { lower: 0, lowerInclusive: true, upper: 5, upperInclusive: true },
      { lower: 5, lowerInclusive: false, upper: 15, upperInclusive: true },
      { lower: 15, lowerInclusive: false, upper: Infinity, upperInclusive: false },
    ]);
  });

  it('agrees with bandContains on every value', () => {
    fc.assert(
      fc.property(contiguousLadder(), fc.double({ min: 0, max: 2_000_000, noNaN: true }), (ladder, value) => {
        for (const interval of normalizeLadder(ladder)) {
          const inside =
            (interval.lowerInclusive ? value >= interval.lower : value > interval.lower) &&
            (interval.upperInclusive ? value <= interval.upper : value < interval.upper);
          expect(lookupApproval({ bands: [interval.band] }, value).bands.length === 1).toBe(inside);
        }
      }),
    );
  });
});

describe('findApprover', () => {
  it('finds exactly one band for any value of a contiguous ladder, limits included', () => {
    fc.assert(
      fc.property(contiguousLadder(), fc.double({ min: 0, max: 2_000_000, noNaN: true }), (ladder, value) => {
        const limits = ladder.bands.flatMap((band) => (band.upTo === undefined ? [] : [band.upTo]));
        for (const probe of [value, 0, ...limits]) expect(lookupApproval(ladder, probe).bands).toHaveLength(1);
      }),
    );
  });

  it('gives the lower band at a limit and the upper band just above it', () => {
    const ladder = { bands: [{ upTo: 5, approver: 'sales-manager' }, { over: 5, approver: 'sales-director' }] };
    expect(lookupApproval(ladder, 5).bands.map((band) => band.approver)).toEqual(['sales-manager']);
    expect(lookupApproval(ladder, 5.01).bands.map((band) => band.approver)).toEqual(['sales-director']);
    expect(lookupApproval({ bands: [{ over: 2, approver: 'x' }] }, 1).bands).toEqual([]);
  });
});

describe('analyzeLadders: generated ladders', () => {
  it('finds nothing in a contiguous, climbing ladder', () => {
    fc.assert(
      fc.property(contiguousLadder(), (ladder) => {
          expect(analyzeLadderObjects([ladder])).toEqual([]);
        }),
      { numRuns: 200 },
    );
  });

  it('reports a removed band as exactly one gap, whose values have no approver', () => {
    fc.assert(
      fc.property(
        contiguousLadder(2).chain((ladder) => fc.record({ ladder: fc.constant(ladder), removed: fc.integer({ min: 0, max: ladder.bands.length - 2 }) })),
        ({ ladder, removed }) => {
          const gone = ladder.bands[removed]!;
          const broken = { ...ladder, bands: ladder.bands.filter((_, index) => index !== removed) };
          const findings = analyzeLadderObjects([broken]);
          expect(codesOf(findings)).toEqual(['approval-gap']);
          expect(findings[0]!.field).toBe(`approvals.0.bands.${removed}`);
          expect(lookupApproval(broken, gone.upTo!).bands).toEqual([]);
        },
      ),
    );
  });

  it('reports a band reaching into the next as exactly one overlap', () => {
    fc.assert(
      fc.property(
        contiguousLadder(2).chain((ladder) => fc.record({ ladder: fc.constant(ladder), widened: fc.integer({ min: 0, max: ladder.bands.length - 2 }) })),
        ({ ladder, widened }) => {
          const band = ladder.bands[widened]!;
          const nextUpper = ladder.bands[widened + 1]!.upTo;
          // Strictly inside the next band, so only that band is overlapped.
          const upTo = nextUpper === undefined ? band.upTo! + 1 : (band.upTo! + nextUpper) / 2;
          const broken = { ...ladder, bands: ladder.bands.map((b, index) => (index === widened ? { ...b, upTo } : b)) };
          const findings = analyzeLadderObjects([broken]);
          expect(codesOf(findings)).toEqual(['approval-overlap']);
          expect(findings[0]!.field).toBe(`approvals.0.bands.${widened + 1}`);
        },
      ),
    );
  });

  it('reports a bounded last band as exactly one open top', () => {
    fc.assert(
      fc.property(contiguousLadder(), fc.integer({ min: 1, max: 1000 }), (ladder, extra) => {
        const last = ladder.bands.length - 1;
        const bands = ladder.bands.map((band, index) => (index === last ? { ...band, upTo: (band.over ?? 0) + extra } : band));
        expect(codesOf(analyzeLadderObjects([{ ...ladder, bands }]))).toEqual(['approval-open-top']);
      }),
    );
  });

  it('reports two neighbouring approvers of different rank swapped as exactly one rank inversion', () => {
    fc.assert(
      fc.property(
        contiguousLadder(2).filter((ladder) => ladder.bands.some((band, index) => index > 0 && rankOf.get(band.approver)! > rankOf.get(ladder.bands[index - 1]!.approver)!)),
        fc.nat(),
        (ladder, pick) => {
          const candidates = ladder.bands.flatMap((band, index) => (index > 0 && rankOf.get(band.approver)! > rankOf.get(ladder.bands[index - 1]!.approver)! ? [index] : []));
          const upper = candidates[pick % candidates.length]!;
          const bands = ladder.bands.map((band, index) =>
            index === upper ? { ...band, approver: ladder.bands[upper - 1]!.approver } : index === upper - 1 ? { ...band, approver: ladder.bands[upper]!.approver } : band,
          );
          const findings = analyzeLadderObjects([{ ...ladder, bands }]);
          expect(codesOf(findings)).toEqual(['approval-rank-inversion']);
          expect(findings[0]!.field).toBe(`approvals.0.bands.${upper}.approver`);
        },
      ),
    );
  });

  it('reports any two approvers of different rank swapped as rank inversions only, one per band left below a higher rank', () => {
    fc.assert(
      fc.property(contiguousLadder(2), fc.nat(), fc.nat(), (ladder, a, b) => {
        const n = ladder.bands.length;
        const [i, j] = [Math.min(a % n, b % n), Math.max(a % n, b % n)];
        fc.pre(rankOf.get(ladder.bands[i]!.approver)! !== rankOf.get(ladder.bands[j]!.approver)!);
        const approvers = ladder.bands.map((band) => band.approver);
        [approvers[i], approvers[j]] = [approvers[j]!, approvers[i]!];
        const findings = analyzeLadderObjects([{ ...ladder, bands: ladder.bands.map((band, index) => ({ ...band, approver: approvers[index]! })) }]);
        const expected = approvers.filter((id, index) => approvers.slice(0, index).some((lower) => rankOf.get(lower)! > rankOf.get(id)!)).length;
        expect(expected).toBeGreaterThan(0);
        expect(codesOf(findings)).toEqual(Array(expected).fill('approval-rank-inversion'));
      }),
    );
  });

  it('reports an approver equal to the initiator as exactly one segregation-of-duties breach', () => {
    fc.assert(
      fc.property(contiguousLadder(), fc.boolean(), (ladder, inCondition) => {
        // The initiator has the lowest rank, so making it the first approver keeps the ladder climbing.
        const broken: ApprovalLadder = inCondition
          ? { ...ladder, initiatedBy: initiator, conditions: [...(ladder.conditions ?? []), { when: 'Rush order', approver: initiator }] }
          : { ...ladder, initiatedBy: initiator, bands: ladder.bands.map((band, index) => (index === 0 ? { ...band, approver: initiator } : band)) };
        const findings = analyzeLadderObjects([broken]);
        expect(codesOf(findings)).toEqual(['approval-sod']);
        expect(findings[0]!.field).toBe(inCondition ? `approvals.0.conditions.${broken.conditions!.length - 1}.approver` : 'approvals.0.bands.0.approver');
      }),
    );
  });

  it('reports two bands swapped as exactly one ordering problem, not as gaps and overlaps', () => {
    fc.assert(
      fc.property(contiguousLadder(2), fc.nat(), fc.nat(), (ladder, a, b) => {
        const n = ladder.bands.length;
        fc.pre(a % n !== b % n);
        const bands = [...ladder.bands];
        [bands[a % n], bands[b % n]] = [bands[b % n]!, bands[a % n]!];
        const findings = analyzeLadderObjects([{ ...ladder, bands }]);
        expect(codesOf(findings)).toEqual(['schema-invalid']);
        expect(findings[0]!.message).toContain('bands must be listed in ascending order of value');
      }),
    );
  });

  it('reports a metric given another unit as exactly one schema problem', () => {
    fc.assert(
      fc.property(contiguousLadder(), contiguousLadder(), fc.boolean(), (first, second, sameProcedure) => {
        const other: ApprovalLadder = { ...second, metric: first.metric, unit: first.unit === '%' ? 'USD' : '%' };
        const files: Record<string, string> = sameProcedure
          ? { 'procedures/standard/sales-order.mdx': procedureMdx(stringify({ approvals: [first, other] })) }
          : {
              'procedures/standard/sales-order.mdx': procedureMdx(stringify({ approvals: [first] })),
              'procedures/change/order-change.mdx': procedureMdx(stringify({ approvals: [other] }), frontmatterHead.replace('orderType: standard', 'orderType: change')),
            };
        const { pkg, findings } = packageOf(files);
        expect(findings).toEqual([]);
        const ladderFindings = analyzeLadders(pkg);
        expect(codesOf(ladderFindings)).toEqual(['schema-invalid']);
        // On a tie the unit written first (in path order) is the metric's unit: procedures/change/ sorts before procedures/standard/.
        expect(ladderFindings[0]).toMatchObject({ file: 'procedures/standard/sales-order.mdx', field: sameProcedure ? 'approvals.1.unit' : 'approvals.0.unit' });
      }),
    );
  });
});

describe('analyzeLadders: messages and locations', () => {
  it('accepts bands that meet exactly: upTo 5 then over 5', () => {
    expect(
      analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-manager
      - over: 5
        approver: sales-director
`),
    ).toEqual([]);
  });

  it('names a gap between bands with its open and closed ends', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-manager
      - over: 6
        upTo: 10
        approver: sales-director
      - over: 10
        approver: general-manager
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-gap",
          "field": "approvals.0.bands.1",
          "line": 16,
          "message": "discount values in (5, 6] % have no approver",
        },
      ]
    `);
  });

  it('names the values below a first band that starts above 0', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - over: 2
        approver: sales-manager
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-gap",
          "field": "approvals.0.bands.0",
          "line": 14,
          "message": "discount values in [0, 2] % have no approver",
        },
      ]
    `);
  });

  it('calls a missing 0 a single value', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - over: 0
        approver: sales-manager
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-gap",
          "field": "approvals.0.bands.0",
          "line": 14,
          "message": "discount value 0 % has no approver",
        },
      ]
    `);
  });

  it('names an overlap and both approvers', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Release of the order
    metric: order-amount
    unit: EUR
    bands:
      - upTo: 50000
        approver: sales-manager
      - over: 40000
        upTo: 100000
        approver: sales-director
      - over: 100000
        approver: general-manager
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-overlap",
          "field": "approvals.0.bands.1",
          "line": 16,
          "message": "order-amount values in (40000, 50000] EUR fall in two bands (sales-manager and sales-director)",
        },
      ]
    `);
  });

  it('sees a second band without over as overlapping from 0', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-manager
      - approver: sales-director
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-overlap",
          "field": "approvals.0.bands.1",
          "line": 16,
          "message": "discount values in [0, 5] % fall in two bands (sales-manager and sales-director)",
        },
      ]
    `);
  });

  it('reports a ladder without an unbounded band', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-manager
      - over: 5
        upTo: 15
        approver: sales-director
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-open-top",
          "field": "approvals.0.bands.1",
          "line": 16,
          "message": "discount values over 15 % have no approver: end the ladder with a band that has "over" and no "upTo"",
        },
      ]
    `);
  });

  it('reports a higher band approved by a lower rank, but not a condition sent to a lower rank', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-director
      - over: 5
        upTo: 15
        approver: sales-manager
      - over: 15
        approver: general-manager
    conditions:
      - when: Repeat order at last year's price
        approver: customer-service
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-rank-inversion",
          "field": "approvals.0.bands.1.approver",
          "line": 18,
          "message": "discount values in (5, 15] % go to sales-manager (rank 3), a lower rank than sales-director (rank 5) for the lower values in [0, 5] %",
        },
      ]
    `);
  });

  it('leaves unknown roles to the reference check', () => {
    expect(
      analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-director
      - over: 5
        upTo: 15
        approver: no-such-role
      - over: 15
        approver: general-manager
`),
    ).toEqual([]);
  });

  it('reports the initiator approving a band or a condition', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    initiatedBy: sales-rep
    bands:
      - upTo: 2
        approver: sales-rep
      - over: 2
        approver: sales-manager
    conditions:
      - when: Sold at ex-factory price
        approver: sales-rep
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "approval-sod",
          "field": "approvals.0.bands.0.approver",
          "line": 16,
          "message": "discount values in [0, 2] % are approved by sales-rep, the role that initiates the request",
        },
        {
          "code": "approval-sod",
          "field": "approvals.0.conditions.0.approver",
          "line": 21,
          "message": "discount condition "Sold at ex-factory price" is approved by sales-rep, the role that initiates the request",
        },
      ]
    `);
  });

  it('reports bands out of order once, without the gaps and overlaps they would imply', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - over: 5
        upTo: 15
        approver: sales-director
      - upTo: 5
        approver: sales-manager
      - over: 15
        approver: general-manager
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "schema-invalid",
          "field": "approvals.0.bands.1",
          "line": 17,
          "message": "discount band [0, 5] % is listed after band (5, 15] %: bands must be listed in ascending order of value",
        },
      ]
    `);
  });

  it('reports one metric in two units within a procedure', () => {
    expect(
      brief(
        analyze(`approvals:
  - action: Discount off list price
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: sales-manager
      - over: 5
        approver: sales-director
  - action: Discount amount
    metric: discount
    unit: EUR
    bands:
      - upTo: 500
        approver: sales-manager
      - over: 500
        approver: sales-director
`),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "schema-invalid",
          "field": "approvals.1.unit",
          "line": 20,
          "message": "metric "discount" is measured in EUR here but in % by ladder 1 of this procedure: a metric has one unit; use %, or give this ladder a metric of its own",
        },
      ]
    `);
  });

  it('reports one metric in two units across procedures, against the unit most ladders use', () => {
    const ladder = (unit: string) => `approvals:
  - action: Discount
    metric: discount
    unit: ${unit}
    bands:
      - upTo: 5
        approver: sales-manager
      - over: 5
        approver: sales-director
`;
    const change = frontmatterHead.replace('orderType: standard', 'orderType: change');
    const { pkg, findings } = packageOf({
      'procedures/change/order-change.mdx': procedureMdx(ladder('EUR'), change),
      'procedures/change/price-change.mdx': procedureMdx(ladder('"%"'), change),
      'procedures/standard/sales-order.mdx': procedureMdx(ladder('"%"')),
    });
    expect(findings).toEqual([]);
    expect(analyzeLadders(pkg).map(({ code, file, line, field, message }) => ({ code, file, line, field, message }))).toMatchInlineSnapshot(`
      [
        {
          "code": "schema-invalid",
          "field": "approvals.0.unit",
          "file": "procedures/change/order-change.mdx",
          "line": 12,
          "message": "metric "discount" is measured in EUR here but in % by ladder 1 of procedures/change/price-change.mdx: a metric has one unit; use %, or give this ladder a metric of its own",
        },
      ]
    `);
  });

  it('points at the line the offending band, approver or unit is written on', () => {
    const approvals = `approvals:
  - action: Discount
    metric: discount
    unit: "%"
    initiatedBy: sales-rep
    bands:
      - upTo: 5
        approver: sales-director
      - over: 6
        upTo: 15
        approver: sales-manager
      - over: 15
        upTo: 30
        approver: sales-rep
  - action: Discount amount
    metric: discount
    unit: EUR
    bands:
      - approver: general-manager
`;
    const mdx = procedureMdx(approvals);
    const { pkg } = packageOf({ 'procedures/standard/sales-order.mdx': mdx });
    const lines = mdx.split('\n');
    expect(analyzeLadders(pkg).map((f) => [f.code, lines[f.line! - 1]!.trim()])).toEqual([
      ['approval-gap', '- over: 6'],
      ['approval-open-top', '- over: 15'],
      ['approval-rank-inversion', 'approver: sales-manager'],
      ['approval-rank-inversion', 'approver: sales-rep'],
      ['approval-sod', 'approver: sales-rep'],
      ['schema-invalid', 'unit: EUR'],
    ]);
  });

  it('carries the catalogue severity and hint', () => {
    const [gap] = analyze(`approvals:
  - action: Discount
    metric: discount
    unit: "%"
    bands:
      - over: 2
        approver: sales-manager
`);
    expect(gap).toMatchObject({ code: 'approval-gap', severity: 'error', file: 'procedures/standard/sales-order.mdx' });
    expect(gap!.hint).toMatch(/over = previous upTo/);
  });
});

describe('analyzeLadders: the shipped packages', () => {
  it.each([
    ['content/', sampleDir],
    ['examples/zh-cn/', chineseDir],
  ])('finds no ladder problem in %s', async (_, dir) => {
    const { pkg } = loadPackage(await readPackageDir(dir));
    expect(pkg.procedures.some((procedure) => (procedure.data.approvals ?? []).length > 0)).toBe(true);
    expect(analyzeLadders(pkg)).toEqual([]);
  });
});
