import type { Settings } from '../settings/schema';
import { sheetDecl, type ColumnDecl, type SheetKey } from '../sheets';
import { readCell, type Typed } from '../table/cells';
import { mapHeaders, type TableLayout } from '../table/mapping';
import type { Day } from '../time';
import { checkColumns, duplicateProblem, limitIssue, uniqueKey, type Fix, type SheetView } from './columns';
import type { TypedRecord } from '../table/record';
import { nameKey, type RuleContext } from './context';
import { RULES } from './index';
import { cellKey, parseNote, type WantedMarks } from './marks';
import { makeProblem, type Problem } from './problem';

/**
 * Checking the rows an edit touched without reading whole sheets: the edited rows, the columns of
 * the edited sheet that rules compare across rows (unique ids, a stock item's movements), and the
 * columns of other sheets the edited rows look up. Same problems, on those rows, as checking the
 * whole workbook (tests/unit/validate-edit.test.ts holds the two side by side).
 */

/** Columns to read whole (sheet row 1 down) in a sheet. */
export interface ColumnsToRead {
  readonly sheet: SheetKey;
  readonly columns: readonly string[];
}

export interface EditPlan {
  readonly layout: TableLayout;
  /** The edited sheet's own columns to read whole; empty when it has none. */
  readonly own: readonly string[];
  /** Other sheets' columns the edited rows look up. */
  readonly lookups: readonly ColumnsToRead[];
}

/** Columns read whole, by key: index 0 is sheet row 1 (the header cell). */
export type ReadColumns = Readonly<Partial<Record<string, readonly unknown[]>>>;

/** The looked-up sheets: their header and the columns named by the plan, read whole. */
export type LookupReads = Partial<Record<SheetKey, { header: readonly unknown[]; columns: ReadColumns }>>;

export interface EditInput {
  readonly timeZone: string;
  readonly settings: Settings;
  readonly today: Day;
  readonly sheet: SheetKey;
  readonly header: readonly unknown[];
  /** The edited rows as read, the first being sheet row `first`. */
  readonly first: number;
  readonly rows: readonly (readonly unknown[])[];
  /** The 0-based columns the edit wrote. */
  readonly fromColumn: number;
  readonly toColumn: number;
  /** The value a single edited cell held before, as onEdit reports it. */
  readonly oldValue?: unknown;
  /** The edited sheet's own columns named by the plan, read whole. */
  readonly own: ReadColumns;
  /** The looked-up sheets: their header and the columns named by the plan, read whole. */
  readonly lookups: Readonly<LookupReads>;
}

export interface EditCheck {
  readonly layout: TableLayout;
  /** Problems of the edited rows, in row order. */
  readonly problems: Problem[];
  readonly fixes: Fix[];
  /**
   * Cells outside the edited rows whose duplicate mark the edit may have changed (a new twin, or
   * the twin of the value the cell held), with all their problems. Ascending rows.
   */
  readonly twins: { readonly row: number; readonly column: string; readonly problems: Problem[] }[];
}

const rulesOf = (sheet: SheetKey) => RULES.filter((r) => r.sheet === sheet);

const present = (layout: TableLayout, columns: readonly string[]) =>
  columns.filter((c) => layout.index[c] !== undefined);

/** What to read for an edit of `rows` (starting at sheet row `first`) of `sheet`. */
export function planEdit(
  sheet: SheetKey,
  header: readonly unknown[],
  first: number,
  rows: readonly (readonly unknown[])[],
  timeZone: string,
): EditPlan {
  const layout = mapHeaders(sheetDecl(sheet), header);
  const typed = checkColumns(layout, [header, ...rows], timeZone, { firstRow: first, unique: false }).view
    .rows;
  const own = new Set(
    present(
      layout,
      layout.decl.columns.filter((c) => c.unique).map((c) => c.key),
    ),
  );
  const lookups = new Map<SheetKey, Set<string>>();
  for (const rule of rulesOf(sheet)) {
    if (rule.across && typed.some((r) => nameKey(r.v[rule.across!.key]) !== null))
      for (const c of present(layout, rule.across.columns)) own.add(c);
    for (const lookup of rule.lookups ?? []) {
      if (!typed.some((r) => lookup.when(r.v))) continue;
      const columns = lookups.get(lookup.sheet) ?? new Set<string>();
      for (const c of lookup.columns) columns.add(c);
      lookups.set(lookup.sheet, columns);
    }
  }
  return {
    layout,
    own: [...own],
    lookups: [...lookups].map(([s, columns]) => ({ sheet: s, columns: [...columns] })),
  };
}

/** The key a unique column compares a cell by, as `checkColumns` does; null for empty or unreadable cells. */
function uniqueKeyOf(col: ColumnDecl, raw: unknown, timeZone: string): { key: string; value: Typed } | null {
  const read = readCell(col, raw, timeZone);
  return read.ok && read.value !== null ? { key: uniqueKey(read.value), value: read.value } : null;
}

/** Printable ASCII without spaces: its own fold in `uniqueKey`. */
const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/**
 * The key `uniqueKeyOf` gives a cell, found without typing it where that is sure: text in a text
 * or id column (which `readCell` trims and keeps) that is plain ASCII and not a formula error is
 * its own key, lower-cased; an empty cell has none (null). Undefined: type the cell to know.
 */
function quickKeyOf(col: ColumnDecl): (raw: unknown) => string | null | undefined {
  if (col.type !== 'text' && col.type !== 'id') return (raw) => (raw === '' ? null : undefined);
  return (raw) => {
    if (raw === '') return null;
    if (typeof raw !== 'string') return undefined;
    const text = raw.trim();
    if (text === '' || text.charCodeAt(0) === 35 || !PLAIN_ASCII.test(text)) return undefined;
    return text.toLowerCase();
  };
}

/** Typed rows of some columns of a sheet read whole; rows blank in all of them are left out. */
function partialRows(
  layout: TableLayout,
  columns: ReadColumns,
  timeZone: string,
  keep: (row: number) => boolean = () => true,
): TypedRecord[] {
  const decls = layout.decl.columns.filter((c) => layout.index[c.key] !== undefined && columns[c.key]);
  let height = 0;
  for (const c of decls) height = Math.max(height, columns[c.key]!.length);
  const out: TypedRecord[] = [];
  for (let i = 1; i < height; i++) {
    const row = i + 1;
    if (!keep(row)) continue;
    const values: Record<string, Typed | null> = {};
    let blank = true;
    for (const c of decls) {
      const raw = columns[c.key]![i];
      if (raw !== '' && raw !== undefined && raw !== null) blank = false;
      const read = readCell(c, raw, timeZone);
      values[c.key] = read.ok ? read.value : null;
    }
    if (!blank) out.push({ row, v: values });
  }
  return out;
}

/** Checks the edited rows: column rules, uniqueness against the whole id column, and the domain's rules. */
export function checkEdit(input: EditInput): EditCheck {
  const { sheet, first, timeZone } = input;
  const last = first + input.rows.length - 1;
  const inBlock = (row: number) => row >= first && row <= last;
  const layout = mapHeaders(sheetDecl(sheet), input.header);
  const checked = checkColumns(layout, [input.header, ...input.rows], timeZone, {
    firstRow: first,
    unique: false,
  });
  const problems = checked.problems.filter((p) => p.row > 1);
  const twins: { row: number; column: string; problems: Problem[] }[] = [];

  // Uniqueness: the keys of the edited rows (and the value the cell held) against the whole column.
  for (const col of layout.decl.columns) {
    const at = layout.index[col.key];
    const whole = input.own[col.key];
    if (!col.unique || at === undefined || !whole) continue;
    const touched = at >= input.fromColumn && at <= input.toColumn;
    const wanted = new Set<string>();
    for (let row = first; row <= last; row++) {
      const k = uniqueKeyOf(col, whole[row - 1], timeZone);
      if (k) wanted.add(k.key);
    }
    const single = first === last && input.fromColumn === input.toColumn;
    if (touched && single && input.oldValue !== undefined) {
      const k = uniqueKeyOf(col, input.oldValue, timeZone);
      if (k) wanted.add(k.key);
    }
    if (!wanted.size) continue;
    const holders = new Map<string, { value: Typed; rows: number[] }>();
    const quickKey = quickKeyOf(col);
    for (let i = 1; i < whole.length; i++) {
      const raw = whole[i];
      // The whole column is scanned: most cells are told apart without typing them.
      const quick = quickKey(raw);
      if (quick === null || (quick !== undefined && !wanted.has(quick))) continue;
      const k = uniqueKeyOf(col, raw, timeZone);
      if (!k || !wanted.has(k.key)) continue;
      const entry = holders.get(k.key);
      if (entry) entry.rows.push(i + 1);
      else holders.set(k.key, { value: k.value, rows: [i + 1] });
    }
    for (const { value, rows } of holders.values())
      for (const row of rows) {
        const duplicate = rows.length > 1 ? [duplicateProblem(sheet, col.key, row, value, rows)] : [];
        if (inBlock(row)) problems.push(...duplicate);
        else if (touched) {
          // A twin's cell: its own column problems, then the duplicate, as a whole check lists them.
          const issue = limitIssue(sheet, col, value);
          const own = issue ? [makeProblem(sheet, row, col.key, issue.code, issue.params)] : [];
          twins.push({ row, column: col.key, problems: [...own, ...duplicate] });
        }
      }
  }

  // The domain's rules over the edited rows, with what they look up.
  const views = new Map<SheetKey, SheetView>();
  const edited = checked.view.rows;
  const extra: TypedRecord[] = [];
  for (const rule of rulesOf(sheet)) {
    if (!rule.across) continue;
    const keyColumn = input.own[rule.across.key];
    const decl = layout.decl.columns.find((c) => c.key === rule.across!.key);
    if (!keyColumn || !decl) continue;
    const keys = new Set<string>();
    for (const r of edited) {
      const k = nameKey(r.v[rule.across.key]);
      if (k !== null) keys.add(k);
    }
    const rows = new Set<number>();
    for (let i = 1; i < keyColumn.length; i++) {
      const row = i + 1;
      if (inBlock(row)) continue;
      const read = readCell(decl, keyColumn[i], timeZone);
      const k = read.ok ? nameKey(read.value) : null;
      if (k !== null && keys.has(k)) rows.add(row);
    }
    const across: Record<string, readonly unknown[]> = {};
    for (const c of rule.across.columns) if (input.own[c]) across[c] = input.own[c]!;
    extra.push(...partialRows(layout, across, timeZone, (row) => rows.has(row)));
  }
  views.set(sheet, { key: sheet, layout, rows: [...edited, ...extra].sort((a, b) => a.row - b.row) });
  for (const [key, read] of Object.entries(input.lookups) as [SheetKey, EditInput['lookups'][SheetKey]][]) {
    if (!read || key === sheet) continue;
    const lookupLayout = mapHeaders(sheetDecl(key), read.header);
    views.set(key, { key, layout: lookupLayout, rows: partialRows(lookupLayout, read.columns, timeZone) });
  }
  const ctx: RuleContext = {
    // Read when a rule asks: the shell reads the Settings sheet only for the rules that need it.
    get settings() {
      return input.settings;
    },
    today: input.today,
    timeZone,
    view: (key) => views.get(key),
  };
  for (const rule of rulesOf(sheet)) for (const p of rule.check(ctx)) if (inBlock(p.row)) problems.push(p);
  // Stable: per row, column checks, then duplicates, then the rules, as a whole check orders them.
  problems.sort((a, b) => a.row - b.row);
  twins.sort((a, b) => a.row - b.row);
  return { layout, problems, fixes: checked.fixes, twins };
}

/** Whether a note is Houqin's (it carries the tag of some language). */
const isHouqinNote = (note: string) => note !== '' && parseNote(note).user !== note;

/**
 * Whether a block read for an edit (its notes only) holds anything Houqin wrote: when it does not
 * and nothing is wanted on it, its marks are already right and nothing more is read or written.
 */
export function holdsHouqinNotes(notes: readonly (readonly string[])[]): boolean {
  return notes.some((row) => row.some(isHouqinNote));
}

/**
 * Whether marking a block needs its backgrounds. Only a cell that is, or is to be, marked has its
 * colour changed (painted, or given back: Houqin's note remembers the person's colour); a block
 * where neither happens can change only in its notes (a tidied value's line), so its colours are
 * neither read nor written.
 */
export function marksNeedBackgrounds(
  block: { readonly first: number; readonly left?: number; readonly notes: readonly (readonly string[])[] },
  wanted: WantedMarks,
): boolean {
  const left = block.left ?? 0;
  for (let r = 0; r < block.notes.length; r++)
    for (let c = 0; c < block.notes[r]!.length; c++)
      if (wanted.get(cellKey(block.first + r, left + c))?.problems.length) return true;
  return block.notes.some((row) =>
    row.some((note) => isHouqinNote(note) && parseNote(note).problems.length > 0),
  );
}
