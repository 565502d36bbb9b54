import { readLog } from '../../core/alerts';
import { messages } from '../../core/i18n';
import { str, typedRecords } from '../../core/table';
import { type Notice, closedNotices, noticeLog } from '../../core/requests';
import { sameId } from '../../core/sidebar';
import { remainingQuota, sendMail } from '../adapters/mail';
import type { Workbook } from '../adapters/workbook';
import { writeChanges } from '../sidebar/write';
import { statusLinker, webAppUrl } from './token';

/**
 * Sends a request's e-mails within the day's quota (read once; a mail beyond it waits, logged
 * 'pending') and records each in the Alert log, like the alerts. Call under the document lock.
 */
export function sendNotices(
  workbook: Workbook,
  notices: readonly Notice[],
  now: Date,
  rows: readonly number[],
): void {
  if (!notices.length) return;
  const lang = workbook.settings().settings.language;
  let quota = remainingQuota();
  const sent = notices.map((n) => {
    if (quota <= 0) return undefined;
    const outcome = sendMail(n.mail, messages(lang).app.name);
    if (outcome.sent) quota -= 1;
    return outcome.sent;
  });
  if (!workbook.table('alertLog')) return;
  writeChanges(workbook, {
    append: [{ sheet: 'alertLog', records: noticeLog(notices, sent, now, lang, rows) }],
    update: [],
    message: '',
  });
}

/**
 * Tells reporters whose request is now done or turned down (once each: the Alert log remembers).
 * Reads the repairs and the Alert log as they are now, so call it after the change is written;
 * the daily run calls it too, for repairs closed by typing in the sheet. Call under the lock.
 */
export function tellReporters(workbook: Workbook, now: Date): number {
  workbook.forgetSheets();
  const log = workbook.table('alertLog');
  const repairs = workbook.table('repairs');
  if (!log || !repairs) return 0;
  const tz = workbook.timeZone;
  const records = typedRecords(repairs, tz);
  const notices = closedNotices(
    records,
    readLog(log, tz),
    tz,
    workbook.settings().settings.language,
    statusLinker(webAppUrl()),
  );
  const rows = notices.map((n) => {
    const id = n.itemKey.slice(n.itemKey.indexOf(':') + 1);
    return records.find((r) => sameId(str(r.v.repairId), id))?.row ?? 0;
  });
  sendNotices(workbook, notices, now, rows);
  // The log grew below what this execution read: whoever reads it next reads it afresh.
  if (notices.length) workbook.forgetSheets();
  return notices.length;
}
