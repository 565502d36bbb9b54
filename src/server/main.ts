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
import { buildMenu } from './menu';
import { handleEdit } from './edit';
import { describeSetup, setUpWorkbook } from './setup';

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
