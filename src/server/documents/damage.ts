import { schoolCalendarFrom } from '../../core/calendar';
import { damageDocument, termFor } from '../../core/documents';
import { messages } from '../../core/i18n';
import { typedRecords } from '../../core/table';
import { monthId, type Month } from '../../core/tasks';
import { dayOf } from '../../core/time';
import type { Workbook } from '../adapters/workbook';
import type { MenuAction } from '../runners';
import { showDocument } from './dialog';
import { closedMonth } from './safety';

/** The month's and this term's repairs per class or room, from one read of the repairs and the school year. */
export function composeDamage(workbook: Workbook, month: Month, now: Date) {
  const { settings } = workbook.settings();
  const timeZone = workbook.timeZone;
  const today = dayOf(now, timeZone);
  const calendar = schoolCalendarFrom(workbook.table('schoolYear')?.rows ?? [], timeZone);
  return damageDocument(
    typedRecords(workbook.table('repairs') ?? undefined, timeZone),
    month,
    termFor(calendar, today),
    {
      lang: settings.language,
      schoolName: settings.schoolName,
      today,
      timeZone,
      threshold: settings.damageThreshold,
    },
  );
}

/**
 * 打印班级财产损坏统计: last month's and this term's repairs per class or room, the classes over
 * Settings 班级损坏提醒 marked; from one read of the repairs and the school year. Reads only.
 */
export const damagePrint: MenuAction = {
  title: (lang) => messages(lang).documents.damage.title,
  lock: false,
  run: (workbook, now) => {
    const month = closedMonth(now, workbook.timeZone);
    showDocument(composeDamage(workbook, month, now), { kind: 'damage', month: monthId(month) });
  },
};
