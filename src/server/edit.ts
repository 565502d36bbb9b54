import { CARRIED_LANGS } from '../core/i18n';
import type { Lang } from '../core/lang';
import type { SheetKey } from '../core/sheets';
import { labelKey, sheetKeyOf, sheetName } from '../core/table';
import { Workbook } from './adapters/workbook';
import { onTaskEdit } from './tasks/complete';
import { validateEdit } from './validate/edit';

/** Rows and columns of an edited range, 1-based and inclusive. */
export interface Bounds {
  readonly row: number;
  readonly column: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** The edited range as the handlers need it, found with as few calls as Apps Script allows. */
export interface Edit {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The template sheet edited. */
  readonly key: SheetKey;
  /** The language its tab is named in: the other template sheets are most likely named so too. */
  readonly nameLang: Lang;
  bounds(): Bounds;
}

/**
 * Something that reacts to a person's edit: validation marks cells, the Tasks sheet rolls an
 * inspection schedule when a task is marked done. Simple triggers run in AuthMode.LIMITED: the
 * spreadsheet is reachable, mail and triggers are not.
 */
export type EditHandler = (e: GoogleAppsScript.Events.SheetsOnEdit, workbook: Workbook, edit: Edit) => void;

const HANDLERS: EditHandler[] = [validateEdit, onTaskEdit];

/** 'B3' or 'A10:M509' (what Range.getA1Notation gives for an edited range). */
function parseBounds(a1: string): Bounds | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const column = col(m[1]!);
  return m[3]
    ? { row, column, lastRow: Number(m[4]), lastColumn: col(m[3]) }
    : { row, column, lastRow: row, lastColumn: column };
}

/**
 * Every edit fires this, so a tab Houqin does not know costs two calls (its sheet, its name) and
 * nothing more; the name is compared with the template's names in both languages.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const sheet = e.range.getSheet();
  const name = sheet.getName();
  const key = sheetKeyOf(name);
  if (!key) return;
  const range = e.range;
  let bounds: Bounds | null = null;
  const edit: Edit = {
    sheet,
    key,
    nameLang: CARRIED_LANGS.find((lang) => labelKey(sheetName(lang, key)) === labelKey(name)) ?? 'zh-CN',
    bounds: () =>
      (bounds ??= parseBounds(range.getA1Notation()) ?? {
        row: range.getRow(),
        column: range.getColumn(),
        lastRow: range.getLastRow(),
        lastColumn: range.getLastColumn(),
      }),
  };
  const workbook = new Workbook(e.source ?? SpreadsheetApp.getActiveSpreadsheet());
  for (const handler of HANDLERS) handler(e, workbook, edit);
}
