import type { Lang } from '../../core/lang';
import {
  holdsHouqinNotes,
  marksNeedBackgrounds,
  marksToWrite,
  type MarkBlock,
  type PlacedMarks,
  type WantedMarks,
} from '../../core/validate';

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
 * Marks and unmarks the cells of rows first..last (a header edit's re-check): reads the block
 * (readMarks), then writes the smallest rectangle that changes (writePlacedMarks), or, when the
 * change fills the block, the block through the range already read, which saves a call. Cells that
 * do not change are written as read: backgrounds and notes are not re-typed. Returns whether
 * anything was written.
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
  if (!block || !marks) return false;
  if (marks.backgrounds.length === block.backgrounds.length && marks.backgrounds[0]!.length === width) {
    block.range.setBackgrounds(marks.backgrounds);
    block.range.setNotes(marks.notes);
  } else writePlacedMarks(sheet, marks);
  return true;
}

/**
 * Marks and unmarks a small block as an edit does (its rows, or a twin's id cells), reading only
 * what the change needs: the notes first (one getRange, one getNotes); nothing more when nothing is
 * wanted and no note is Houqin's; the backgrounds only when a cell is, or is to be, marked (Houqin's
 * note remembers the person's colour, see markCell); then the block's notes, and its backgrounds
 * when they change, through the range already read. `lang` is asked for only when a note is
 * written. Returns whether anything was written.
 */
export function remarkBlock(
  sheet: Sheet,
  first: number,
  last: number,
  width: number,
  wanted: () => WantedMarks,
  lang: () => Lang,
  left = 0,
): boolean {
  if (last < first || width < 1) return false;
  const range = sheet.getRange(first, left + 1, last - first + 1, width);
  const notes = range.getNotes();
  const want = wanted();
  if (!want.size && !holdsHouqinNotes(notes)) return false;
  const coloured = marksNeedBackgrounds({ first, left, notes }, want);
  // Unread colours stay as this placeholder, which no cell without a mark changes.
  const backgrounds = coloured ? range.getBackgrounds() : notes.map((row) => row.map(() => ''));
  const marks = marksToWrite({ first, left, backgrounds, notes }, want, lang());
  if (!marks) return false;
  const top = marks.row - first;
  const from = marks.column - 1 - left;
  const nextNotes = notes.map((r) => [...r]);
  const nextBackgrounds = backgrounds.map((r) => [...r]);
  marks.backgrounds.forEach((row, r) =>
    row.forEach((bg, c) => {
      nextBackgrounds[top + r]![from + c] = bg;
      nextNotes[top + r]![from + c] = marks.notes[r]![c]!;
    }),
  );
  if (coloured) range.setBackgrounds(nextBackgrounds);
  range.setNotes(nextNotes);
  return true;
}
