import { messages } from '../../core/i18n';
import { SHEETS, type SheetKey } from '../../core/sheets';
import { embedCatalog, pageCatalog } from '../../core/sidebar';
import { Workbook } from '../adapters/workbook';
import type { SidebarData } from './api';
import { sidebarData } from './data';
import type { CheckReport } from '../../core/validate';
import { checkAllSheets } from '../validate';
import { NO_ARGS, refused, type Endpoint } from './serve';

export { quickAction } from './submit';
export type { SidebarData, SubmitResult } from './api';

/** The menu item: the sidebar page with the text of the Settings language, titled in it. */
export function openSidebar(): void {
  const lang = Workbook.active().settings().settings.language;
  const page = HtmlService.createHtmlOutputFromFile('Sidebar');
  page.setContent(embedCatalog(page.getContent(), { lang, catalog: pageCatalog(messages(lang)) }));
  SpreadsheetApp.getUi().showSidebar(page.setTitle(messages(lang).sidebar.title));
}

/** google.script.run: everything the sidebar shows, in one call. */
export const load: Endpoint<[], null, SidebarData> = {
  read: NO_ARGS,
  handle: (_, call) => sidebarData(call.workbook, call.now),
};

/** google.script.run: the sidebar's "Check all sheets" button; the report is JSON-safe. */
export const checkReport: Endpoint<[], null, CheckReport> = {
  read: NO_ARGS,
  handle: (_, { workbook }) => checkAllSheets(workbook),
};

/** google.script.run: selects a record's row in its sheet, so a dashboard line opens what it counts. */
export const showRow: Endpoint<[sheet: SheetKey, row: number], { sheet: SheetKey; row: number }, object> = {
  read: ([sheet, row], { lang }) => {
    const key = SHEETS.find((s) => s.key === sheet)?.key;
    return key && typeof row === 'number' && Number.isInteger(row) && row >= 1
      ? { ok: true, values: { sheet: key, row } }
      : { ok: false, errors: { '': messages(lang).sidebar.errors.badRequest } };
  },
  handle: ({ sheet, row }, { workbook, lang }) => {
    const target = workbook.sheet(sheet);
    if (!target) return refused(messages(lang).errors.notSetUp);
    if (row > target.getMaxRows()) return refused(messages(lang).sidebar.errors.badRequest);
    target.activate();
    target.setActiveRange(target.getRange(row, 1, 1, target.getLastColumn() || 1));
    return {};
  },
};
