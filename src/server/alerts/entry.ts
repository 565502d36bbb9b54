import { messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { MenuAction, ScheduledJob, Told } from '../runners';
import type { Workbook } from '../adapters/workbook';
import { sendOverdueAlerts } from './daily';
import { composeDigest, sendDigest } from './digest';
import { toggleAutomation } from './jobs';
import { tellReporters } from '../requests/notify';

const lang = (workbook: Workbook) => workbook.settings().settings.language;

/** A menu item that writes under the lock and says what it did. */
const locked = (title: (lang: Lang) => string, run: (workbook: Workbook, now: Date) => Told): MenuAction => ({
  title,
  lock: true,
  run,
});

export const alertsNow = locked(
  (l) => messages(l).alerts.title,
  (workbook, now) => ({ lang: lang(workbook), text: sendOverdueAlerts(workbook, now).text }),
);

export const digestNow = locked(
  (l) => messages(l).alerts.digest.title,
  (workbook, now) => ({ lang: lang(workbook), text: sendDigest(workbook, now) }),
);

export const automationToggle = locked((l) => messages(l).alerts.automation.title, toggleAutomation);

/** Shows the digest as it would go out, in a dialog; sends nothing and writes nothing. */
export const digestPreview: MenuAction = {
  title: (l) => messages(l).alerts.digest.title,
  lock: false,
  run: (workbook, now) => {
    const mail = composeDigest(workbook, now);
    const html = HtmlService.createHtmlOutput(mail.htmlBody).setWidth(640).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(html, mail.subject);
  },
};

/** The daily job (07:00 school time): overdue alerts, one e-mail per person. */
export const dailyJob: ScheduledJob = {
  status: 'alertsLastRun',
  // Reporters of repairs closed by typing in the sheet hear of it here, before the alerts.
  run: (workbook, now) => (tellReporters(workbook, now), sendOverdueAlerts(workbook, now)),
};

/** The weekly job (Mondays 07:30 school time): the digest to the office list. */
export const weeklyJob: ScheduledJob = { status: 'digestLastRun', run: sendDigest };
