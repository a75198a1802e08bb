import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalColumns, approvalRows, approvalsCsv, approvalsJson, csvField, type ApprovalRow } from '../../src/lib/approval-export.ts';
import { loadPackage } from '../../src/lib/package.ts';
import { applyProfile } from '../../src/lib/profile.ts';
import { parseCsv } from '../support/csv.ts';
import { checkDir, chineseDir, filesOf, sampleDir } from '../support/package.ts';

const handoverYaml = `title: Export test
organization: Test GmbH
system: Test CRM
goLive: 2026-01-01
currency: EUR
orderTypes:
  - id: standard
    name: Standard sales order
  - id: sample
    name: Sample order
`;
const rolesYaml = `- id: sales-rep
  name: Sales Representative
  rank: 1
- id: manager
  name: Sales Manager, "Region North"
  rank: 2
- id: director
  name: Sales Director
  rank: 3
`;
const procedure = (orderType: string, approvals: string, extra = '') => `---
title: A procedure
orderType: ${orderType}
owner: manager
version: "1"
effective: 2026-01-01
reviewBy: 2027-01-01
criticality: standard
${extra}approvals:
${approvals}---

Body.
`;

const discount = `  - action: Discount, off "list" price
    metric: discount
    unit: "%"
    bands:
      - upTo: 5
        approver: manager
      - over: 5
        approver: director
    conditions:
      - when: |-
          Sold at ex-factory price
          on a rush order
        approver: director
`;
const sampleValue = `  - action: Sample value
    metric: sample-value
    unit: EUR
    bands:
      - upTo: 2000
        approver: manager
      - over: 2000
        approver: director
`;

function testPackage() {
  const { pkg, findings } = loadPackage(
    filesOf({
      'handover.yaml': handoverYaml,
      'roles.yaml': rolesYaml,
      // Written in reverse order on purpose: rows follow handover.yaml's order types.
      'procedures/sample/sample-order.mdx': procedure('sample', sampleValue),
      'procedures/standard/sales-order.mdx': procedure('standard', discount),
      'procedures/standard/internal-deal.mdx': procedure('standard', sampleValue, 'audience: internal\n'),
    }),
  );
  expect(findings).toEqual([]);
  return pkg;
}


const exported = new Date(Date.UTC(2026, 8, 30));

describe('approvalRows', () => {
  it('makes one row per band and per condition, with null where absent, in order-type order', () => {
    const rows = approvalRows(testPackage(), exported);
    expect(rows.map((row) => [row.procedure, row.metric, row.over, row.upTo, row.approver, row.condition])).toEqual([
      ['standard/internal-deal', 'sample-value', null, 2000, 'manager', null],
      ['standard/internal-deal', 'sample-value', 2000, null, 'director', null],
      ['standard/sales-order', 'discount', null, 5, 'manager', null],
      ['standard/sales-order', 'discount', 5, null, 'director', null],
      ['standard/sales-order', 'discount', null, null, 'director', 'Sold at ex-factory price\non a rush order'],
      ['sample/sample-order', 'sample-value', null, 2000, 'manager', null],
      ['sample/sample-order', 'sample-value', 2000, null, 'director', null],
    ]);
    expect(rows[2]).toEqual({
      procedure: 'standard/sales-order',
      orderType: 'standard',
      action: 'Discount, off "list" price',
      metric: 'discount',
      unit: '%',
      over: null,
      upTo: 5,
      approver: 'manager',
      approverName: 'Sales Manager, "Region North"',
      condition: null,
      procedureTitle: expect.any(String),
      version: expect.any(String),
      effective: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      initiatedBy: null,
      initiatedByName: null,
      exported: '2026-09-30',
      inheritedFrom: null,
    });
    for (const row of rows) expect(Object.keys(row)).toEqual([...approvalColumns]);
  });

  it('leaves out internal procedures under the public profile', () => {
    const pkg = testPackage();
    expect(approvalRows(applyProfile(pkg, 'public'), exported).map((row) => row.procedure)).not.toContain('standard/internal-deal');
    expect(approvalRows(applyProfile(pkg, 'internal'), exported).map((row) => row.procedure)).toContain('standard/internal-deal');
  });

  it('counts every band and condition of the sample and the Chinese example', async () => {
    for (const dir of [sampleDir, chineseDir]) {
      const { pkg } = await checkDir(dir);
      const expected = pkg.procedures.flatMap((p) => p.data.approvals ?? []).reduce((n, ladder) => n + ladder.bands.length + (ladder.conditions?.length ?? 0), 0);
      expect(approvalRows(pkg, exported)).toHaveLength(expected);
    }
  });
});

describe('CSV', () => {
  it('quotes fields holding a comma, a quote or a line break and doubles inner quotes (RFC 4180)', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(100000.5)).toBe('100000.5');
    expect(csvField('折扣，含税')).toBe('折扣，含税');
  });

  it('neutralizes text that Excel would run as a formula, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvField('+1+cmd|\' /C calc\'!A0')).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('\tTab')).toBe("'\tTab");
    expect(csvField('\rCR')).toBe(`"'\rCR"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Discount = list - 5 %')).toBe('Discount = list - 5 %');
  });

  it('starts with a byte order mark and the header, and ends every line with CRLF', () => {
    const csv = approvalsCsv(approvalRows(testPackage(), exported));
    expect(csv.startsWith('\uFEFFprocedure,orderType,action,metric,unit,over,upTo,approver,approverName,condition,procedureTitle,version,effective,initiatedBy,initiatedByName,exported,inheritedFrom\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(true); // the multi-line condition, inside quotes
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(8);
    expect(rows[3]!.slice(0, 10)).toEqual(['standard/sales-order', 'standard', 'Discount, off "list" price', 'discount', '%', '', '5', 'manager', 'Sales Manager, "Region North"', '']);
    expect(rows[3]!.slice(-2)).toEqual(['2026-09-30', '']);
    expect(rows[5]![9]).toBe('Sold at ex-factory price\non a rush order');
  });

  it('reads back exactly what was written, whatever the text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '折', '；', '€', '=', '-', '@', '+', '\t') });
    const row = fc.record({
      procedure: text,
      orderType: text,
      action: text,
      metric: text,
      unit: text,
      over: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
      upTo: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
      approver: text,
      approverName: text,
      condition: fc.option(text, { nil: null }),
      procedureTitle: text,
      version: text,
      effective: text,
      initiatedBy: fc.option(text, { nil: null }),
      initiatedByName: fc.option(text, { nil: null }),
      exported: text,
      inheritedFrom: fc.option(text, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows: ApprovalRow[]) => {
        const parsed = parseCsv(approvalsCsv(rows).slice(1));
        // Text that Excel would take for a formula reads back with its guarding apostrophe.
        const cell = (value: string | number | null) => (value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value));
        expect(parsed).toEqual([[...approvalColumns], ...rows.map((r) => approvalColumns.map((column) => cell(r[column])))]);
      }),
    );
  });
});

describe('JSON', () => {
  it('is the array of rows, nulls kept', () => {
    const rows = approvalRows(testPackage(), exported);
    const parsed = JSON.parse(approvalsJson(rows)) as ApprovalRow[];
    expect(parsed).toEqual(rows);
    expect(parsed[0]).toHaveProperty('over', null);
  });
});
