import { Workbook } from './adapters/workbook';
import { validateEdit } from './validate/edit';
import { onTaskEdit } from './tasks/complete';

/**
 * Something that reacts to a person's edit: validation marks cells, the Tasks sheet rolls an
 * inspection schedule when a task is marked done. Simple triggers run in AuthMode.LIMITED: the
 * spreadsheet is reachable, mail and triggers are not.
 */
export type EditHandler = (e: GoogleAppsScript.Events.SheetsOnEdit, workbook: Workbook) => void;

const HANDLERS: EditHandler[] = [validateEdit, onTaskEdit];

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const workbook = new Workbook(e.source ?? SpreadsheetApp.getActiveSpreadsheet());
  for (const handler of HANDLERS) handler(e, workbook);
}
