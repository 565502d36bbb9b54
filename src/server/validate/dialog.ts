import { messages } from '../../core/i18n';
import { checkReportHtml, type CheckReport } from '../../core/validate';

/** The result of "Check all sheets" in a modal dialog (the HTML escapes every workbook value). */
export function showCheckReport(report: CheckReport): void {
  const output = HtmlService.createHtmlOutput(checkReportHtml(report)).setWidth(820).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(output, messages(report.lang).validation.dialogTitle);
}
