import type { Lang } from '../lang';
import { parseSettings } from '../settings/parse';
import { SETTING_DEFS } from '../settings/schema';
import { SHEETS, type SheetKey } from '../sheets';
import { columnHeader, isFormerSheetName, sheetName } from '../table/labels';
import { mapHeaders, patchRow, type CellValue, type TableLayout } from '../table/mapping';
import type { PlannedColumn } from './layout';
import {
  defaultCalendarRows,
  defaultScheduleRows,
  defaultSchoolYearRows,
  settingRow,
  type DefaultRow,
} from './defaults';

/** What setup found of one template sheet in the workbook. */
export interface ExistingSheet {
  name: string;
  /** The header row as read (row 1). */
  header: readonly unknown[];
  /** For the Settings sheet only: every row, header first; missing settings go below them. */
  rows?: readonly (readonly unknown[])[];
}

export interface SheetPlan {
  key: SheetKey;
  name: string;
  create: boolean;
  /** Declared columns to lay out (formats, drop-downs, widths), with their 1-based column. */
  columns: PlannedColumn[];
  /** One block of values to write at (row, column); empty when nothing is written. */
  write: { row: number; column: number; values: CellValue[][] } | null;
  /** Names of columns added to an existing sheet. */
  addedColumns: string[];
  /** Settings rows added to an existing Settings sheet. */
  addedSettings: string[];
  /** The office's own columns, reported so nobody wonders why they were left alone. */
  unknownColumns: string[];
  /**
   * Set when the sheet has Houqin's name but its first row names none of Houqin's columns (a
   * ledger with a title row above its header): setup leaves it exactly as it is.
   */
  foreign?: true;
  /** A sheet found under a name an earlier version gave it: its name before setup renames it. */
  renamedFrom?: string;
}

/**
 * The rows a sheet starts with. The plans' routines (the work calendar, the school year, the
 * inspection schedules) go into a new workbook only: a workbook that already holds any of
 * Houqin's sheets is the office's, and a sheet it lacks (deleted, say) comes back empty.
 */
function defaultRows(key: SheetKey, lang: Lang, timeZone: string, fresh: boolean): DefaultRow[] {
  if (!fresh && key !== 'settings') return [];
  switch (key) {
    case 'settings':
      return SETTING_DEFS.map((d) => settingRow(lang, d.key));
    case 'calendar':
      return defaultCalendarRows(lang);
    case 'schoolYear':
      return defaultSchoolYearRows(lang, timeZone);
    case 'inspectionSchedules':
      return defaultScheduleRows(lang);
    default:
      return [];
  }
}

function newSheetPlan(key: SheetKey, lang: Lang, timeZone: string, fresh: boolean): SheetPlan {
  const decl = SHEETS.find((s) => s.key === key)!;
  const header = decl.columns.map((c) => columnHeader(lang, key, c.key));
  const layout = mapHeaders(decl, header);
  const body = defaultRows(key, lang, timeZone, fresh).map((r) => patchRow(layout, undefined, r));
  return {
    key,
    name: sheetName(lang, key),
    create: true,
    columns: decl.columns.map((c, i) => ({ decl: c, column: i + 1 })),
    write: { row: 1, column: 1, values: [header, ...body] },
    addedColumns: [],
    addedSettings: [],
    unknownColumns: [],
  };
}

function existingSheetPlan(key: SheetKey, lang: Lang, sheet: ExistingSheet): SheetPlan {
  const decl = SHEETS.find((s) => s.key === key)!;
  const layout: TableLayout = mapHeaders(decl, sheet.header);
  const holdsText = sheet.header.some((v) => v !== '' && v !== null && v !== undefined);
  if (key !== 'settings' && holdsText && !Object.keys(layout.index).length)
    return {
      key,
      name: sheet.name,
      create: false,
      columns: [],
      write: null,
      addedColumns: [],
      addedSettings: [],
      unknownColumns: [],
      foreign: true,
    };
  // New columns go after the last header cell, so no user column moves.
  const start = sheet.header.length + 1;
  const added = layout.missing.map((c, i) => ({ decl: c, column: start + i }));
  const former = isFormerSheetName(key, sheet.name);
  const plan: SheetPlan = {
    key,
    name: former ? sheetName(lang, key) : sheet.name,
    ...(former && { renamedFrom: sheet.name }),
    create: false,
    columns: added,
    write: added.length
      ? { row: 1, column: start, values: [added.map((a) => columnHeader(lang, key, a.decl.key))] }
      : null,
    addedColumns: added.map((a) => columnHeader(lang, key, a.decl.key)),
    addedSettings: [],
    unknownColumns: layout.unknown.map((u) => u.header),
  };
  if (key === 'settings' && !added.length && sheet.rows) {
    const { missing } = parseSettings(sheet.rows);
    if (missing.length) {
      const rows = missing.map((k) => patchRow(layout, undefined, settingRow(lang, k)));
      plan.write = { row: sheet.rows.length + 1, column: 1, values: rows };
      plan.addedSettings = missing.map((k) => String(settingRow(lang, k).setting));
    }
  }
  return plan;
}

/**
 * What "Set up workbook" must do: create the missing sheets in `lang`, add missing columns at the
 * right of existing ones, add missing settings. It never plans a write over a cell that holds data.
 */
export function planSetup(
  existing: Partial<Record<SheetKey, ExistingSheet>>,
  lang: Lang,
  timeZone: string,
): SheetPlan[] {
  // Only the Settings sheet: the language is chosen there before the first setup.
  const fresh = Object.keys(existing).every((k) => k === 'settings');
  return SHEETS.map((s) => {
    const found = existing[s.key];
    return found ? existingSheetPlan(s.key, lang, found) : newSheetPlan(s.key, lang, timeZone, fresh);
  });
}
