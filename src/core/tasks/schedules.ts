import { nextDue, parseFrequency, type SchoolCalendar } from '../calendar';
import { inspectionSchedules } from '../sheets';
import { typedCells } from '../table/cells';
import { day } from '../table/record';
import type { SheetRow } from '../table/mapping';
import type { Day } from '../time';

const COLUMNS = inspectionSchedules.columns.filter((c) => ['lastDone', 'nextDue', 'active'].includes(c.key));

/**
 * The next due date of every schedule, where it differs from the sheet. Overdue alerts read this
 * column. An inactive schedule, or one whose frequency cannot be read, has none.
 */
export function scheduleDueDates(
  rows: readonly SheetRow[],
  calendar: SchoolCalendar,
  today: Day,
  timeZone: string,
): { row: number; nextDue: Day | null }[] {
  const out: { row: number; nextDue: Day | null }[] = [];
  for (const { row, cells } of rows) {
    const t = typedCells(COLUMNS, cells, timeZone);
    const read = parseFrequency(cells.frequency);
    const lastDone = day(t.lastDone);
    const due = t.active !== false && read.ok ? nextDue(read.frequency, calendar, lastDone, today) : null;
    const current = day(t.nextDue);
    if (due !== current) out.push({ row, nextDue: due });
  }
  return out;
}
