import { approveStocktake, countSheetDocument, openCount, startStocktake } from '../../core/documents';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { typedRecords } from '../../core/table';
import { userOf } from '../../core/sidebar';
import { dayOf } from '../../core/time';
import type { Workbook } from '../adapters/workbook';
import { withDocumentLock } from '../adapters/lock';
import type { MenuAction, Told } from '../runners';
import { refused, type Endpoint } from '../sidebar/serve';
import { writeChanges } from '../sidebar/write';
import { showDocument } from './dialog';

/** What a stocktake step tells, and whether it did its work (a refusal changes nothing). */
type Outcome = Told & { readonly done: boolean };
/** A menu action whose result also says whether it was refused, for the sidebar's buttons. */
type StocktakeAction = Omit<MenuAction, 'run'> & { run(workbook: Workbook, now: Date): Outcome | void };
const refusal = (lang: Lang, text: string): Outcome => ({ lang, text, done: false });

const title = (lang: Lang) => messages(lang).documents.stocktake.dialogTitle;
const lang = (workbook: Workbook) => workbook.settings().settings.language;
const table = (workbook: Workbook, key: 'stockItems' | 'stockMovements' | 'assets' | 'stocktake') =>
  workbook.table(key) ?? undefined;

/** 开始盘点: the 盘点表 rows of a new stocktake (book quantities as of today); refused while one is under way. */
export const stocktakeStart: StocktakeAction = {
  title,
  lock: true,
  run: (workbook, now) => {
    const l = lang(workbook);
    const tz = workbook.timeZone;
    if (!workbook.table('stocktake')) return refusal(l, messages(l).errors.notSetUp);
    const today = dayOf(now, tz);
    const tables = {
      stockItems: table(workbook, 'stockItems'),
      stockMovements: table(workbook, 'stockMovements'),
      assets: table(workbook, 'assets'),
      stocktake: table(workbook, 'stocktake'),
    };
    const plan = startStocktake(tables, { lang: l, today, timeZone: tz });
    if (!plan.ok) return refusal(l, plan.message);
    writeChanges(workbook, {
      append: [{ sheet: 'stocktake', records: plan.records }],
      update: [],
      message: '',
    });
    return {
      lang: l,
      text: fill(messages(l).documents.stocktake.started, { date: today, n: plan.records.length }),
      done: true,
    };
  },
};

/** The count sheet of the stocktake under way (from one read of 盘点表), or why there is none. */
export function composeCountSheet(workbook: Workbook, now: Date) {
  const { settings } = workbook.settings();
  const l = settings.language;
  const rows = openCount(table(workbook, 'stocktake'), workbook.timeZone);
  if (!rows.length) return { ok: false as const, lang: l, text: messages(l).documents.stocktake.noneOpen };
  const doc = countSheetDocument(rows, {
    lang: l,
    schoolName: settings.schoolName,
    today: dayOf(now, workbook.timeZone),
  });
  return { ok: true as const, doc };
}

/** 打印盘点表: the stocktake under way, a page per kind and location, counts filled so far. Reads only. */
export const stocktakePrint: StocktakeAction = {
  title,
  lock: false,
  run: (workbook, now) => {
    const sheet = composeCountSheet(workbook, now);
    if (!sheet.ok) return refusal(sheet.lang, sheet.text);
    showDocument(sheet.doc, { kind: 'stocktake' });
  },
};

/**
 * 审批盘点并调整账目: the office head only. Every row counted, else nothing changes; then the
 * variances, the stock movements and the asset register's changes, one write per sheet and kind.
 */
export const stocktakeApprove: StocktakeAction = {
  title,
  lock: true,
  run: (workbook) => {
    const { settings } = workbook.settings();
    const l = settings.language;
    const m = messages(l).documents.stocktake;
    const tz = workbook.timeZone;
    const email = Session.getActiveUser().getEmail().trim().toLowerCase();
    if (!email || email !== settings.officeHead.trim().toLowerCase()) return refusal(l, m.notHead);
    const rows = openCount(table(workbook, 'stocktake'), tz);
    const user = userOf(typedRecords(workbook.table('roster') ?? undefined, tz), email).name;
    const plan = approveStocktake(
      rows,
      { assets: table(workbook, 'assets') },
      { lang: l, timeZone: tz, user },
    );
    if (!plan.ok) return refusal(l, plan.message);
    // The ledgers the adjustments go to must be there (an older workbook may lack one).
    if (!workbook.table('stockMovements')) return refusal(l, messages(l).errors.notSetUp);
    writeChanges(workbook, plan.changes);
    return { lang: l, text: plan.changes.message, done: true };
  },
};

const STEPS = { start: stocktakeStart, print: stocktakePrint, approve: stocktakeApprove } as const;
type StocktakeStep = keyof typeof STEPS;

/**
 * google.script.run from a stocktake task in the sidebar's 我的任务: the same action as the menu's
 * 开始盘点 / 打印盘点表 / 审批盘点并调整账目 (the same lock, checks and writes); what the menu would
 * say comes back as the message (a refusal as a refusal), and 打印盘点表 opens its dialog.
 */
export const stocktakeStep: Endpoint<[step: StocktakeStep], StocktakeStep, { message: string }> = {
  read: ([step], { lang }) =>
    step === 'start' || step === 'print' || step === 'approve'
      ? { ok: true, values: step }
      : { ok: false, errors: { step: messages(lang).sidebar.errors.badRequest } },
  handle: (step, { workbook, now }) => {
    const action = STEPS[step];
    const told = action.lock ? withDocumentLock(() => action.run(workbook, now)) : action.run(workbook, now);
    if (told && !told.done) return refused(told.text);
    return { message: told ? told.text : '' };
  },
};
