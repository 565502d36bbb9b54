/**
 * Every global entry point Apps Script calls: simple triggers, menu items, installable triggers
 * and google.script.run targets. The build turns each export into a top-level function.
 */
import '../core/zod';
import { DEFAULT_LANG } from '../core/lang';
import { messages } from '../core/i18n';
import { cachedLanguage } from './adapters/properties';
import { errorText, tell } from './adapters/ui';
import { withDocumentLock } from './adapters/lock';
import { Workbook } from './adapters/workbook';
import * as alerts from './alerts/entry';
import { buildMenu } from './menu';
import * as sidebar from './sidebar';
import { serve } from './sidebar/serve';
import { handleEdit } from './edit';
import * as tasks from './tasks/entry';
import { completeMyTask, myTasks } from './tasks/api';
import { describeSetup, setUpWorkbook } from './setup';
import { checkAllSheets, showCheckReport } from './validation';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

export function onOpen(e?: OpenEvent): void {
  // In AuthMode.NONE (add-on not yet used in this document) properties are out of reach.
  const lang = e && e.authMode === ScriptApp.AuthMode.NONE ? DEFAULT_LANG : cachedLanguage();
  buildMenu(SpreadsheetApp.getUi(), lang);
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

export function menuSetUpWorkbook(): void {
  const workbook = Workbook.active();
  let lang = DEFAULT_LANG;
  try {
    const report = withDocumentLock(() => setUpWorkbook(workbook));
    lang = report.lang;
    tell(messages(lang).setup.title, describeSetup(report));
  } catch (error) {
    tell(messages(lang).setup.title, errorText(lang, error));
  }
}

/** Menu: validate the whole workbook and show the problems in a dialog (also on the Problems sheet). */
export function menuCheckAllSheets(): void {
  const workbook = Workbook.active();
  try {
    showCheckReport(checkAllSheets(workbook));
  } catch (error) {
    const lang = cachedLanguage();
    tell(messages(lang).validation.dialogTitle, errorText(lang, error));
  }
}

/** google.script.run: the sidebar's "Check all sheets" button; the report is JSON-safe. */
export const apiCheckAllSheets = serve(sidebar.checkReport);

/** Menu: the sidebar with the dashboard and quick actions. */
export function menuOpenSidebar(): void {
  try {
    sidebar.openSidebar();
  } catch (error) {
    const lang = cachedLanguage();
    tell(messages(lang).sidebar.title, errorText(lang, error));
  }
}

/** google.script.run entry points: each checks its arguments with the page's schema and answers JSON. */
export const apiSidebarData = serve(sidebar.load);
export const apiShowRow = serve(sidebar.showRow);
export const apiSubmitReportRepair = serve(sidebar.quickAction('reportRepair'));
export const apiSubmitCompleteRepair = serve(sidebar.quickAction('completeRepair'));
export const apiSubmitRecordInspection = serve(sidebar.quickAction('recordInspection'));
export const apiSubmitStockMove = serve(sidebar.quickAction('stockMove'));
export const apiSubmitTakeFee = serve(sidebar.quickAction('takeFee'));
export const apiSubmitCanteenDaily = serve(sidebar.quickAction('canteenDaily'));

export function menuGenerateMonth(): void {
  tasks.generateThisMonth();
}

export function menuGenerateOtherMonth(): void {
  tasks.generateAskedMonth();
}

/** Time-driven trigger (created by the automation toggle): this month's tasks, in the school's zone. */
export function onMonthlyTrigger(_e?: unknown): void {
  tasks.generateOnSchedule();
}

/** The sidebar's "my tasks": the active user's open tasks, matched through the Roster e-mail. */
export const apiMyTasks = serve(myTasks);
export const apiCompleteTask = serve(completeMyTask);

/** Time-driven trigger (daily): overdue alerts, one e-mail per person. */
export function onDailyTrigger(e?: { triggerUid?: unknown }): void {
  alerts.dailyTrigger(e);
}

/** Time-driven trigger (Mondays 07:30 school time): the weekly digest to the office list. */
export function onWeeklyTrigger(e?: { triggerUid?: unknown }): void {
  alerts.weeklyTrigger(e);
}

export function menuSendAlertsNow(): void {
  alerts.alertsNow();
}

export function menuSendDigestNow(): void {
  alerts.digestNow();
}

export function menuPreviewDigest(): void {
  alerts.digestPreview();
}

export function menuToggleAutomation(): void {
  alerts.automationToggle();
}
