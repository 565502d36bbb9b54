import { messages } from '../../core/i18n';
import type { SheetKey } from '../../core/sheets';
import { embedCatalog } from '../../core/sidebar/embed';
import { Workbook } from '../adapters/workbook';
import type { SidebarData } from './api';
import { sidebarData } from './data';

export { submitAction } from './submit';
export type { SidebarData, SubmitResult } from './api';

/** The menu item: the sidebar page with the text of the Settings language, titled in it. */
export function openSidebar(): void {
  const lang = Workbook.active().settings().settings.language;
  const page = HtmlService.createHtmlOutputFromFile('Sidebar');
  page.setContent(embedCatalog(page.getContent(), { lang, catalog: messages(lang) }));
  SpreadsheetApp.getUi().showSidebar(page.setTitle(messages(lang).sidebar.title));
}

export function loadSidebar(): SidebarData {
  return sidebarData(Workbook.active(), new Date());
}

/** Selects a record's row in its sheet: a dashboard line opens what it counts. */
export function showRow(sheet: SheetKey, row: number): void {
  const target = Workbook.active().sheet(sheet);
  if (!target || !Number.isInteger(row) || row < 1 || row > target.getMaxRows()) return;
  target.activate();
  target.setActiveRange(target.getRange(row, 1, 1, target.getLastColumn() || 1));
}
