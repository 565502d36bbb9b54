import { schoolCalendarFrom } from '../../core/calendar';
import {
  handoverDocument,
  handoverForm,
  handoverGroups,
  handoverTerm,
  planHandoverResult,
  readChecks,
  renderDocument,
  type HandoverCheck,
} from '../../core/documents';
import { fill, messages } from '../../core/i18n';
import { typedRecords } from '../../core/overdue/read';
import { userOf } from '../../core/sidebar/user';
import { assignerFrom } from '../../core/tasks/assign';
import { readTasks } from '../../core/tasks';
import { dayOf } from '../../core/time';
import { withDocumentLock } from '../adapters/lock';
import type { Workbook } from '../adapters/workbook';
import type { MenuAction } from '../runners';
import { refused, type Endpoint } from '../sidebar/serve';
import { writeChanges } from '../sidebar/write';

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

/**
 * 打印财产交接单…: asks for a room or a custodian (empty: every room, a page each), then shows the
 * lists in a dialog with a Print button. Reads only; writes nothing.
 */
export const handoverPrint: MenuAction = {
  title: (lang) => messages(lang).documents.handover.dialogTitle,
  lock: false,
  run: (workbook, now) => {
    const lang = workbook.settings().settings.language;
    const m = messages(lang).documents.handover;
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(m.dialogTitle, m.prompt, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const who = answer.getResponseText().trim();
    const { groups, doc } = composeHandover(workbook, who, now);
    if (!groups.length) return { lang, text: fill(m.notFound, { who }) };
    const html = HtmlService.createHtmlOutput(renderDocument(doc, { printButton: true }))
      .setWidth(860)
      .setHeight(640);
    ui.showModalDialog(html, who ? `${doc.title}（${who}）` : doc.title);
  },
};

/**
 * 记录财产清点结果…: asks for a room or a custodian, then shows each asset with 在 / 缺 / 损 and a
 * note in a dialog; the dialog sends the result to apiRecordHandover. Reads only.
 */
export const handoverRecord: MenuAction = {
  title: (lang) => messages(lang).documents.handoverResult.dialogTitle,
  lock: false,
  run: (workbook, now) => {
    const lang = workbook.settings().settings.language;
    const m = messages(lang).documents;
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(m.handoverResult.dialogTitle, m.handoverResult.prompt, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const who = answer.getResponseText().trim();
    const { groups } = composeHandover(workbook, who, now);
    if (!who || !groups.length) return { lang, text: fill(m.handover.notFound, { who }) };
    const html = HtmlService.createHtmlOutput(handoverForm(groups, lang)).setWidth(860).setHeight(640);
    ui.showModalDialog(html, `${m.handoverResult.dialogTitle}（${who}）`);
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
