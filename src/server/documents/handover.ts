import { schoolCalendarFrom } from '../../core/calendar';
import { handoverDocument, handoverGroups, handoverTerm, renderDocument } from '../../core/documents';
import { fill, messages } from '../../core/i18n';
import { dayOf } from '../../core/time';
import type { Workbook } from '../adapters/workbook';
import type { MenuAction } from '../runners';

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
