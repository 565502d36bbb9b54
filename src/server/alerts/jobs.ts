import { fill, messages } from '../../core/i18n';
import { DEFAULT_LANG, type Lang } from '../../core/lang';
import { withDocumentLock } from '../adapters/lock';
import {
  automationInstalled,
  installAutomation,
  JOBS,
  removeAutomation,
  spreadsheetIdForTrigger,
} from '../adapters/triggers';
import { Workbook } from '../adapters/workbook';
import { lastRunText, recordStatus, stamp } from './status';

export type TriggerEvent = { triggerUid?: unknown } | undefined;

/**
 * The workbook a time-driven trigger works on. A trigger has no active spreadsheet to rely on, so
 * it opens the one whose id was stored with the trigger when automation was turned on.
 */
export function workbookForTrigger(e: TriggerEvent): Workbook {
  const id = spreadsheetIdForTrigger(e?.triggerUid);
  if (!id) throw new Error(messages(DEFAULT_LANG).alerts.automation.noSpreadsheet);
  return new Workbook(SpreadsheetApp.openById(id));
}

/**
 * Runs a scheduled job under the document lock. A failure is shown on the Settings sheet and
 * rethrown, so Apps Script's execution log (and its failure e-mail) records it too.
 */
export function runScheduled(
  e: TriggerEvent,
  status: 'alertsLastRun' | 'digestLastRun',
  job: (workbook: Workbook, now: Date) => unknown,
): void {
  const workbook = workbookForTrigger(e);
  const now = new Date();
  try {
    withDocumentLock(() => job(workbook, now));
  } catch (error) {
    const lang = workbook.settings().settings.language;
    const text = fill(messages(lang).errors.unexpected, {
      message: error instanceof Error ? error.message : String(error),
    });
    withDocumentLock(() =>
      recordStatus(workbook, status, lastRunText(now, workbook.timeZone, lang, text), lang),
    );
    throw error;
  }
}

const time = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** Turns automation on (creating only missing triggers) or off (removing only Houqin's); returns the message. */
export function toggleAutomation(workbook: Workbook, now: Date): { lang: Lang; text: string } {
  const lang = workbook.settings().settings.language;
  const m = messages(lang).alerts.automation;
  const id = workbook.spreadsheet.getId();
  const tz = workbook.timeZone;
  if (automationInstalled(id)) {
    const count = removeAutomation(id);
    recordStatus(workbook, 'automation', fill(m.statusOff, { time: stamp(now, tz) }), lang);
    return { lang, text: fill(m.off, { count }) };
  }
  installAutomation(id, tz);
  recordStatus(workbook, 'automation', fill(m.statusOn, { time: stamp(now, tz) }), lang);
  const [daily, weekly, monthly] = JOBS.map((j) => time(j.hour, j.minute));
  return { lang, text: fill(m.on, { daily: daily!, weekly: weekly!, monthly: monthly! }) };
}
