import { approvalLadders } from './approvals.ts';
import { formatDate } from './dates.ts';
import type { HandoverPackage, ProcedureEntry } from './package.ts';
import { roleName } from './roles.ts';
import { inheritedSource } from './variants.ts';

/**
 * The approval exports of DESIGN.md section 7: every ladder of the package
 * flattened into one row per band or condition, for the auditor's own tools.
 */

/** One band or one condition of a ladder. Absent values are null, never left out, so every row has every column. */
export interface ApprovalRow {
  /** Procedure id, `<orderType>/<slug>`. */
  procedure: string;
  orderType: string;
  action: string;
  metric: string;
  unit: string;
  /** Exclusive lower bound; null when the band starts at 0, and on condition rows. */
  over: number | null;
  /** Inclusive upper bound; null for the unbounded band, and on condition rows. */
  upTo: number | null;
  /** Role id. */
  approver: string;
  /** The role's display name from roles.yaml. */
  approverName: string;
  /** The circumstance of a condition row; null on band rows. */
  condition: string | null;
  /** What a separation-of-duties or change review needs beside the band: the procedure's title, version and effective date. */
  procedureTitle: string;
  version: string;
  /** YYYY-MM-DD. */
  effective: string;
  /** The role that raises the request, and its name; null when the ladder names none. */
  initiatedBy: string | null;
  initiatedByName: string | null;
  /** The day the export was made, YYYY-MM-DD, so a file found later says how old it is. */
  exported: string;
  /**
   * For a variant's ladder taken from its base: the id of the procedure that
   * states it; "" when that procedure is not published; null for a ladder
   * the procedure states itself.
   */
  inheritedFrom: string | null;
}

/** The columns, in the contract's order; also the CSV header. */
export const approvalColumns = [
  'procedure',
  'orderType',
  'action',
  'metric',
  'unit',
  'over',
  'upTo',
  'approver',
  'approverName',
  'condition',
  'procedureTitle',
  'version',
  'effective',
  'initiatedBy',
  'initiatedByName',
  'exported',
  'inheritedFrom',
] as const satisfies readonly (keyof ApprovalRow)[];

export type ApprovalExportFormat = 'csv' | 'json';

/** Names of the export files at the root of the built site. */
export const approvalExportFiles = { csv: 'approvals.csv', json: 'approvals.json' } as const satisfies Record<ApprovalExportFormat, string>;

/** The rows of every ladder of the package, ladders in matrix order, bands before conditions. */
export function approvalRows(pkg: HandoverPackage, exported: Date): ApprovalRow[] {
  return approvalLadders(pkg).flatMap(({ procedure, ladder }) => {
    const common = { procedure: procedure.id, orderType: procedure.data.orderType, action: ladder.action, metric: ladder.metric, unit: ladder.unit };
    const review = {
      procedureTitle: procedure.data.title,
      version: procedure.data.version,
      effective: formatDate(procedure.data.effective),
      initiatedBy: ladder.initiatedBy ?? null,
      initiatedByName: ladder.initiatedBy ? roleName(pkg, ladder.initiatedBy) : null,
      exported: formatDate(exported),
      inheritedFrom: inheritedFrom(pkg, procedure),
    };
    return [
      ...ladder.bands.map((band) => ({
        ...common,
        over: band.over ?? null,
        upTo: band.upTo ?? null,
        approver: band.approver,
        approverName: roleName(pkg, band.approver),
        condition: null,
        ...review,
      })),
      ...(ladder.conditions ?? []).map((condition) => ({
        ...common,
        over: null,
        upTo: null,
        approver: condition.approver,
        approverName: roleName(pkg, condition.approver),
        condition: condition.when,
        ...review,
      })),
    ];
  });
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * break, inner quotes doubled. A text cell starting with =, +, -, @, tab or
 * carriage return would be run as a formula by Excel, so it gets a leading
 * apostrophe (OWASP's advice for CSV injection); numbers stay numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rows as CSV: RFC 4180 with CRLF line ends, and a UTF-8 byte order mark
 * because without it Excel reads the file in the legacy code page and garbles
 * Chinese text.
 */
export function approvalsCsv(rows: readonly ApprovalRow[]): string {
  const lines = [approvalColumns.join(','), ...rows.map((row) => approvalColumns.map((column) => csvField(row[column])).join(','))];
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** The rows as the JSON array of the contract. */
export function approvalsJson(rows: readonly ApprovalRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The export in one format. */
export function serializeApprovals(rows: readonly ApprovalRow[], format: ApprovalExportFormat): string {
  return format === 'csv' ? approvalsCsv(rows) : approvalsJson(rows);
}

function inheritedFrom(pkg: HandoverPackage, procedure: ProcedureEntry): string | null {
  const inherited = inheritedSource(pkg, procedure, 'approvals');
  if (!inherited) return null;
  return inherited.source ? inherited.id : '';
}
