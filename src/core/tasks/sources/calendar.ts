import { calendarDates, parseCalendarDay, parseCalendarWhen } from '../../calendar';
import { messages } from '../../i18n';
import { LANGS } from '../../lang';
import { calendar, type EnumValue } from '../../sheets';
import { labelKey } from '../../table/labels';
import { typedCells } from '../../table/cells';
import { str } from '../../table/record';
import type { SheetRow } from '../../table/mapping';
import type { PlannedTask, SourceProblem } from '../model';
import { planned, type PlanContext } from './context';

/**
 * Rows that older templates shipped for duties the term source now plans (class property
 * registered at term start and handed back at term end, one task per custodian; a holiday duty
 * roster a week before each holiday). Such a row is passed over, so no duty is planned twice.
 */
const TERM_DUTIES = new Set(
  LANGS.flatMap((lang) => {
    const c = messages(lang).defaults.calendar;
    return [c.termClassProperty, c.endPropertyCheck, c.endHolidayRoster].map(labelKey);
  }),
);

/** 行事历 rows that apply this month. The row's title is its reference: it names the duty. */
export function calendarTasks(
  rows: readonly SheetRow[],
  ctx: PlanContext,
  problems: SourceProblem[],
): PlannedTask[] {
  const out: PlannedTask[] = [];
  for (const { row, cells } of rows) {
    const t = typedCells(calendar.columns, cells, ctx.timeZone);
    const title = str(t.title);
    if (t.active === false || !title || TERM_DUTIES.has(labelKey(title))) continue;
    const when = parseCalendarWhen(cells.when);
    const day = parseCalendarDay(cells.day);
    if (!when) problems.push({ kind: 'calendarWhen', row, text: String(cells.when ?? '') });
    if (!day) problems.push({ kind: 'calendarDay', row, text: String(cells.day ?? '') });
    if (!when || !day) continue;
    const who = ctx.assign.byRole((t.role as EnumValue<'role'> | null) ?? null, cells.role);
    const options = { keepDate: t.keepDate === true };
    for (const due of calendarDates(ctx.calendar, when, day, ctx.month.year, ctx.month.month, options))
      out.push(planned('calendar', title, due, title, who));
  }
  return out;
}
