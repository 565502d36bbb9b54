/**
 * Every global entry point Apps Script calls, one line each, grouped by kind. The build turns each
 * export into a top-level function. Each kind has one runner (runners.ts, sidebar/serve.ts), so a
 * new entry point is one line here and behaves like the others of its kind.
 */
import '../core/zod';
import * as alerts from './alerts/entry';
import * as documents from './documents/entry';
import { handleEdit } from './edit';
import * as importing from './import';
import * as menu from './menu';
import { menuItem, scheduled, simpleTrigger, webPage } from './runners';
import * as requests from './requests';
import * as sidebar from './sidebar';
import { serve } from './sidebar/serve';
import * as tasks from './tasks/entry';
import { completeMyTask, myTasks } from './tasks/api';

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
export const menuPrintRoomLabels = menuItem(requests.printLabels);
export const menuPrintAssetLabels = menuItem(requests.printAssetLabels);
export const menuImportRecords = menuItem(importing.importMenu);
export const menuPreviewSafetyReport = menuItem(documents.safetyPreview);
export const menuSendSafetyReport = menuItem(documents.safetySendNow);
export const menuPrintHandover = menuItem(documents.handoverPrint);
export const menuRecordHandover = menuItem(documents.handoverRecord);
export const menuStartStocktake = menuItem(documents.stocktakeStart);
export const menuPrintStocktake = menuItem(documents.stocktakePrint);
export const menuApproveStocktake = menuItem(documents.stocktakeApprove);
export const menuPrintFeeNotice = menuItem(documents.feeNotice);
export const menuPrintFeeAccounts = menuItem(documents.feeAccounts);
export const menuPrintAgencyStatement = menuItem(documents.agencyStatement);
export const menuPrintDamage = menuItem(documents.damagePrint);

// Installable time-driven triggers (created by the automation toggle, adapters/triggers.ts).
export const onDailyTrigger = scheduled(documents.dailyJob);
export const onWeeklyTrigger = scheduled(alerts.weeklyJob);
export const onMonthlyTrigger = scheduled(documents.monthlyJob);

// google.script.run: each checks its arguments with the page's schema and answers JSON.
export const apiSidebarData = serve(sidebar.load);
export const apiCheckAllSheets = serve(sidebar.checkReport);
export const apiShowRow = serve(sidebar.showRow);
export const apiSubmitReportRepair = serve(sidebar.quickAction('reportRepair'));
export const apiSubmitCompleteRepair = serve(sidebar.quickAction('completeRepair'));
export const apiSubmitRecordInspection = serve(sidebar.quickAction('recordInspection'));
export const apiSubmitStockMove = serve(sidebar.quickAction('stockMove'));
export const apiSubmitTakeFee = serve(sidebar.quickAction('takeFee'));
export const apiSubmitCanteenDaily = serve(sidebar.quickAction('canteenDaily'));
export const apiSubmitRecordDrill = serve(sidebar.quickAction('recordDrill'));
export const apiMyTasks = serve(myTasks);
export const apiCompleteTask = serve(completeMyTask);
export const apiOpenImport = serve(importing.openImport);
export const apiImportData = serve(importing.importData);
export const apiImportPreview = serve(importing.importPreviewEndpoint);
export const apiImportWrite = serve(importing.importWriteEndpoint);
export const apiStocktakeStep = serve(documents.stocktakeStep);

// The web app (manifest `webapp`): the school's request page and status pages, and its calls.
export const doGet = webPage(requests.servePage);
export const apiRequestRoom = serve(requests.room);
export const apiSubmitRequest = serve(requests.submit);
export const apiRecordHandover = serve(documents.recordHandover);
export const apiOpenHandover = serve(documents.openHandover);

// google.script.run from every document's dialog (PDF_ENDPOINTS in core/documents/ref.ts).
export const apiDocumentPdf = serve(documents.documentPdf);
export const apiEmailDocumentPdf = serve(documents.emailDocumentPdf);
