import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { approvalColumns, type ApprovalRow } from '../../src/lib/approval-export.ts';
import { approvalWorkbook } from '../../src/lib/approval-workbook.ts';
import { finding } from '../../src/lib/findings.ts';

const row: ApprovalRow = {
  procedure: 'standard/sales-order',
  orderType: 'standard',
  action: '=HYPERLINK("http://evil.example","Discount")',
  metric: 'discount',
  unit: '%',
  over: 5,
  upTo: 12.5,
  approver: 'director',
  approverName: '销售总监',
  condition: null,
  procedureTitle: 'Standard sales order',
  version: '2.1',
  effective: '2026-05-04',
  initiatedBy: 'rep',
  initiatedByName: 'Sales rep',
  exported: '2026-09-30',
  inheritedFrom: null,
};

describe('approvalWorkbook', () => {
  it('holds the rows under a frozen, filtered header, numbers as numbers and formula-like text as text, and the findings', async () => {
    const book = new ExcelJS.Workbook();
    const bytes = await approvalWorkbook([row], [finding('approval-gap', { file: 'procedures/standard/sales-order.mdx', line: 12 }, { metric: 'discount', unit: '%', values: { lower: 12.5, lowerInclusive: false, upper: 15, upperInclusive: false } })]);
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Approvals')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...approvalColumns]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:Q2');
    const cells = sheet.getRow(2);
    expect(cells.getCell(6).value).toBe(5);
    expect(cells.getCell(7).value).toBe(12.5);
    expect(cells.getCell(3).value).toBe(row.action);
    expect(cells.getCell(3).formula).toBeUndefined();
    expect(cells.getCell(10).value).toBeNull();
    const findings = book.getWorksheet('Findings')!;
    expect(findings.getRow(2).getCell(2).value).toBe('approval-gap');
    expect(findings.getRow(2).getCell(4).value).toBe(12);
  });
});
