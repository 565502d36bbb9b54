import { messages } from '../i18n';
import type { ColumnDecl, SheetKey } from '../sheets';
import { columnReader, type CellError, type ColumnReader, type Typed } from '../table/cells';
import { enumLabels, isPlainAscii } from '../table/labels';
import { isBlankRow, type TableLayout } from '../table/mapping';
import type { TypedRecord } from '../table/record';
import {
  header,
  makeProblem,
  quote,
  shareTexts,
  type Param,
  type Problem,
  type ProblemCode,
} from './problem';

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

const OPTIONS = new Map<string, string>();

/** Why a cell could not be read as its column's type. */
export function readIssue(sheet: SheetKey, col: ColumnDecl, error: CellError, raw: unknown): Issue {
  const code = error === 'notDate' && col.type === 'datetime' ? 'notDateTime' : READ_ERRORS[error];
  const params: Record<string, Param> = { column: header(sheet, col.key), value: quote(raw) };
  if (code === 'notInList' && col.enum) {
    const list = col.enum;
    // The same list for every such cell: joined once per list and language.
    params.options = (lang) =>
      OPTIONS.get(lang + list) ??
      OPTIONS.set(lang + list, enumLabels(lang, list).join(messages(lang).validation.listSeparator)).get(
        lang + list,
      )!;
  }
  return { code, params };
}

/** The declared limits (min, above, max, maxLength) a readable, non-empty value breaks, if any. */
export function limitIssue(sheet: SheetKey, col: ColumnDecl, value: Typed): Issue | null {
  return limitsBroken(sheet, col.key, col.min, col.above, col.max, col.maxLength, value);
}

/** limitIssue from the limits themselves (a column's plan holds them: every column of one shape). */
function limitsBroken(
  sheet: SheetKey,
  key: string,
  min: number | undefined,
  above: number | undefined,
  max: number | undefined,
  maxLength: number | undefined,
  value: Typed,
): Issue | null {
  if (typeof value === 'number') {
    if (min === undefined && above === undefined && max === undefined) return null;
    const column = header(sheet, key);
    if (min !== undefined && value < min) return { code: 'min', params: { column, min, value } };
    if (above !== undefined && value <= above) return { code: 'above', params: { column, above, value } };
    if (max !== undefined && value > max) return { code: 'max', params: { column, max, value } };
  }
  if (typeof value === 'string' && maxLength !== undefined && value.length > maxLength) {
    // Code points, not UTF-16 units: an emoji is one character to the person counting.
    const length = [...value].length;
    const column = header(sheet, key);
    if (length > maxLength) return { code: 'tooLong', params: { column, max: maxLength, length } };
  }
  return null;
}

/** Required applies to the office's columns; Houqin fills its own. */
export function isRequired(col: ColumnDecl): boolean {
  return col.required === true && col.owner !== 'houqin';
}

/** Ids compare as a person reads them: full-width folded, case and spaces ignored. */
export function uniqueKey(value: Typed): string {
  const text = String(value);
  // Printable ASCII without spaces (most ids) is its own fold: no NFKC needed.
  if (isPlainAscii(text)) return text.toLowerCase();
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * The duplicate index's key: equal for two values exactly when their `uniqueKey`s are. Printable
 * ASCII without spaces (most ids) is keyed by its upper case, which is the id itself when it has
 * no lower-case letter (ZC-000123): no new string per id. Other text is keyed by its `uniqueKey`,
 * upper-cased when that is plain ASCII, so 'ＺＣ-1', 'zc-1' and 'ZC-1' meet.
 */
function duplicateKey(value: Typed): string {
  const text = String(value);
  const plain = asciiCase(text);
  if (plain !== NOT_PLAIN) return plain === LOWER ? text.toUpperCase() : text;
  const folded = uniqueKey(text);
  return isPlainAscii(folded) ? folded.toUpperCase() : folded;
}

const NOT_PLAIN = 0;
const UPPER = 1;
const LOWER = 2;

/**
 * isPlainAscii, and whether the text holds a lower-case letter (LOWER) or none (UPPER): an id
 * without one is its own upper case, with no call to make it (tens of thousands per sheet).
 */
function asciiCase(text: string): number {
  let found = UPPER;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return NOT_PLAIN;
    if (c >= 0x61 && c <= 0x7a) found = LOWER;
  }
  return found;
}

export interface ColumnCheckOptions {
  /** The sheet row of values[1] (values[0] is the header): 2 unless a block of rows was read. */
  readonly firstRow?: number;
  /** false: leave uniqueness to the caller, who has the whole column (an edit's block is not the sheet). */
  readonly unique?: boolean;
}

/** The duplicate problem of a row whose `column` holds `value`, also held at `rows` (ascending). */
export function duplicateProblem(
  sheet: SheetKey,
  column: string,
  row: number,
  value: Typed,
  rows: readonly number[],
): Problem {
  const other = row === rows[0] ? rows[1]! : rows[0]!;
  return makeProblem(sheet, row, column, 'duplicate', {
    column: header(sheet, column),
    value: quote(value),
    other,
  });
}

type DuplicateIndex = Map<string, number | { value: Typed; rows: number[] }>;

/**
 * A present column as checkColumns walks it: its place, rules and duplicate index, looked up once.
 * One class, its limits copied from the declaration: the row loop reads every column of every
 * sheet through one shape.
 */
class ColumnPlan {
  declare readonly col: ColumnDecl;
  declare readonly key: string;
  declare readonly at: number;
  declare readonly required: boolean;
  /** Comparable value → the index in `rows` of the record holding it, or every row once seen twice. */
  declare readonly byValue: DuplicateIndex | null;
  declare readonly reader: ColumnReader;
  declare readonly limited: boolean;
  declare readonly min: number | undefined;
  declare readonly above: number | undefined;
  declare readonly max: number | undefined;
  declare readonly maxLength: number | undefined;
  declare readonly text: boolean;
  /** The `required` problem's parameters, shared by every such problem of the column. */
  declare readonly requiredParams: Readonly<Record<string, Param>>;
  /** The issue of each unreadable value met, and of each value past a limit: shared by its problems. */
  declare readonly unreadable: Map<unknown, Issue>;
  declare readonly breaks: Map<Typed, Issue>;

  constructor(sheet: SheetKey, col: ColumnDecl, at: number, unique: boolean, timeZone: string) {
    this.col = col;
    this.key = col.key;
    this.at = at;
    this.required = isRequired(col);
    this.byValue = unique && col.unique ? new Map() : null;
    this.reader = columnReader(col, timeZone);
    this.min = col.min;
    this.above = col.above;
    this.max = col.max;
    this.maxLength = col.maxLength;
    this.limited = [col.min, col.above, col.max, col.maxLength].some((n) => n !== undefined);
    this.text = col.type === 'text' || col.type === 'id';
    this.requiredParams = shareTexts('required', { column: header(sheet, col.key) });
    this.unreadable = new Map();
    this.breaks = new Map();
  }
}

/** Past this many distinct bad values of a column, their issues are no longer shared. */
const ISSUES_KEPT = 4_096;

/** Keeps a column's issue for `value`, its parameters shared by the problems that meet it again. */
function keepIssue<K>(issues: Map<K, Issue>, value: K, issue: Issue): void {
  if (issues.size < ISSUES_KEPT)
    issues.set(value, { code: issue.code, params: shareTexts(issue.code, issue.params) });
}

/**
 * Reads and checks the rows of one sheet, one call per row. The row's work is a method of its own,
 * not the body of a loop in checkColumns: it is optimised once, early, as a function of its own size
 * (a loop in one long function runs slow until the whole function is compiled).
 */
class RowChecker {
  declare readonly key: SheetKey;
  declare readonly plan: readonly ColumnPlan[];
  declare readonly shape: Record<string, Typed | null>;
  declare readonly problems: Problem[];
  declare readonly fixes: Fix[];
  declare readonly rows: TypedRecord[];

  constructor(key: SheetKey, plan: readonly ColumnPlan[], shape: Record<string, Typed | null>) {
    this.key = key;
    this.plan = plan;
    this.shape = shape;
    this.problems = [];
    this.fixes = [];
    this.rows = [];
  }

  /** The rows of values[1…] (values[0] is the header), values[1] being sheet row `firstRow`. */
  checkRows(values: readonly (readonly unknown[])[], firstRow: number): void {
    // Its own method, not checkColumns' loop: the loop is compiled on its own, and what follows it
    // in checkColumns is not compiled from a loop that has not yet reached it.
    for (let i = 1; i < values.length; i++) {
      const raw = values[i] ?? [];
      if (!isBlankRow(raw)) this.check(raw, firstRow + i - 1);
    }
  }

  /** One non-blank row: its record, and the problems and tidied values of its cells. */
  check(raw: readonly unknown[], row: number): void {
    const plan = this.plan;
    const typed: Record<string, Typed | null> = { ...this.shape };
    // By index, not `for (const {…} of plan)`: no iterator and no unpacking per cell.
    for (let j = 0; j < plan.length; j++) {
      const p = plan[j]!;
      const cell = raw[p.at];
      // An empty cell is empty in every type (as readCell says): no reader asked.
      if (cell === '' || cell === null || cell === undefined) {
        if (p.required) this.problems.push(makeProblem(this.key, row, p.key, 'required', p.requiredParams));
        continue;
      }
      // Most cells of a text column are plain text: read as readCell would, without a record per cell.
      let value: Typed | null = p.text && typeof cell === 'string' ? cell.trim() : '';
      if (value === '' || value.charCodeAt(0) === 35) {
        const read = p.reader.read(cell);
        if (!read.ok) {
          this.unreadable(p, row, read.error, cell);
          continue;
        }
        value = read.value;
        if (value === null) {
          if (p.required) this.problems.push(makeProblem(this.key, row, p.key, 'required', p.requiredParams));
          continue;
        }
        if (read.normalised !== undefined)
          this.fixes.push({ sheet: this.key, row, column: p.key, from: cell, to: read.normalised });
      }
      typed[p.key] = value;
      if (p.limited) this.limits(p, row, value);
      if (p.byValue !== null) this.index(p.byValue, p.key, row, value);
    }
    this.rows.push({ row, v: typed });
  }

  unreadable(p: ColumnPlan, row: number, error: CellError, cell: unknown): void {
    // The same bad value reads the same way down a column: one issue, and one text, for all its cells.
    let issue = p.unreadable.get(cell);
    if (issue === undefined) keepIssue(p.unreadable, cell, (issue = readIssue(this.key, p.col, error, cell)));
    this.problems.push(makeProblem(this.key, row, p.key, issue.code, issue.params));
  }

  limits(p: ColumnPlan, row: number, value: Typed): void {
    let issue = limitsBroken(this.key, p.key, p.min, p.above, p.max, p.maxLength, value);
    if (!issue) return;
    const known = p.breaks.get(value);
    if (known) issue = known;
    else keepIssue(p.breaks, value, issue);
    this.problems.push(makeProblem(this.key, row, p.key, issue.code, issue.params));
  }

  index(byValue: DuplicateIndex, column: string, row: number, value: Typed): void {
    const k = duplicateKey(value);
    const entry = byValue.get(k);
    if (entry === undefined) byValue.set(k, this.rows.length);
    else if (typeof entry === 'number') {
      const first = this.rows[entry]!;
      byValue.set(k, { value: first.v[column]!, rows: [first.row, row] });
    } else entry.rows.push(row);
  }

  /** The duplicate problems of the unique columns, once every row is indexed. */
  duplicates(): void {
    for (const p of this.plan)
      if (p.byValue !== null)
        for (const entry of p.byValue.values()) {
          if (typeof entry === 'number') continue;
          const { value, rows: at } = entry;
          for (const row of at) this.problems.push(duplicateProblem(this.key, p.key, row, value, at));
        }
  }
}

/**
 * The per-column rules of one sheet, derived from its declaration: type, required, list, limits
 * and uniqueness. Blank rows are skipped but keep their row numbers. Never throws on cell content.
 */
export function checkColumns(
  layout: TableLayout,
  values: readonly (readonly unknown[])[],
  timeZone: string,
  options: ColumnCheckOptions = {},
): ColumnCheck {
  const firstRow = options.firstRow ?? 2;
  const key = layout.decl.key as SheetKey;
  const present = layout.decl.columns.filter((c) => layout.index[c.key] !== undefined);
  const unique = options.unique !== false;
  const plan = present.map((col) => new ColumnPlan(key, col, layout.index[col.key]!, unique, timeZone));
  // A record's shape, made once: every present column in order, null until read. Each row's record
  // is a copy of it, rather than an object grown a property at a time.
  const shape: Record<string, Typed | null> = {};
  for (const p of plan) shape[p.key] = null;
  const checker = new RowChecker(key, plan, shape);
  const { problems, fixes, rows } = checker;
  for (const col of layout.missing)
    if (isRequired(col))
      problems.push(
        makeProblem(key, 1, col.key, 'missingColumn', { column: header(key, col.key) }, 'warning'),
      );
  checker.checkRows(values, firstRow);
  checker.duplicates();
  return { view: { key, layout, rows }, problems, fixes };
}
