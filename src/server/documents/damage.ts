import { schoolCalendarFrom } from '../../core/calendar';
import { damageDocument, renderDocument, termFor } from '../../core/documents';
import { messages } from '../../core/i18n';
import { typedRecords } from '../../core/table';
import { dayOf } from '../../core/time';
import type { MenuAction } from '../runners';
import { closedMonth } from './safety';

/**
 * 打印班级财产损坏统计: last month's and this term's repairs per class or room, the classes over
 * Settings 班级损坏提醒 marked; from one read of the repairs and the school year. Reads only.
 */
export const damagePrint: MenuAction = {
  title: (lang) => messages(lang).documents.damage.title,
  lock: false,
  run: (workbook, now) => {
    const { settings } = workbook.settings();
    const timeZone = workbook.timeZone;
    const today = dayOf(now, timeZone);
    const calendar = schoolCalendarFrom(workbook.table('schoolYear')?.rows ?? [], timeZone);
    const doc = damageDocument(
      typedRecords(workbook.table('repairs') ?? undefined, timeZone),
      closedMonth(now, timeZone),
      termFor(calendar, today),
      {
        lang: settings.language,
        schoolName: settings.schoolName,
        today,
        timeZone,
        threshold: settings.damageThreshold,
      },
    );
    const html = HtmlService.createHtmlOutput(renderDocument(doc, { printButton: true }))
      .setWidth(860)
      .setHeight(640);
    SpreadsheetApp.getUi().showModalDialog(html, doc.title);
  },
};
