import { schoolCalendarFrom } from '../../core/calendar';
import {
  handoverDocument,
  handoverForm,
  handoverGroups,
  handoverTerm,
  planHandoverResult,
  readChecks,
  type HandoverCheck,
} from '../../core/documents';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { typedRecords } from '../../core/table';
import { userOf } from '../../core/sidebar';
import { assignerFrom, readTasks } from '../../core/tasks';
import { dayOf } from '../../core/time';
import { withDocumentLock } from '../adapters/lock';
import type { Workbook } from '../adapters/workbook';
import type { MenuAction } from '../runners';
import { refused, type Endpoint } from '../sidebar/serve';
import { writeChanges } from '../sidebar/write';
import { showDocument } from './dialog';

/** The handover list for `who` (a room or a custodian; '' = every room), from one read of each sheet. */
export function composeHandover(workbook: Workbook, who: string, now: Date) {
  const { settings } = workbook.settings();
  const tz = workbook.timeZone;
  const today = dayOf(now, tz);
  const groups = handoverGroups(workbook.table('assets') ?? undefined, tz, who);
  const calendar = schoolCalendarFrom(workbook.table('schoolYear')?.rows ?? [], tz);
  const doc = handoverDocument(groups, {
    lang: settings.language,
    schoolName: settings.schoolName,
    today,
    term: handoverTerm(calendar, today),
  });
  return { groups, doc, lang: settings.language };
}

/** What the office asks for: the printable lists, or the form that records the check. */
export type HandoverMode = 'print' | 'record';

/**
 * Shows the handover lists of `who` (a room or a custodian; for printing, '' = every room) in a
 * dialog: printable, or as the form that records the check. Returns why it showed nothing, if so.
 */
export function showHandover(
  workbook: Workbook,
  who: string,
  mode: HandoverMode,
  now: Date,
): string | undefined {
  const { groups, doc, lang } = composeHandover(workbook, who, now);
  const m = messages(lang).documents;
  if (!groups.length || (mode === 'record' && !who)) return fill(m.handover.notFound, { who });
  const title = mode === 'print' ? doc.title : m.handoverResult.dialogTitle;
  const shown = who ? fill(m.titleOf, { title, what: who }) : title;
  if (mode === 'print') {
    showDocument(doc, { kind: 'handover', who }, shown);
    return undefined;
  }
  const html = HtmlService.createHtmlOutput(handoverForm(groups, lang)).setWidth(860).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, shown);
  return undefined;
}

/** A menu item that asks for a room or a custodian, then shows the lists (reads only, writes nothing). */
function asking(mode: HandoverMode): MenuAction {
  const texts = (lang: Lang) =>
    mode === 'print' ? messages(lang).documents.handover : messages(lang).documents.handoverResult;
  return {
    title: (lang) => texts(lang).dialogTitle,
    lock: false,
    run: (workbook, now) => {
      const lang = workbook.settings().settings.language;
      const ui = SpreadsheetApp.getUi();
      const answer = ui.prompt(texts(lang).dialogTitle, texts(lang).prompt, ui.ButtonSet.OK_CANCEL);
      if (answer.getSelectedButton() !== ui.Button.OK) return;
      const text = showHandover(workbook, answer.getResponseText().trim(), mode, now);
      return text === undefined ? undefined : { lang, text };
    },
  };
}

/** 打印财产交接单…: empty answer = every room, a page each. */
export const handoverPrint = asking('print');
/** 记录财产清点结果…: each asset with 在 / 缺 / 损 and a note; the dialog sends it to apiRecordHandover. */
export const handoverRecord = asking('record');

/** google.script.run from the sidebar (and its term tasks): the same dialogs as the menu items. */
export const openHandover: Endpoint<
  [who: string, mode: HandoverMode],
  { who: string; mode: HandoverMode },
  { message: string }
> = {
  read: ([who, mode], { lang }) =>
    typeof who === 'string' && who.length <= 100 && (mode === 'print' || mode === 'record')
      ? { ok: true, values: { who: who.trim(), mode } }
      : { ok: false, errors: { who: messages(lang).documents.handoverResult.bad } },
  handle: ({ who, mode }, { workbook, now }) => {
    const text = showHandover(workbook, who, mode, now);
    return text === undefined ? { message: '' } : refused(text);
  },
};

/**
 * google.script.run from the check dialog: under the document lock, reads the register, repairs,
 * tasks and roster once each, plans every change in one core call and writes once per sheet and kind.
 */
export const recordHandover: Endpoint<[checks: unknown], HandoverCheck[], { message: string }> = {
  read: ([given], call) => {
    const read = readChecks(given, call.lang);
    return read.ok ? { ok: true, values: read.checks } : { ok: false, errors: { checks: read.message } };
  },
  handle: (checks, { workbook, settings, lang, now, today }) =>
    withDocumentLock(() => {
      const tz = workbook.timeZone;
      const assets = workbook.table('assets');
      const repairs = workbook.table('repairs');
      const tasks = workbook.table('tasks');
      if (!assets || !repairs || !tasks) return refused(messages(lang).errors.notSetUp);
      const roster = workbook.table('roster');
      const user = userOf(typedRecords(roster ?? undefined, tz), Session.getActiveUser().getEmail()).name;
      const head = assignerFrom(roster?.rows ?? [], tz, lang, settings.officeHead).head;
      const plan = planHandoverResult(
        checks,
        { lang, now, today, timeZone: tz, settings, user, head },
        {
          assets: typedRecords(assets, tz),
          repairs: typedRecords(repairs, tz),
          tasks: readTasks(tasks.rows, tz),
        },
      );
      if (!plan.ok) return refused(plan.message);
      writeChanges(workbook, plan.changes);
      return { message: plan.changes.message };
    }),
};
