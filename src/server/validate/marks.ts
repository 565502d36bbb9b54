import type { Lang } from '../../core/lang';
import { marksToWrite, type MarkBlock, type PlacedMarks, type WantedMarks } from '../../core/validate/marks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The backgrounds and notes of rows first..last, `width` columns from A: one getRange, one
 * getBackgrounds and one getNotes. Null when the block is empty (nothing is read).
 */
export function readMarks(sheet: Sheet, first: number, last: number, width: number): MarkBlock | null {
  if (last < first || width < 1) return null;
  const block = sheet.getRange(first, 1, last - first + 1, width);
  return { first, backgrounds: block.getBackgrounds(), notes: block.getNotes() };
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
 * Marks and unmarks the cells of rows first..last: reads the block (readMarks), then writes the
 * smallest rectangle that changes (writePlacedMarks). Returns whether anything was written.
 */
export function writeMarks(
  sheet: Sheet,
  first: number,
  last: number,
  width: number,
  wanted: WantedMarks,
  lang: Lang,
): boolean {
  const block = readMarks(sheet, first, last, width);
  const marks = block && marksToWrite(block, wanted, lang);
  if (!marks) return false;
  writePlacedMarks(sheet, marks);
  return true;
}
