import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { SheetKey } from '../sheets';
import { columnLetter } from '../table/a1';
import { columnHeader, sheetName } from '../table/labels';
import type { TableLayout } from '../table/mapping';
import type { WorkbookCheck } from './index';
import { detailIn } from './problem';

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

/**
 * The first `limit` problems of a check (all by default), placed in this spreadsheet and worded in
 * `lang`: the dialog lists REPORT_LIMIT of them, and the Problems sheet takes its rows from
 * `problemRows` without them.
 */
export function reportProblems(
  check: WorkbookCheck,
  places: ReadonlyMap<SheetKey, SheetPlace>,
  lang: Lang,
  limit = check.problems.length,
): ReportedProblem[] {
  return check.problems.slice(0, limit).map((p): ReportedProblem => {
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
      message: detailIn(p, lang),
      range,
      link: `#gid=${place?.gid ?? 0}&range=${range}`,
    };
  });
}

/**
 * The report of a check: counts per sheet and in all, and the problems `shown` (the first
 * REPORT_LIMIT of reportProblems); `more` says how many the Problems sheet holds beyond them.
 */
export function buildReport(
  check: WorkbookCheck,
  shown: readonly ReportedProblem[],
  places: ReadonlyMap<SheetKey, SheetPlace>,
  lang: Lang,
  url: string,
): CheckReport {
  // One pass over the problems: [errors, warnings] per sheet.
  const counts = new Map<SheetKey, [number, number]>();
  for (const p of check.problems) {
    let c = counts.get(p.sheet);
    if (!c) counts.set(p.sheet, (c = [0, 0]));
    c[p.severity === 'error' ? 0 : 1]++;
  }
  const sheets: SheetSummary[] = [];
  for (const [sheet, place] of places) {
    const [errors, warnings] = counts.get(sheet) ?? [0, 0];
    sheets.push({
      sheet,
      sheetName: place.name,
      rows: check.rows[sheet] ?? 0,
      errors,
      warnings,
      link: `#gid=${place.gid}`,
    });
  }
  let errors = 0;
  for (const [e] of counts.values()) errors += e;
  const problems = shown.slice(0, REPORT_LIMIT);
  return {
    lang,
    url,
    rows: sheets.reduce((n, s) => n + s.rows, 0),
    errors,
    warnings: check.problems.length - errors,
    normalised: check.fixes.length,
    sheets,
    problems,
    more: Math.max(0, check.problems.length - problems.length),
  };
}

/** Rows of the Problems sheet, in its declared column order: sheet, row, column, severity, message. */
export function problemRows(
  check: WorkbookCheck,
  places: ReadonlyMap<SheetKey, SheetPlace>,
  lang: Lang,
): (string | number)[][] {
  const severity = messages(lang).validation.severity;
  return check.problems.map((p) => [
    places.get(p.sheet)?.name ?? sheetName(lang, p.sheet),
    p.row,
    p.column === null ? '' : columnHeader(lang, p.sheet, p.column),
    severity[p.severity],
    detailIn(p, lang),
  ]);
}

export function summaryText(report: CheckReport): string {
  return fill(messages(report.lang).validation.summary, {
    rows: report.rows,
    errors: report.errors,
    warnings: report.warnings,
  });
}
