import { day, shown, type Rule } from '../context';
import { header, makeProblem, type Problem } from '../problem';

/**
 * A duty row ends on or after its first day. The person need not be on the Roster: teachers take
 * holiday and leadership duty too (only a Roster e-mail gets them tomorrow's reminder).
 */
export const dutyRules: Rule = {
  sheet: 'duty',
  needs: [],
  check(ctx) {
    const view = ctx.view('duty');
    if (!view) return [];
    const out: Problem[] = [];
    for (const { row, values } of view.rows) {
      const start = day(values.date);
      const end = day(values.endDate);
      if (start && end && end < start)
        out.push(
          makeProblem('duty', row, 'endDate', 'before', {
            column: header('duty', 'endDate'),
            value: shown(end, ctx.timeZone),
            other: header('duty', 'date'),
            otherValue: shown(start, ctx.timeZone),
          }),
        );
    }
    return out;
  },
};
