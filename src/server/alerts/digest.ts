import type { Mail } from '../../core/alerts';
import { buildDigest, renderDigest, type DigestProblem } from '../../core/digest';
import { fill, messages } from '../../core/i18n';
import { findOverdue, knownRecords, type OverdueInput } from '../../core/overdue';
import type { SheetKey } from '../../core/sheets';
import { sheetName } from '../../core/table';
import { dayOf } from '../../core/time';
import type { Lang } from '../../core/lang';
import {
  CHECKED_SHEETS,
  checkWorkbook,
  messageIn,
  type Problem,
  type WorkbookInput,
} from '../../core/validate';
import { remainingQuota, sendMail } from '../adapters/mail';
import type { Workbook } from '../adapters/workbook';
import { OVERDUE_SHEETS, readTables } from './input';
import { workbookLinks } from './links';
import { lastRunText, recordStatus } from './status';

const DIGEST_LINKED: readonly SheetKey[] = [
  'repairs',
  'inspectionResults',
  'stockItems',
  'feePayments',
  'supplierCertificates',
  'tasks',
  'duty',
];

/**
 * A problem as the digest shows it, its text written only when read, in the digest's language:
 * the digest counts tens of thousands on a messy workbook and shows the first few.
 */
class Found implements DigestProblem {
  constructor(
    private readonly problem: Problem,
    private readonly lang: Lang,
  ) {}
  get severity(): Problem['severity'] {
    return this.problem.severity;
  }
  get message(): string {
    return `${sheetName(this.lang, this.problem.sheet)} ${messageIn(this.problem, this.lang)}`;
  }
}

/** What the validation finds now, each sheet read once (the same reads the digest uses). */
function problems(workbook: Workbook, input: OverdueInput, now: Date): DigestProblem[] {
  const { settings } = workbook.settings();
  const tables: WorkbookInput['tables'] = {};
  for (const key of CHECKED_SHEETS) {
    const table = workbook.table(key);
    if (table) (tables as Record<SheetKey, unknown>)[key] = { layout: table.layout, values: table.values };
  }
  const tz = workbook.timeZone;
  const check = checkWorkbook({ timeZone: tz, settings, today: dayOf(now, tz), tables });
  // The check typed every record it checked: the digest's figures take them rather than typing the sheets again.
  for (const [key, view] of check.views) {
    const table = input.tables[key];
    if (table) knownRecords(table, tz, view.rows);
  }
  return check.problems.map((p) => new Found(p, settings.language));
}

/** The digest e-mail for the office list, built from the workbook as it is now. */
export function composeDigest(workbook: Workbook, now: Date): Mail {
  const { settings } = workbook.settings();
  const input = readTables(workbook, [...OVERDUE_SHEETS, 'feePayments', 'canteenSamples']);
  const found = problems(workbook, input, now);
  const overdue = findOverdue(input, now, settings);
  const digest = buildDigest(input, now, settings, overdue, found);
  // The rows items link to, and the sheets each section's "more" opens: one call per sheet.
  const links = workbookLinks(workbook, [...overdue.map((i) => i.sheet), ...DIGEST_LINKED]);
  return renderDigest(digest, settings.officeEmails, {
    lang: settings.language,
    schoolName: settings.schoolName,
    links,
  });
}

/**
 * The weekly job: one e-mail to the office list (all addresses in one message, so one sendEmail).
 * Call under the document lock. Returns what it did, as shown on the Settings sheet.
 */
export function sendDigest(workbook: Workbook, now: Date): string {
  const { settings } = workbook.settings();
  const m = messages(settings.language).alerts.digest;
  let result: string;
  if (!settings.officeEmails.length) result = m.noRecipients;
  else if (remainingQuota() < settings.officeEmails.length) result = m.quota;
  else {
    const outcome = sendMail(composeDigest(workbook, now), messages(settings.language).app.name);
    result = outcome.sent
      ? fill(m.sent, { count: settings.officeEmails.length })
      : fill(m.failed, { message: outcome.error ?? '' });
  }
  recordStatus(
    workbook,
    'digestLastRun',
    lastRunText(now, workbook.timeZone, settings.language, result),
    settings.language,
  );
  return result;
}
