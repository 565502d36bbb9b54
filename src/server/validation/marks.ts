import type { Lang } from '../../core/lang';
import { messages } from '../../core/i18n';
import type { Fix, Problem } from '../../core/validate';
import { planMarks, type CellMark } from '../../core/validate/marks';
import type { TableLayout } from '../../core/table/mapping';
import { normalisedNote } from './fixes';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A cell's key in `wantedMarks`: 1-based row, 0-based column (Sheets allows 18,278 columns). */
const KEY_ROW = 20_000;
export const cellKey = (row: number, column: number): number => row * KEY_ROW + column;

/** What Houqin wants on each cell, keyed by `cellKey`. */
export function wantedMarks(
  layout: TableLayout,
  problems: readonly Problem[],
  fixes: readonly Fix[],
  lang: Lang,
  timeZone: string,
): Map<number, CellMark> {
  const wanted = new Map<number, { problems: string[]; tidied?: string }>();
  const at = (row: number, column: string) => {
    const c = layout.index[column];
    if (c === undefined) return undefined;
    const k = cellKey(row, c);
    let entry = wanted.get(k);
    if (!entry) wanted.set(k, (entry = { problems: [] }));
    return entry;
  };
  for (const p of problems)
    if (p.column !== null && p.row > 1) at(p.row, p.column)?.problems.push(p.detail[lang]);
  for (const f of fixes) {
    const entry = at(f.row, f.column);
    if (entry) entry.tidied = normalisedNote(f, lang, timeZone);
  }
  return wanted;
}

/** The wanted cells as block positions (row, column within the block starting at first, left). */
function cellsOf(wanted: ReadonlyMap<number, CellMark>, first: number, left: number): [number, number][] {
  const out: [number, number][] = [];
  for (const key of wanted.keys()) {
    const column = key % KEY_ROW;
    out.push([(key - column) / KEY_ROW - first, column - left]);
  }
  return out;
}

/**
 * Marks and unmarks the cells of rows first..last (columns left+1..left+width): one getBackgrounds
 * and one getNotes of the block, then one setBackgrounds and one setNotes — of the smallest
 * rectangle that changes, or, with `whole` (a small block, as an edit's), of the block itself, which
 * saves a call. Cells that do not change are written as read: backgrounds and notes are not
 * re-typed. Returns whether anything was written.
 */
export function writeMarks(
  sheet: Sheet,
  first: number,
  last: number,
  width: number,
  wanted: ReadonlyMap<number, CellMark>,
  lang: Lang,
  options: { left?: number; whole?: boolean } = {},
): boolean {
  if (last < first || width < 1) return false;
  const left = options.left ?? 0;
  const block = sheet.getRange(first, left + 1, last - first + 1, width);
  const backgrounds = block.getBackgrounds();
  const notes = block.getNotes();
  const plan = planMarks(
    backgrounds,
    notes,
    (r, c) => wanted.get(cellKey(first + r, left + c)),
    messages(lang).validation.noteTag,
    cellsOf(wanted, first, left),
  );
  if (!plan) return false;
  const rows = plan.backgrounds.length;
  const columns = plan.backgrounds[0]!.length;
  if (options.whole || (rows === backgrounds.length && columns === width)) {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        backgrounds[plan.top + r]![plan.left + c] = plan.backgrounds[r]![c]!;
        notes[plan.top + r]![plan.left + c] = plan.notes[r]![c]!;
      }
    block.setBackgrounds(backgrounds);
    block.setNotes(notes);
    return true;
  }
  const target = sheet.getRange(first + plan.top, left + 1 + plan.left, rows, columns);
  target.setBackgrounds(plan.backgrounds);
  target.setNotes(plan.notes);
  return true;
}
