import type { Lang } from '../../core/lang';
import { marksToWrite, type MarkBlock, type PlacedMarks, type WantedMarks } from '../../core/validate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The backgrounds and notes of rows first..last, `width` columns from column left+1: one getRange,
 * one getBackgrounds and one getNotes. Null when the block is empty (nothing is read).
 */
export function readMarks(
  sheet: Sheet,
  first: number,
  last: number,
  width: number,
  left = 0,
): (MarkBlock & { readonly range: Range }) | null {
  if (last < first || width < 1) return null;
  const range = sheet.getRange(first, left + 1, last - first + 1, width);
  return { first, left, range, backgrounds: range.getBackgrounds(), notes: range.getNotes() };
}

/** Writes planned marks: one getRange, one setBackgrounds and one setNotes of the rectangle that changes. */
export function writePlacedMarks(sheet: Sheet, marks: PlacedMarks): void {
  const target = sheet.getRange(
    marks.row,
    marks.column,
    marks.backgrounds.length,
    marks.backgrounds[0]!.length,
  );
  target.setBackgrounds(marks.backgrounds);
  target.setNotes(marks.notes);
}

/**
 * Marks and unmarks the cells of rows first..last (columns left+1..left+width): reads the block
 * (readMarks), then writes the smallest rectangle that changes (writePlacedMarks) — or, with `whole`
 * (a small block, as an edit's) or when the change fills the block, the block itself through the
 * range already read, which saves a call. Cells that do not change are written as read: backgrounds
 * and notes are not re-typed. Returns whether anything was written.
 */
export function writeMarks(
  sheet: Sheet,
  first: number,
  last: number,
  width: number,
  wanted: WantedMarks,
  lang: Lang,
  options: { left?: number; whole?: boolean } = {},
): boolean {
  const block = readMarks(sheet, first, last, width, options.left ?? 0);
  const marks = block && marksToWrite(block, wanted, lang);
  if (!block || !marks) return false;
  const rows = marks.backgrounds.length;
  const columns = marks.backgrounds[0]!.length;
  if (!options.whole && !(rows === block.backgrounds.length && columns === width)) {
    writePlacedMarks(sheet, marks);
    return true;
  }
  const top = marks.row - first;
  const left = marks.column - 1 - (options.left ?? 0);
  const backgrounds = block.backgrounds.map((r) => [...r]);
  const notes = block.notes.map((r) => [...r]);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      backgrounds[top + r]![left + c] = marks.backgrounds[r]![c]!;
      notes[top + r]![left + c] = marks.notes[r]![c]!;
    }
  block.range.setBackgrounds(backgrounds);
  block.range.setNotes(notes);
  return true;
}
