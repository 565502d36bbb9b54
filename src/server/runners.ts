/**
 * One runner for each kind of entry point, so that main.ts lists each entry point in one line and
 * every entry point of a kind behaves the same way:
 * - simple triggers (onOpen, onEdit) give up on the lock in time to finish within their 30 seconds;
 * - menu items take the document lock when asked and tell their result or error in a dialog;
 * - time-driven triggers work on this script's spreadsheet, say in Settings what they could not do,
 *   and rethrow a failure so Apps Script records a failed execution.
 */
import { escapeHtml } from '../core/html';
import { fill, messages } from '../core/i18n';
import { DEFAULT_LANG, type Lang } from '../core/lang';
import type { StatusKey } from '../core/settings';
import { BusyError, withDocumentLock, withinSimpleTriggerLimit } from './adapters/lock';
import { cachedLanguage } from './adapters/properties';
import { errorText, logUnexpected, tell } from './adapters/ui';
import { Workbook } from './adapters/workbook';
import { lastRunText, recordStatus } from './alerts/status';

/** What a menu item tells the person, in the language of its own report. */
export interface Told {
  readonly lang: Lang;
  readonly text: string;
}

interface Explains {
  /** The text for an error this action expects, beyond "busy" and "something went wrong". */
  explain?(error: unknown, lang: Lang): string | undefined;
}

export interface MenuAction extends Explains {
  /** The dialog's title. */
  title(lang: Lang): string;
  /** Run under the document lock (an action that takes the lock itself says false). */
  readonly lock: boolean;
  /** Does the work; returns what to tell, or nothing when it showed its own dialog (or was cancelled). */
  run(workbook: Workbook, now: Date): Told | void;
}

/** A time-driven job: it records its own result in `status`; the runner records what stopped it. */
export interface ScheduledJob extends Explains {
  readonly status: StatusKey;
  run(workbook: Workbook, now: Date): unknown;
}

const explained = (action: Explains, error: unknown, lang: Lang) =>
  action.explain?.(error, lang) ?? errorText(lang, error);

/**
 * Nobody waits on a scheduled run, and Apps Script gives it 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas): it waits for the lock longer
 * than a person would, and still has time for its own work.
 */
const SCHEDULED_WAIT_MS = 120_000;

export function simpleTrigger<E>(handler: (e: E) => void): (e: E) => void {
  return (e) => withinSimpleTriggerLimit(() => handler(e));
}

export function menuItem(action: MenuAction): () => void {
  return () => {
    let workbook: Workbook | undefined;
    try {
      const active = (workbook = Workbook.active());
      const now = new Date();
      const told = action.lock ? withDocumentLock(() => action.run(active, now)) : action.run(active, now);
      if (told) tell(action.title(told.lang), told.text);
    } catch (error) {
      logUnexpected(error);
      const lang = reportLanguage(workbook);
      tell(action.title(lang), explained(action, error, lang));
    }
  };
}

/**
 * A time-driven trigger's handler. The workbook is the active spreadsheet: a script bound to a
 * spreadsheet reaches its container with getActiveSpreadsheet() when it runs from "the script
 * editor, menu items, dialogs, sidebars, or triggers" (https://developers.google.com/apps-script/guides/bound),
 * and an editor add-on's trigger belongs to the file it was created in: "Add-ons can only create
 * triggers for the file in which the add-on is used"
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers). So no workbook id is
 * stored or opened, and the narrow `spreadsheets.currentonly` scope is enough
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getactivespreadsheet).
 *
 * A busy workbook is not a failure: the run is skipped, said so in Settings (without the lock, one
 * cell), and the job runs again at its next scheduled time; a failed-execution e-mail for every
 * clash with a person's Check all would teach the owner to ignore those e-mails. Any other error
 * is recorded and rethrown, so Apps Script records a failed execution and e-mails the owner
 * (https://developers.google.com/apps-script/guides/triggers/installable).
 */
export function scheduled(job: ScheduledJob): (e?: unknown) => void {
  return () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) throw new Error(messages(DEFAULT_LANG).alerts.automation.noSpreadsheet);
    const workbook = new Workbook(spreadsheet);
    const now = new Date();
    try {
      withDocumentLock(() => job.run(workbook, now), SCHEDULED_WAIT_MS);
    } catch (error) {
      const busy = error instanceof BusyError;
      const record = () => {
        const lang = reportLanguage(workbook);
        const text = busy ? messages(lang).alerts.automation.busy : explained(job, error, lang);
        recordStatus(workbook, job.status, lastRunText(now, workbook.timeZone, lang, text), lang);
      };
      try {
        if (busy) record();
        else withDocumentLock(record);
      } catch (recordError) {
        // The run's own error is what the execution log and its e-mail must show.
        console.error(recordError);
      }
      if (!busy) throw error;
    }
  };
}

/**
 * doGet, the web app's page for anyone in the school. A failure (a sheet it cannot read, say) is told
 * on a plain page in the Settings language and written to the execution log with its stack, so a
 * visitor never meets Google's error page and the office can see what went wrong.
 */
export function webPage<E>(
  page: (e: E) => GoogleAppsScript.HTML.HtmlOutput,
): (e: E) => GoogleAppsScript.HTML.HtmlOutput {
  return (e) => {
    try {
      return page(e);
    } catch (error) {
      logUnexpected(error);
      let workbook: Workbook | undefined;
      try {
        workbook = Workbook.active();
      } catch {
        // the language then comes from the cache or the default
      }
      const lang = reportLanguage(workbook);
      const t = messages(lang).requests;
      // Duck-typed: an error raised inside a service is not an instance of the script's own Error.
      const said = (error as { message?: unknown } | null)?.message;
      const message = typeof said === 'string' ? said : String(error);
      return HtmlService.createHtmlOutput(
        `<!doctype html><html lang="${lang}"><meta charset="utf-8"><p style="font:16px/1.6 sans-serif;margin:24px">${escapeHtml(fill(t.unavailable, { message }))}</p></html>`,
      )
        .setTitle(t.title)
        .addMetaTag('viewport', 'width=device-width, initial-scale=1');
    }
  };
}

/**
 * The one rule for the language of a message: the Settings language; when the Settings sheet
 * cannot be read (the error may be that very read), the language cached from it; else the default.
 */
function reportLanguage(workbook: Workbook | undefined): Lang {
  try {
    if (workbook) return workbook.settings().settings.language;
  } catch {
    // fall through to the cached language
  }
  try {
    return cachedLanguage();
  } catch {
    return DEFAULT_LANG;
  }
}
