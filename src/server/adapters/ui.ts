import { embedJson } from '../../core/html';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { BusyError } from './lock';

/** Shows a message box when a person is there to see it; triggers have no UI, so they log instead. */
export function tell(title: string, text: string): void {
  try {
    SpreadsheetApp.getUi().alert(title, text, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch {
    console.log(`${title}: ${text}`);
  }
}

/** The user-facing text for an error: busy is expected, anything else is shown, never swallowed. */
export function errorText(lang: Lang, error: unknown): string {
  const m = messages(lang).errors;
  if (error instanceof BusyError) return m.busy;
  return fill(m.unexpected, { message: error instanceof Error ? error.message : String(error) });
}

/**
 * An error the person is told about in a dialog or the page is also written, with its stack, to
 * the execution log, so whoever looks into it sees which functions failed. Busy is expected.
 */
export function logUnexpected(error: unknown): void {
  if (error instanceof BusyError) return;
  // Duck-typed: an error raised inside a service is not an instance of the script's own Error.
  const stack = (error as { stack?: unknown } | null)?.stack;
  console.error(typeof stack === 'string' ? stack : String(error));
}

/** A page built into dist/ (Request, Labels), served with the data it shows embedded in it. */
export function pageWithData(file: string, id: string, data: unknown): GoogleAppsScript.HTML.HtmlOutput {
  const page = HtmlService.createHtmlOutputFromFile(file);
  return page.setContent(embedJson(page.getContent(), id, data));
}
