/** The workbook as the page draws it: display values, with the marks validation left on cells. */
import { sheetKeyOf } from '../src/core/table/labels';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows drawn per sheet; the page says how many more there are. */
export const ROWS_SHOWN = 300;

export interface SheetView {
  name: string;
  /** Whether Houqin knows this sheet (the office's own sheets are drawn too). */
  houqin: boolean;
  /** Display values, header first. */
  rows: string[][];
  /** Rows with content, header included. */
  total: number;
  widths: number[];
  /** 0-based columns whose first data cell is a check box. */
  checkboxes: number[];
  /** Cells with a background or a note, 0-based within `rows`. */
  marks: { r: number; c: number; background?: string; note?: string }[];
}

export function workbookView(spreadsheet: Spreadsheet): SheetView[] {
  return spreadsheet.getSheets().map((sheet) => {
    const total = sheet.getLastRow();
    const width = sheet.getLastColumn();
    const name = sheet.getName();
    const base = { name, houqin: sheetKeyOf(name) !== undefined, total };
    if (!total || !width) return { ...base, rows: [], widths: [], checkboxes: [], marks: [] };
    const range = sheet.getRange(1, 1, Math.min(total, ROWS_SHOWN), width);
    const backgrounds = range.getBackgrounds();
    const notes = range.getNotes();
    const marks: SheetView['marks'] = [];
    backgrounds.forEach((row, r) =>
      row.forEach((background, c) => {
        const note = notes[r]![c]!;
        // The header's own colour is the template's style, not a mark.
        const marked = r > 0 && background.toLowerCase() !== '#ffffff';
        if (marked || note)
          marks.push({ r, c, ...(marked ? { background } : {}), ...(note ? { note } : {}) });
      }),
    );
    const rules = sheet.getMaxRows() > 1 ? sheet.getRange(2, 1, 1, width).getDataValidations()[0]! : [];
    return {
      ...base,
      rows: range.getDisplayValues(),
      checkboxes: rules.flatMap((rule, c) =>
        rule && String(rule.getCriteriaType()) === 'CHECKBOX' ? [c] : [],
      ),
      widths: Array.from({ length: width }, (_, c) => sheet.getColumnWidth(c + 1)),
      marks,
    };
  });
}
