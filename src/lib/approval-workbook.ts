import ExcelJS from 'exceljs';
import { approvalColumns, type ApprovalRow } from './approval-export.ts';
import type { Finding } from './findings.ts';

/** The workbook beside approvals.csv at the root of the built site. */
export const approvalWorkbookFile = 'approvals.xlsx';

/** Column widths in characters, by what the column holds. */
const WIDTH: Partial<Record<(typeof approvalColumns)[number], number>> = {
  procedure: 28,
  action: 32,
  procedureTitle: 34,
  approverName: 24,
  initiatedByName: 24,
  condition: 36,
};

const FINDING_COLUMNS = ['severity', 'code', 'file', 'line', 'field', 'message', 'hint'] as const;

/** A header row that stays in view and filters every column below it. */
function frame(sheet: ExcelJS.Worksheet, columns: number, rows: number) {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows + 1, 1), column: columns } };
}

/**
 * `approvals.xlsx`: the rows of approvals.csv on a sheet an auditor can sort
 * and filter at once (frozen header, filters, number formats, widths), and
 * the check's findings on a second sheet. Text stays text: a cell is never a
 * formula, so nothing a package writes can run in Excel.
 */
export async function approvalWorkbook(rows: readonly ApprovalRow[], findings: readonly Finding[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Handover portal';
  const matrix = book.addWorksheet('Approvals');
  matrix.columns = approvalColumns.map((key) => ({ header: key, key, width: WIDTH[key] ?? 14 }));
  for (const row of rows) matrix.addRow(approvalColumns.map((key) => row[key]));
  for (const key of ['over', 'upTo'] as const) matrix.getColumn(key).numFmt = '#,##0.########';
  frame(matrix, approvalColumns.length, rows.length);

  const found = book.addWorksheet('Findings');
  found.columns = FINDING_COLUMNS.map((key) => ({ header: key, key, width: key === 'message' || key === 'hint' ? 60 : key === 'file' ? 36 : 14 }));
  for (const f of findings) found.addRow(FINDING_COLUMNS.map((key) => f[key] ?? null));
  frame(found, FINDING_COLUMNS.length, findings.length);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
