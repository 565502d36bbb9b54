import { CARRIED_LANGS } from '../core/i18n';
import type { Lang } from '../core/lang';
import type { SheetKey } from '../core/sheets';
import { labelKey, sheetKeyOf, sheetName } from '../core/table';
import { Workbook } from './adapters/workbook';
import { onTaskEdit } from './tasks/complete';
import { validateEdit } from './validate/edit';
import { sheetValues } from './adapters/values';

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
  /** Its tab's name, as the person sees it. */
  readonly name: string;
  /** The language its tab is named in: the other template sheets are most likely named so too. */
  readonly nameLang: Lang;
  bounds(): Bounds;
  /** The edited sheet's header row, read once for every handler. */
  header(): unknown[];
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The workbook as an edit sees it. The edited sheet is known; another template sheet is found by
 * its name (in the edited tab's language first), one call, rather than by naming every tab (a call
 * per tab); the time zone is read once. The full index is the fallback for a tab renamed with other
 * spacing or case.
 */
class EditWorkbook extends Workbook {
  private zone: string | undefined;
  private readonly found = new Map<SheetKey, Sheet | null>();

  constructor(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly edited: SheetKey,
    private readonly editedSheet: () => Sheet,
    private readonly nameLang: Lang,
  ) {
    super(spreadsheet);
  }

  override get timeZone(): string {
    return (this.zone ??= super.timeZone);
  }

  /**
   * One call, not two: Sheet.getSheetValues with -1 reads to the last row and column with content
   * (an empty sheet gives no rows, see sheetValues).
   */
  protected override readAll(sheet: Sheet): unknown[][] {
    return sheetValues(sheet, 1, 1, -1, -1);
  }

  override sheet(key: SheetKey): Sheet | null {
    if (key === this.edited) return this.editedSheet();
    let sheet = this.found.get(key);
    if (sheet === undefined) {
      sheet = null;
      for (const lang of [this.nameLang, ...CARRIED_LANGS.filter((l) => l !== this.nameLang)]) {
        sheet = this.spreadsheet.getSheetByName(sheetName(lang, key));
        if (sheet) break;
      }
      sheet ??= super.sheet(key);
      this.found.set(key, sheet);
    }
    return sheet;
  }
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
 * The edited range's bounds as the event carries them: in Apps Script the event's range has
 * rowStart, rowEnd, columnStart and columnEnd as plain properties (JSON.stringify(e) shows them;
 * https://tanaikech.github.io/2017/07/20/benchmark-event-objects-for-google-apps-script/), which
 * cost no call. Null when they are absent (an event built by hand).
 */
function eventBounds(range: GoogleAppsScript.Spreadsheet.Range): Bounds | null {
  const r = range as unknown as Partial<Record<'rowStart' | 'rowEnd' | 'columnStart' | 'columnEnd', unknown>>;
  const [row, lastRow, column, lastColumn] = [r.rowStart, r.rowEnd, r.columnStart, r.columnEnd].map(Number);
  return [row, lastRow, column, lastColumn].every((n) => Number.isInteger(n) && n! >= 1)
    ? { row: row!, column: column!, lastRow: lastRow!, lastColumn: lastColumn! }
    : null;
}

/**
 * Every edit fires this, so a tab Houqin does not know costs one call and nothing more: the name
 * of the active sheet, which in a simple onEdit is the tab the person edited (a simple trigger
 * fires only for a person's edit in the sheet they have open; the active sheet "is the sheet that
 * is being displayed in the spreadsheet UI",
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveSheet()).
 * The event carries neither the sheet nor its id without a call, and a sheet id (Range.getGridId,
 * one call) would still need the template sheets' ids, another call. A known tab then takes the
 * active sheet itself, so the key, the rows read and the cells written all belong to one sheet.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const range = e.range;
  const source = e.source as GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  const name = source ? source.getSheetName() : range.getSheet().getName();
  const key = sheetKeyOf(name);
  if (!key) return;
  // The sheet itself only when a handler needs it: an edit of Settings or a sheet Houqin rebuilds
  // stops at the name.
  let sheet: Sheet | undefined;
  const editedSheet = () => (sheet ??= source ? source.getActiveSheet() : range.getSheet());
  let bounds: Bounds | null = eventBounds(range);
  let header: unknown[] | undefined;
  const nameLang = CARRIED_LANGS.find((lang) => labelKey(sheetName(lang, key)) === labelKey(name)) ?? 'zh-CN';
  const edit: Edit = {
    get sheet() {
      return editedSheet();
    },
    key,
    name,
    nameLang,
    header: () => (header ??= sheetValues(editedSheet(), 1, 1, 1, -1)[0] ?? []),
    bounds: () =>
      (bounds ??= parseBounds(range.getA1Notation()) ?? {
        row: range.getRow(),
        column: range.getColumn(),
        lastRow: range.getLastRow(),
        lastColumn: range.getLastColumn(),
      }),
  };
  const workbook = new EditWorkbook(
    source ?? SpreadsheetApp.getActiveSpreadsheet(),
    key,
    editedSheet,
    nameLang,
  );
  for (const handler of HANDLERS) handler(e, workbook, edit);
}
