import { schoolCalendarFrom } from '../../core/calendar';
import {
  agencyStatementDocument,
  feeNoticeDocument,
  termFor,
  monthlyAccountsDocument,
} from '../../core/documents';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { monthId, parseMonth, type Month } from '../../core/tasks';
import { dayOf } from '../../core/time';
import type { Workbook } from '../adapters/workbook';
import type { MenuAction } from '../runners';
import { showDocument } from './dialog';
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

/** 收费公示, from one read of the fee items and payments. */
export function composeFeeNotice(workbook: Workbook, now: Date) {
  const { tables, ctx } = context(workbook, now);
  return feeNoticeDocument(tables, ctx);
}

/** The month's accounts for staff, from one read of the fee items and payments. */
export function composeFeeAccounts(workbook: Workbook, month: Month, now: Date) {
  const { tables, ctx } = context(workbook, now);
  return monthlyAccountsDocument(tables, month, ctx);
}

/** A class's agency-fee statement; undefined when the Fees sheet has none for that class. */
export function composeAgencyStatement(workbook: Workbook, className: string, now: Date) {
  const { tables, ctx } = context(workbook, now);
  const calendar = schoolCalendarFrom(workbook.table('schoolYear')?.rows ?? [], ctx.timeZone);
  const spent = workbook.table('agencySpending') ?? undefined;
  return agencyStatementDocument({ ...tables, agencySpending: spent }, className, {
    ...ctx,
    term: termFor(calendar, ctx.today),
  });
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
  run: (workbook, now) => showDocument(composeFeeNotice(workbook, now), { kind: 'feeNotice' }),
};

/** 打印月度收费账目…: a month (empty: last month), by item and by collector. Reads only. */
export const feeAccounts: MenuAction = {
  title,
  lock: false,
  run: (workbook, now) => {
    const lang = workbook.settings().settings.language;
    const m = messages(lang).documents.fees;
    const text = ask(m.monthPrompt, lang);
    if (text === undefined) return;
    const month = text ? parseMonth(text) : closedMonth(now, workbook.timeZone);
    if (!month) return { lang, text: fill(m.badMonth, { text }) };
    showDocument(composeFeeAccounts(workbook, month, now), { kind: 'feeAccounts', month: monthId(month) });
  },
};

/** 打印代办费清单…: one class's term, per student and item, from the Fees and Agency spending sheets. Reads only. */
export const agencyStatement: MenuAction = {
  title,
  lock: false,
  run: (workbook, now) => {
    const lang = workbook.settings().settings.language;
    const m = messages(lang).documents.fees;
    const className = ask(m.classPrompt, lang);
    if (className === undefined) return;
    const doc = composeAgencyStatement(workbook, className, now);
    if (!doc) return { lang, text: fill(m.noClass, { className }) };
    showDocument(doc, { kind: 'agencyStatement', className });
  },
};
