import { schoolCalendarFrom } from '../../core/calendar';
import {
  agencyStatementDocument,
  feeNoticeDocument,
  termFor,
  monthlyAccountsDocument,
  renderDocument,
  type DocumentModel,
} from '../../core/documents';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { parseMonth } from '../../core/tasks';
import { dayOf } from '../../core/time';
import type { Workbook } from '../adapters/workbook';
import type { MenuAction } from '../runners';
import { closedMonth } from './safety';

const title = (lang: Lang) => messages(lang).documents.fees.dialogTitle;

function context(workbook: Workbook, now: Date) {
  const { settings } = workbook.settings();
  const timeZone = workbook.timeZone;
  const tables = {
    feeItems: workbook.table('feeItems') ?? undefined,
    feePayments: workbook.table('feePayments') ?? undefined,
  };
  return {
    tables,
    ctx: { lang: settings.language, schoolName: settings.schoolName, today: dayOf(now, timeZone), timeZone },
  };
}

function show(doc: DocumentModel): void {
  const html = HtmlService.createHtmlOutput(renderDocument(doc, { printButton: true }))
    .setWidth(860)
    .setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, doc.title);
}

/** Asks one question; undefined when cancelled. */
function ask(prompt: string, lang: Lang): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title(lang), prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : undefined;
}

/** 打印收费公示: the fee items by kind with amounts, unit, period and approval. Reads only. */
export const feeNotice: MenuAction = {
  title,
  lock: false,
  run: (workbook, now) => {
    const { tables, ctx } = context(workbook, now);
    show(feeNoticeDocument(tables, ctx));
  },
};

/** 打印月度收费账目…: a month (empty: last month), by item and by collector. Reads only. */
export const feeAccounts: MenuAction = {
  title,
  lock: false,
  run: (workbook, now) => {
    const { tables, ctx } = context(workbook, now);
    const m = messages(ctx.lang).documents.fees;
    const text = ask(m.monthPrompt, ctx.lang);
    if (text === undefined) return;
    const month = text ? parseMonth(text) : closedMonth(now, ctx.timeZone);
    if (!month) return { lang: ctx.lang, text: fill(m.badMonth, { text }) };
    show(monthlyAccountsDocument(tables, month, ctx));
  },
};

/** 打印代办费清单…: one class's term, per student and item, from the Fees and Agency spending sheets. Reads only. */
export const agencyStatement: MenuAction = {
  title,
  lock: false,
  run: (workbook, now) => {
    const { tables, ctx } = context(workbook, now);
    const m = messages(ctx.lang).documents.fees;
    const className = ask(m.classPrompt, ctx.lang);
    if (className === undefined) return;
    const calendar = schoolCalendarFrom(workbook.table('schoolYear')?.rows ?? [], ctx.timeZone);
    const spent = workbook.table('agencySpending') ?? undefined;
    const doc = agencyStatementDocument({ ...tables, agencySpending: spent }, className, {
      ...ctx,
      term: termFor(calendar, ctx.today),
    });
    if (!doc) return { lang: ctx.lang, text: fill(m.noClass, { className }) };
    show(doc);
  },
};
