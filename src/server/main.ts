/**
 * Every global entry point Apps Script calls, one line each, grouped by kind. The build turns each
 * export into a top-level function. Each kind has one runner (runners.ts), so a new entry point is
 * one line here and behaves like the others of its kind.
 */
import '../core/zod';
import * as alerts from './alerts/entry';
import { handleEdit } from './edit';
import * as menu from './menu';
import { menuItem, scheduled, simpleTrigger } from './runners';
import * as sidebar from './sidebar';
import type { SheetKey } from '../core/sheets';
import * as tasks from './tasks/entry';
import { completeMyTask, myTasks, type MyTask } from './tasks/api';
import { checkAllSheets } from './validation';
import type { CheckReport } from '../core/validate/report';
import { Workbook } from './adapters/workbook';

// Simple triggers: LIMITED auth (onOpen may be NONE), 30 seconds at most.
export const onOpen = simpleTrigger(menu.openMenu);
export const onInstall = onOpen;
export const onEdit = simpleTrigger(handleEdit);

// Menu items (MENU_ITEMS in menu.ts): each tells its result or its error in a dialog.
export const menuOpenSidebar = menuItem(menu.sidebar);
export const menuSetUpWorkbook = menuItem(menu.setUp);
export const menuCheckAllSheets = menuItem(menu.checkAll);
export const menuGenerateMonth = menuItem(tasks.generateThisMonth);
export const menuGenerateOtherMonth = menuItem(tasks.generateAskedMonth);
export const menuSendAlertsNow = menuItem(alerts.alertsNow);
export const menuSendDigestNow = menuItem(alerts.digestNow);
export const menuPreviewDigest = menuItem(alerts.digestPreview);
export const menuToggleAutomation = menuItem(alerts.automationToggle);

// Installable time-driven triggers (created by the automation toggle, adapters/triggers.ts).
export const onDailyTrigger = scheduled(alerts.dailyJob);
export const onWeeklyTrigger = scheduled(alerts.weeklyJob);
export const onMonthlyTrigger = scheduled(tasks.monthlyJob);

// google.script.run: the sidebar's calls.

/** google.script.run: the sidebar's "Check all sheets" button; the report is JSON-safe. */
export function apiCheckAllSheets(): CheckReport {
  return checkAllSheets(Workbook.active());
}

/** google.script.run: everything the sidebar shows, in one call. */
export function apiSidebarData(): sidebar.SidebarData {
  return sidebar.loadSidebar();
}

/** google.script.run: select a dashboard line's row in its sheet. */
export function apiShowRow(sheet: SheetKey, row: number): void {
  sidebar.showRow(sheet, row);
}

/** google.script.run: the quick actions. Each re-validates what it receives. */
export function apiSubmitReportRepair(input: unknown): sidebar.SubmitResult {
  return sidebar.submitAction('reportRepair', input);
}
export function apiSubmitCompleteRepair(input: unknown): sidebar.SubmitResult {
  return sidebar.submitAction('completeRepair', input);
}
export function apiSubmitRecordInspection(input: unknown): sidebar.SubmitResult {
  return sidebar.submitAction('recordInspection', input);
}
export function apiSubmitStockMove(input: unknown): sidebar.SubmitResult {
  return sidebar.submitAction('stockMove', input);
}
export function apiSubmitTakeFee(input: unknown): sidebar.SubmitResult {
  return sidebar.submitAction('takeFee', input);
}
export function apiSubmitCanteenDaily(input: unknown): sidebar.SubmitResult {
  return sidebar.submitAction('canteenDaily', input);
}

/** The sidebar's "my tasks": the active user's open tasks, matched through the Roster e-mail. */
export function apiMyTasks(): { person: string; tasks: MyTask[] } {
  return myTasks();
}

export function apiCompleteTask(taskId: string, result?: 'pass' | 'hazard', finding?: string) {
  return completeMyTask(taskId, result, finding);
}
