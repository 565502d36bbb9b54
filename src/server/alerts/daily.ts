import { logChanges, planAlerts, readLog, renderAlert, type Outcome } from '../../core/alerts';
import { fill, messages } from '../../core/i18n';
import { findOverdue, rosterPeople } from '../../core/overdue';
import { isEmail } from '../../core/settings';
import { remainingQuota, sendMail } from '../adapters/mail';
import { appendRecords, updateRecords, type Workbook } from '../adapters/workbook';
import { overdueInput } from './input';
import { workbookLinks } from './links';
import { lastRunText, recordStatus } from './status';

export interface AlertRun {
  readonly sent: number;
  readonly items: number;
  readonly pending: number;
  readonly failed: number;
  readonly text: string;
}

/**
 * The daily job: find what is late, decide who hears about what, send one e-mail per recipient
 * (most urgent first, within the quota read up front), then record in the Alert log exactly what
 * went. Call under the document lock.
 */
export function sendOverdueAlerts(workbook: Workbook, now: Date): AlertRun {
  const { settings } = workbook.settings();
  const lang = settings.language;
  const tz = workbook.timeZone;
  const logTable = workbook.table('alertLog');
  if (!logTable) throw new Error(messages(lang).errors.notSetUp);
  const input = overdueInput(workbook);
  const items = findOverdue(input, now, settings);
  // Read once: the log grows every day, and sending changes nothing in it until it is written.
  const log = readLog(logTable, tz);
  const plan = planAlerts(items, log, now, tz, settings);
  const people = rosterPeople(input);
  const links = workbookLinks(
    workbook,
    items.map((i) => i.sheet),
  );
  const ctx = {
    lang,
    schoolName: settings.schoolName,
    escalationDays: settings.escalationDays,
    links,
    nameOf: (email: string) => people.nameOf(email) ?? email,
  };
  let quota = plan.length ? remainingQuota() : 0;
  const outcomes: (Outcome | undefined)[] = plan.map((message) => {
    if (quota <= 0) return undefined;
    const outcome = sendMail(renderAlert(message, ctx), messages(lang).app.name);
    if (outcome.sent) quota -= 1;
    return outcome;
  });
  const changes = logChanges(plan, outcomes, log, now, lang);
  appendRecords(logTable, changes.append);
  updateRecords(logTable, changes.update);

  const m = messages(lang).alerts;
  const sentPlan = plan.filter((_, i) => outcomes[i]?.sent);
  const run = {
    sent: sentPlan.length,
    items: sentPlan.reduce((n, p) => n + p.lines.length, 0),
    pending: outcomes.filter((o) => o === undefined).length,
    failed: outcomes.filter((o) => o !== undefined && !o.sent).length,
  };
  const notes = [plan.length ? fill(m.sent, run) : m.nothing];
  if (!isEmail(settings.officeHead) && items.some((i) => i.toHead)) notes.push(m.noHead);
  const text = notes.join(' ');
  recordStatus(workbook, 'alertsLastRun', lastRunText(now, tz, lang, text), lang);
  return { ...run, text };
}
