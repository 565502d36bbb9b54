import {
  buildSafetyReport,
  drillsOf,
  monthPeriod,
  recipientsDue,
  renderDocument,
  reportLogChanges,
  safetyDocument,
  safetyRecipients,
  safetyReportKey,
  safetySummary,
  SAFETY_SHEETS,
  waitingInLog,
} from '../../core/documents';
import { readLog } from '../../core/alerts';
import { typedRecords } from '../../core/table';
import { escapeHtml } from '../../core/html';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { monthId, monthOf, type Month, firstDay } from '../../core/tasks';
import { addDays, dayOf } from '../../core/time';
import { remainingQuota, sendMail } from '../adapters/mail';
import { appendRecords, updateRecords, type Workbook } from '../adapters/workbook';
import { readTables } from '../alerts/input';
import { lastRunText, recordStatus } from '../alerts/status';
import type { MenuAction } from '../runners';
import { showDocument } from './dialog';
import { htmlToPdf } from './pdf';

/** The month that closed last: the one the 1st-of-the-month run reports on. */
export function closedMonth(now: Date, timeZone: string): Month {
  return monthOf(addDays(firstDay(monthOf(dayOf(now, timeZone))), -1));
}

/** The month's report as a document, from one read of each sheet it needs. */
export function composeSafetyReport(workbook: Workbook, month: Month, now: Date) {
  const { settings } = workbook.settings();
  const input = readTables(workbook, SAFETY_SHEETS);
  const drills = drillsOf(typedRecords(input.tables.drills, workbook.timeZone));
  const report = buildSafetyReport(input, drills, month, settings);
  const today = dayOf(now, workbook.timeZone);
  const doc = safetyDocument(report, { lang: settings.language, schoolName: settings.schoolName, today });
  return { report, doc, lang: settings.language };
}

/** 预览上月安全月报: the report in a dialog with a Print button; sends and writes nothing. */
export const safetyPreview: MenuAction = {
  title: (lang) => messages(lang).documents.safety.dialogTitle,
  lock: false,
  run: (workbook, now) => {
    const month = closedMonth(now, workbook.timeZone);
    const { doc } = composeSafetyReport(workbook, month, now);
    showDocument(
      doc,
      { kind: 'safety', month: monthId(month) },
      fill(messages(doc.lang).documents.titleOf, { title: doc.title, what: doc.period }),
    );
  },
};

export interface SafetySend {
  readonly lang: Lang;
  readonly text: string;
}

/**
 * Sends the closed month's report as a PDF to the bureau and the office head, once: recipients the
 * Alert log already shows as sent are skipped, so running it twice sends one e-mail. The quota is
 * read first; a send that cannot go is logged 待发送 and goes on a later run (`retryOnly`: the
 * daily job, which sends only a report already waiting). Call under the document lock.
 */
export function sendSafetyReport(workbook: Workbook, now: Date, retryOnly = false): SafetySend | null {
  const { settings } = workbook.settings();
  const lang = settings.language;
  const m = messages(lang).documents.safety;
  const logTable = workbook.table('alertLog');
  if (!logTable) throw new Error(messages(lang).errors.notSetUp);
  const month = closedMonth(now, workbook.timeZone);
  const period = monthPeriod(month, lang);
  const key = safetyReportKey(month);
  const log = readLog(logTable, workbook.timeZone);
  if (retryOnly && !waitingInLog(key, log)) return null;
  const all = safetyRecipients(settings.bureauEmails, settings.officeHead);
  const due = recipientsDue(key, all, log);
  let text: string;
  if (!all.length) text = fill(m.noRecipients, { period });
  else if (!due.length) text = fill(m.alreadySent, { period });
  else {
    let outcome: { sent: boolean; error?: string } | undefined;
    if (remainingQuota() >= due.length) {
      const { report, doc } = composeSafetyReport(workbook, month, now);
      const html = renderDocument(doc);
      const school = settings.schoolName;
      const intro = fill(m.mailIntro, { school, period });
      const facts = safetySummary(report, lang);
      const lines = [intro, ...(report.empty ? [m.mailEmptyNote] : []), facts];
      outcome = sendMail(
        {
          to: due.join(','),
          subject: fill(m.mailSubject, { school, period }),
          body: lines.join('\n\n'),
          htmlBody: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
        },
        messages(lang).app.name,
        [htmlToPdf(html, doc.fileName)],
      );
    }
    const changes = reportLogChanges(key, m.logKind, due, outcome, log, now, lang);
    appendRecords(logTable, changes.append);
    updateRecords(logTable, changes.update);
    text = !outcome
      ? fill(m.quota, { period })
      : outcome.sent
        ? fill(m.sent, { period, count: due.length })
        : fill(m.failed, { period, message: outcome.error ?? '' });
  }
  recordStatus(workbook, 'safetyReportLastRun', lastRunText(now, workbook.timeZone, lang, text), lang);
  return { lang, text };
}
