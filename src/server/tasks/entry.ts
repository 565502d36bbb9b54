import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { dayOf } from '../../core/time';
import { monthOf, parseMonth, type Month } from '../../core/tasks';
import { withDocumentLock } from '../adapters/lock';
import { cachedLanguage } from '../adapters/properties';
import type { Workbook } from '../adapters/workbook';
import { lastRunText, recordStatus } from '../alerts/status';
import type { MenuAction, ScheduledJob, Told } from '../runners';
import {
  describeGeneration,
  generateMonth,
  generationSummary,
  schoolToday,
  TasksNotSetUpError,
  type GenerateReport,
} from './generate';

const title = (lang: Lang) => messages(lang).tasks.title;
const explain = (error: unknown, lang: Lang) =>
  error instanceof TasksNotSetUpError ? messages(lang).errors.notSetUp : undefined;

/** `month` (default: this month in the school's zone); call under the document lock. */
function generate(workbook: Workbook, today = schoolToday(workbook), month?: Month): GenerateReport {
  return generateMonth(workbook, month ?? monthOf(today), today);
}

const told = (report: GenerateReport): Told => ({ lang: report.lang, text: describeGeneration(report) });

/** 生成本月任务. */
export const generateThisMonth: MenuAction = {
  title,
  lock: true,
  explain,
  run: (workbook) => told(generate(workbook)),
};

/**
 * 生成其他月份任务…: asks which month (before taking the lock: a person may take a while to
 * answer); a month that cannot be read is said so and nothing is generated.
 */
export const generateAskedMonth: MenuAction = {
  title,
  lock: false,
  explain,
  run: (workbook) => {
    const lang = cachedLanguage();
    const m = messages(lang).tasks;
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(m.title, m.monthPrompt, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const text = answer.getResponseText();
    const month = parseMonth(text);
    if (!month) return { lang, text: fill(m.badMonth, { text }) };
    return withDocumentLock(() => told(generate(workbook, undefined, month)));
  },
};

/** The monthly job (1st of the month, 06:00 school time): no UI, so it says in Settings what it did. */
export const monthlyJob: ScheduledJob = {
  status: 'tasksLastRun',
  explain,
  run: (workbook, now) => {
    const report = generate(workbook, dayOf(now, workbook.timeZone));
    console.log(describeGeneration(report)); // the whole report, in the execution log
    const line = lastRunText(now, workbook.timeZone, report.lang, generationSummary(report));
    recordStatus(workbook, 'tasksLastRun', line, report.lang);
  },
};
