import type { SheetKey } from '../../core/sheets';
import { dayOf } from '../../core/time';
import type { WorkbookInput } from '../../core/validate';
import type { Table, Workbook } from '../adapters/workbook';

/** Reads the given sheets (one getValues each) and the settings, as the validation core wants them. */
export function readForValidation(
  workbook: Workbook,
  keys: readonly SheetKey[],
): { input: WorkbookInput; tables: Map<SheetKey, Table> } {
  const tables = new Map<SheetKey, Table>();
  const inputTables: WorkbookInput['tables'] = {};
  for (const key of keys) {
    const table = workbook.table(key);
    if (!table) continue;
    tables.set(key, table);
    inputTables[key] = { layout: table.layout, values: table.values };
  }
  const settingsTable = workbook.table('settings');
  if (settingsTable) inputTables.settings = { layout: settingsTable.layout, values: settingsTable.values };
  const timeZone = workbook.timeZone;
  return {
    input: {
      timeZone,
      settings: workbook.settings().settings,
      today: dayOf(new Date(), timeZone),
      tables: inputTables,
    },
    tables,
  };
}
