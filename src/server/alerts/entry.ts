import { messages } from '../../core/i18n';
import { DEFAULT_LANG, type Lang } from '../../core/lang';
import { withDocumentLock } from '../adapters/lock';
import { errorText, tell } from '../adapters/ui';
import { Workbook } from '../adapters/workbook';
import { sendOverdueAlerts } from './daily';
import { composeDigest, sendDigest } from './digest';
import { runScheduled, toggleAutomation, type TriggerEvent } from './jobs';

/** Runs a menu action on the active workbook and tells the person what happened (or what went wrong). */
function fromMenu(
  title: (lang: Lang) => string,
  action: (workbook: Workbook, now: Date) => { lang: Lang; text: string },
): void {
  let lang = DEFAULT_LANG;
  try {
    const workbook = Workbook.active();
    lang = workbook.settings().settings.language;
    const result = withDocumentLock(() => action(workbook, new Date()));
    tell(title(result.lang), result.text);
  } catch (error) {
    tell(title(lang), errorText(lang, error));
  }
}

const lang = (workbook: Workbook) => workbook.settings().settings.language;

export function alertsNow(): void {
  fromMenu(
    (l) => messages(l).alerts.title,
    (workbook, now) => ({ lang: lang(workbook), text: sendOverdueAlerts(workbook, now).text }),
  );
}

export function digestNow(): void {
  fromMenu(
    (l) => messages(l).alerts.digest.title,
    (workbook, now) => ({ lang: lang(workbook), text: sendDigest(workbook, now) }),
  );
}

export function automationToggle(): void {
  fromMenu((l) => messages(l).alerts.automation.title, toggleAutomation);
}

/** Shows the digest as it would go out, in a dialog; sends nothing and writes nothing. */
export function digestPreview(): void {
  let l = DEFAULT_LANG;
  try {
    const workbook = Workbook.active();
    l = lang(workbook);
    const mail = composeDigest(workbook, new Date());
    const html = HtmlService.createHtmlOutput(mail.htmlBody).setWidth(640).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(html, mail.subject);
  } catch (error) {
    tell(messages(l).alerts.digest.title, errorText(l, error));
  }
}

export function dailyTrigger(e: TriggerEvent): void {
  runScheduled(e, 'alertsLastRun', sendOverdueAlerts);
}

export function weeklyTrigger(e: TriggerEvent): void {
  runScheduled(e, 'digestLastRun', sendDigest);
}
