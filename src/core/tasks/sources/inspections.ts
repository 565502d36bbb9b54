import { occurrences, parseFrequency } from '../../calendar';
import { fill, messages } from '../../i18n';
import { inspectionSchedules, type EnumValue } from '../../sheets';
import { typedCells } from '../../table/cells';
import { str } from '../../table/record';
import type { SheetRow } from '../../table/mapping';
import type { PlannedTask, SourceProblem } from '../model';
import { planned, type PlanContext } from './context';

/** One task per occurrence of each active schedule this month; a named person beats the role. */
export function inspectionTasks(
  rows: readonly SheetRow[],
  ctx: PlanContext,
  problems: SourceProblem[],
): PlannedTask[] {
  const out: PlannedTask[] = [];
  const template = messages(ctx.lang).tasks.titles.inspection;
  for (const { row, cells } of rows) {
    const t = typedCells(inspectionSchedules.columns, cells, ctx.timeZone);
    const id = str(t.scheduleId);
    if (t.active === false || !id) continue;
    const read = parseFrequency(cells.frequency);
    if (!read.ok) {
      problems.push({ kind: 'frequency', row, text: String(cells.frequency ?? '') });
      continue;
    }
    const person = str(t.person);
    const who = person
      ? { assignee: person, flag: '' }
      : ctx.assign.byRole((t.role as EnumValue<'role'> | null) ?? null, cells.role);
    const title = fill(template, { item: str(t.item), location: str(t.location) });
    for (const due of occurrences(read.frequency, ctx.calendar, ctx.from, ctx.to))
      out.push(planned('inspection', id, due, title, who));
  }
  return out;
}
