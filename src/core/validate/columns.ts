import { messages } from '../i18n';
import type { ColumnDecl, SheetKey } from '../sheets';
import { readCell, type CellError, type Typed } from '../table/cells';
import { enumLabels } from '../table/labels';
import { isBlankRow, type TableLayout } from '../table/mapping';
import type { TypedRecord } from '../table/record';
import { header, makeProblem, quote, type Param, type Problem, type ProblemCode } from './problem';

export interface SheetView {
  readonly key: SheetKey;
  readonly layout: TableLayout;
  readonly rows: readonly TypedRecord[];
}

/** A certain, untidy value Houqin may store in place as its proper type (with a note saying so). */
export interface Fix {
  readonly sheet: SheetKey;
  readonly row: number;
  readonly column: string;
  readonly from: unknown;
  readonly to: Typed;
}

export interface ColumnCheck {
  readonly view: SheetView;
  readonly problems: Problem[];
  readonly fixes: Fix[];
}

/** What a cell is, said as a problem: the code and parameters of its message. */
export interface Issue {
  readonly code: ProblemCode;
  readonly params: Readonly<Record<string, Param>>;
}

const READ_ERRORS: Record<CellError, ProblemCode> = {
  notDate: 'notDate',
  ambiguousDate: 'ambiguousDate',
  notNumber: 'notNumber',
  notInteger: 'notInteger',
  notBoolean: 'notBoolean',
  notInList: 'notInList',
  notEmail: 'notEmail',
  notPhone: 'notPhone',
  formulaError: 'formulaError',
};

/** Why a cell could not be read as its column's type. */
export function readIssue(sheet: SheetKey, col: ColumnDecl, error: CellError, raw: unknown): Issue {
  const code = error === 'notDate' && col.type === 'datetime' ? 'notDateTime' : READ_ERRORS[error];
  const params: Record<string, Param> = { column: header(sheet, col.key), value: quote(raw) };
  if (code === 'notInList' && col.enum) {
    const list = col.enum;
    params.options = (lang) => enumLabels(lang, list).join(messages(lang).validation.listSeparator);
  }
  return { code, params };
}

/** The declared limits (min, above, max, maxLength) a readable, non-empty value breaks, if any. */
export function limitIssue(sheet: SheetKey, col: ColumnDecl, value: Typed): Issue | null {
  const column = header(sheet, col.key);
  if (typeof value === 'number') {
    if (col.min !== undefined && value < col.min)
      return { code: 'min', params: { column, min: col.min, value } };
    if (col.above !== undefined && value <= col.above)
      return { code: 'above', params: { column, above: col.above, value } };
    if (col.max !== undefined && value > col.max)
      return { code: 'max', params: { column, max: col.max, value } };
  }
  if (typeof value === 'string' && col.maxLength !== undefined) {
    // Code points, not UTF-16 units: an emoji is one character to the person counting.
    const length = [...value].length;
    if (length > col.maxLength) return { code: 'tooLong', params: { column, max: col.maxLength, length } };
  }
  return null;
}

/** Required applies to the office's columns; Houqin fills its own. */
export function isRequired(col: ColumnDecl): boolean {
  return col.required === true && col.owner !== 'houqin';
}

/** Ids compare as a person reads them: full-width folded, case and spaces ignored. */
export function uniqueKey(value: Typed): string {
  return String(value).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * The per-column rules of one sheet, derived from its declaration: type, required, list, limits
 * and uniqueness. Blank rows are skipped but keep their row numbers. Never throws on cell content.
 */
export function checkColumns(
  layout: TableLayout,
  values: readonly (readonly unknown[])[],
  timeZone: string,
): ColumnCheck {
  const key = layout.decl.key as SheetKey;
  const problems: Problem[] = [];
  const fixes: Fix[] = [];
  const present = layout.decl.columns.filter((c) => layout.index[c.key] !== undefined);
  for (const col of layout.missing)
    if (isRequired(col))
      problems.push(
        makeProblem(key, 1, col.key, 'missingColumn', { column: header(key, col.key) }, 'warning'),
      );

  // column → comparable value → rows holding it
  const seen = new Map<string, Map<string, { value: Typed; rows: number[] }>>();
  for (const col of present) if (col.unique) seen.set(col.key, new Map());

  const rows: TypedRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const raw = values[i] ?? [];
    if (isBlankRow(raw)) continue;
    const row = i + 1;
    const typed: Record<string, Typed | null> = {};
    for (const col of present) {
      const cell = raw[layout.index[col.key]!];
      const read = readCell(col, cell, timeZone);
      if (!read.ok) {
        const issue = readIssue(key, col, read.error, cell);
        problems.push(makeProblem(key, row, col.key, issue.code, issue.params));
        typed[col.key] = null;
        continue;
      }
      typed[col.key] = read.value;
      if (read.value === null) {
        if (isRequired(col))
          problems.push(makeProblem(key, row, col.key, 'required', { column: header(key, col.key) }));
        continue;
      }
      const issue = limitIssue(key, col, read.value);
      if (issue) problems.push(makeProblem(key, row, col.key, issue.code, issue.params));
      if (read.normalised !== undefined)
        fixes.push({ sheet: key, row, column: col.key, from: cell, to: read.normalised });
      const byValue = seen.get(col.key);
      if (byValue) {
        const k = uniqueKey(read.value);
        const entry = byValue.get(k);
        if (entry) entry.rows.push(row);
        else byValue.set(k, { value: read.value, rows: [row] });
      }
    }
    rows.push({ row, v: typed });
  }

  for (const [column, byValue] of seen)
    for (const { value, rows: at } of byValue.values()) {
      if (at.length < 2) continue;
      for (const row of at) {
        const other = row === at[0] ? at[1]! : at[0]!;
        problems.push(
          makeProblem(key, row, column, 'duplicate', {
            column: header(key, column),
            value: quote(value),
            other,
          }),
        );
      }
    }
  return { view: { key, layout, rows }, problems, fixes };
}
