import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { SheetKey } from '../sheets';
import { columnLetter } from '../table/a1';
import { columnHeader, sheetName } from '../table/labels';
import type { TableLayout } from '../table/mapping';
import type { WorkbookCheck } from './index';

/** One problem as the dialog, the sidebar and the Problems sheet show it, in the Settings language. */
export interface ReportedProblem {
  readonly sheet: SheetKey;
  /** The tab's name as it is in this spreadsheet. */
  readonly sheetName: string;
  readonly row: number;
  /** Column key, and its header in the report's language; null for a problem about the whole row. */
  readonly column: string | null;
  readonly header: string | null;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  /** Without the row prefix: the row is its own field. */
  readonly message: string;
  /** A1 range of the cell (or the row), and the link fragment that jumps to it: '#gid=…&range=…'. */
  readonly range: string;
  readonly link: string;
}

export interface SheetSummary {
  readonly sheet: SheetKey;
  readonly sheetName: string;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly link: string;
}

/** The result of "Check all sheets": JSON-safe (no Dates), for google.script.run and the dialog. */
export interface CheckReport {
  readonly lang: Lang;
  /** Spreadsheet URL, so links can be made absolute outside the spreadsheet's own frame. */
  readonly url: string;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  /** Cells stored in their proper type (dates, amounts, yes/no). */
  readonly normalised: number;
  readonly sheets: SheetSummary[];
  /** The first REPORT_LIMIT problems; all of them are on the Problems sheet. */
  readonly problems: ReportedProblem[];
  readonly more: number;
}

export const REPORT_LIMIT = 500;

export interface SheetPlace {
  readonly name: string;
  readonly gid: number;
  readonly layout?: TableLayout;
}

export function problemRange(layout: TableLayout | undefined, row: number, column: string | null): string {
  const at = column !== null ? layout?.index[column] : undefined;
  return at === undefined ? `${row}:${row}` : `${columnLetter(at + 1)}${row}`;
}

/** Every problem of a check, placed in this spreadsheet and worded in `lang`. */
export function reportProblems(
  check: WorkbookCheck,
  places: ReadonlyMap<SheetKey, SheetPlace>,
  lang: Lang,
): ReportedProblem[] {
  return check.problems.map((p): ReportedProblem => {
    const place = places.get(p.sheet);
    const range = problemRange(place?.layout, p.row, p.column);
    return {
      sheet: p.sheet,
      sheetName: place?.name ?? sheetName(lang, p.sheet),
      row: p.row,
      column: p.column,
      header: p.column === null ? null : columnHeader(lang, p.sheet, p.column),
      severity: p.severity,
      code: p.code,
      message: p.detail[lang],
      range,
      link: `#gid=${place?.gid ?? 0}&range=${range}`,
    };
  });
}

export function buildReport(
  check: WorkbookCheck,
  all: readonly ReportedProblem[],
  places: ReadonlyMap<SheetKey, SheetPlace>,
  lang: Lang,
  url: string,
): CheckReport {
  const sheets: SheetSummary[] = [];
  for (const [sheet, place] of places) {
    const mine = check.problems.filter((p) => p.sheet === sheet);
    sheets.push({
      sheet,
      sheetName: place.name,
      rows: check.rows[sheet] ?? 0,
      errors: mine.filter((p) => p.severity === 'error').length,
      warnings: mine.filter((p) => p.severity === 'warning').length,
      link: `#gid=${place.gid}`,
    });
  }
  return {
    lang,
    url,
    rows: sheets.reduce((n, s) => n + s.rows, 0),
    errors: all.filter((p) => p.severity === 'error').length,
    warnings: all.filter((p) => p.severity === 'warning').length,
    normalised: check.fixes.length,
    sheets,
    problems: all.slice(0, REPORT_LIMIT),
    more: Math.max(0, all.length - REPORT_LIMIT),
  };
}

/** Rows of the Problems sheet, in its declared column order: sheet, row, column, severity, message. */
export function problemRows(report: Pick<CheckReport, 'lang'>, problems: readonly ReportedProblem[]) {
  const severity = messages(report.lang).validation.severity;
  return problems.map((p) => [p.sheetName, p.row, p.header ?? '', severity[p.severity], p.message]);
}

export function summaryText(report: CheckReport): string {
  return fill(messages(report.lang).validation.summary, {
    rows: report.rows,
    errors: report.errors,
    warnings: report.warnings,
  });
}
