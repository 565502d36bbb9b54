import { holidayEve, termPhaseDay } from '../../calendar';
import { dutyGaps, dutySpans } from '../../duty';
import { fill, messages } from '../../i18n';
import { assets, duty } from '../../sheets';
import { typedCells } from '../../table/cells';
import { str } from '../../table/record';
import type { SheetRow } from '../../table/mapping';
import { addDays } from '../../time';
import type { PlannedTask } from '../model';
import { planned, type PlanContext } from './context';

const ASSET_COLUMNS = assets.columns.filter((c) => ['custodian', 'location', 'status'].includes(c.key));

/** Each custodian's rooms, from the assets they keep that are not scrapped. */
function roomsByCustodian(rows: readonly SheetRow[], timeZone: string): Map<string, string[]> {
  const rooms = new Map<string, Set<string>>();
  for (const { cells } of rows) {
    const t = typedCells(ASSET_COLUMNS, cells, timeZone);
    const custodian = str(t.custodian);
    const location = str(t.location);
    if (!custodian || !location || t.status === 'scrapped') continue;
    let set = rooms.get(custodian);
    if (!set) rooms.set(custodian, (set = new Set()));
    set.add(location);
  }
  return new Map([...rooms].map(([who, set]) => [who, [...set].sort()]));
}

/**
 * Term events: registering class property on a term's first school day and checking it back on
 * its last (one task per custodian, listing their rooms), and a holiday duty roster drawn up a
 * week before each holiday.
 */
export function termTasks(
  assetRows: readonly SheetRow[],
  ctx: PlanContext,
  dutyRows?: readonly SheetRow[],
): PlannedTask[] {
  const out: PlannedTask[] = [];
  const titles = messages(ctx.lang).tasks.titles;
  const inMonth = (d: string | undefined): d is string => d !== undefined && ctx.from <= d && d <= ctx.to;
  let rooms: Map<string, string[]> | null = null;
  for (const term of ctx.calendar.terms) {
    for (const phase of ['start', 'end'] as const) {
      const due = termPhaseDay(ctx.calendar, term, phase);
      if (!inMonth(due)) continue;
      rooms ??= roomsByCustodian(assetRows, ctx.timeZone);
      const template = phase === 'start' ? titles.termStart : titles.termEnd;
      for (const [custodian, list] of rooms)
        out.push(
          planned('term', `${phase}:${custodian}`, due, fill(template, { rooms: list.join('、') }), {
            assignee: custodian,
            flag: '',
          }),
        );
    }
  }
  for (const holiday of ctx.calendar.holidays) {
    const due = holidayEve(ctx.calendar, addDays(holiday.start, -6));
    if (!inMonth(due)) continue;
    const title = fill(titles.holidayRoster, { holiday: holiday.name });
    out.push(planned('term', `duty:${holiday.name}`, due, title, ctx.assign.byRole('head')));
  }
  // A workbook without the duty sheet has no roster to check.
  if (dutyRows) out.push(...dutyGapTasks(dutyRows, ctx));
  return out;
}

/**
 * The coverage check: a holiday whose days are not all on the 值班表 gets a task for the office
 * head on its eve (the last school day before it), listing the days nobody covers. Generating again
 * once the roster is complete finds no gap, and the open task becomes 来源已删除.
 */
function dutyGapTasks(rows: readonly SheetRow[], ctx: PlanContext): PlannedTask[] {
  const m = messages(ctx.lang).routines.duty;
  const sep = messages(ctx.lang).validation.listSeparator;
  const spans = dutySpans(
    rows.map(({ row, cells }) => ({ row, v: typedCells(duty.columns, cells, ctx.timeZone) })),
  );
  const out: PlannedTask[] = [];
  for (const gap of dutyGaps(ctx.calendar, spans, '0000-01-01', '9999-12-31')) {
    const due = holidayEve(ctx.calendar, gap.holiday.start);
    if (due < ctx.from || due > ctx.to) continue;
    const title = fill(m.gapTask, {
      holiday: gap.holiday.name,
      count: gap.days.length,
      days: gap.days.slice(0, 5).join(sep) + (gap.days.length > 5 ? m.more : ''),
    });
    out.push(planned('term', `dutyGap:${gap.holiday.name}`, due, title, ctx.assign.byRole('head')));
  }
  return out;
}
