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
