import { calendarDates, parseCalendarDay, parseCalendarWhen } from '../../calendar';
import { calendar, type EnumValue } from '../../sheets';
import { typedCells } from '../../table/cells';
import { str } from '../../table/record';
import type { SheetRow } from '../../table/mapping';
import type { PlannedTask, SourceProblem } from '../model';
import { planned, type PlanContext } from './context';

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
    if (t.active === false || !title) continue;
    const when = parseCalendarWhen(cells.when);
    const day = parseCalendarDay(cells.day);
    if (!when) problems.push({ kind: 'calendarWhen', row, text: String(cells.when ?? '') });
    if (!day) problems.push({ kind: 'calendarDay', row, text: String(cells.day ?? '') });
    if (!when || !day) continue;
    const who = ctx.assign.byRole((t.role as EnumValue<'role'> | null) ?? null, cells.role);
    for (const due of calendarDates(ctx.calendar, when, day, ctx.month.year, ctx.month.month))
      out.push(planned('calendar', title, due, title, who));
  }
  return out;
}
