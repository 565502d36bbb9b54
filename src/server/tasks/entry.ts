import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { monthOf, parseMonth, type Month } from '../../core/tasks';
import { cachedLanguage } from '../adapters/properties';
import { withDocumentLock } from '../adapters/lock';
import { errorText, tell } from '../adapters/ui';
import { Workbook } from '../adapters/workbook';
import { describeGeneration, generateMonth, schoolToday, TasksNotSetUpError } from './generate';

function problemText(lang: Lang, error: unknown): string {
  return error instanceof TasksNotSetUpError ? messages(lang).errors.notSetUp : errorText(lang, error);
}

/** Generates `month` (default: this month in the school's zone) under the lock and reports how it went. */
function run(workbook: Workbook, month?: Month): void {
  let lang = cachedLanguage();
  try {
    const text = withDocumentLock(() => {
      lang = workbook.settings().settings.language;
      const today = schoolToday(workbook);
      return describeGeneration(generateMonth(workbook, month ?? monthOf(today), today));
    });
    tell(messages(lang).tasks.title, text);
  } catch (error) {
    tell(messages(lang).tasks.title, problemText(lang, error));
  }
}

export function generateThisMonth(): void {
  run(Workbook.active());
}

/** Asks which month; a month that cannot be read is said so and nothing is generated. */
export function generateAskedMonth(): void {
  const lang = cachedLanguage();
  const m = messages(lang).tasks;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(m.title, m.monthPrompt, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText();
  const month = parseMonth(text);
  if (!month) {
    tell(m.title, fill(m.badMonth, { text }));
    return;
  }
  run(Workbook.active(), month);
}

/** The time-driven trigger (1st of the month, 06:00): no UI and no active user, so it only logs. */
export function generateOnSchedule(): void {
  run(Workbook.active());
}
