import type { WorkbookLinks } from '../../core/alerts';
import type { SheetKey } from '../../core/sheets';
import type { Workbook } from '../adapters/workbook';

/** The workbook's address and the gid of each sheet named (one call per sheet, never per row). */
export function workbookLinks(workbook: Workbook, sheets: Iterable<SheetKey>): WorkbookLinks {
  const gid: Partial<Record<SheetKey, number>> = {};
  for (const key of new Set(sheets)) {
    const sheet = workbook.sheet(key);
    if (sheet) gid[key] = sheet.getSheetId();
  }
  return { url: workbook.spreadsheet.getUrl(), gid };
}
