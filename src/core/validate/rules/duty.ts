import { day } from '../../table/record';
import { rowRule, shown } from '../context';

/**
 * A duty row ends on or after its first day. The person need not be on the Roster: teachers take
 * holiday and leadership duty too (only a Roster e-mail gets them tomorrow's reminder).
 */
export const dutyRules = rowRule({
  sheet: 'duty',
  row(record, { ctx, col, problem }) {
    const start = day(record.v.date);
    const end = day(record.v.endDate);
    if (!start || !end || end >= start) return [];
    return [
      problem(record, 'endDate', 'before', {
        column: col('endDate'),
        value: shown(end, ctx.timeZone),
        other: col('date'),
        otherValue: shown(start, ctx.timeZone),
      }),
    ];
  },
});
