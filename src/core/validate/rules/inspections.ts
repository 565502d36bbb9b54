import { parseFrequency } from '../../calendar';
import { text } from '../../table/record';
import { keysOf, lookupBy, rowRule } from '../context';
import { quote } from '../problem';

/** A schedule's frequency is one the task calendar can follow: the same parser decides both. */
export const scheduleRules = rowRule({
  sheet: 'inspectionSchedules',
  row(record, { col, problem }) {
    const frequency = text(record.v.frequency);
    if (frequency === null || parseFrequency(frequency).ok) return [];
    return [problem(record, 'frequency', 'frequency', { column: col('frequency'), value: quote(frequency) })];
  },
});

/** A hazard found gets a fix deadline and a responsible person; the schedule named exists. */
export const resultRules = rowRule({
  sheet: 'inspectionResults',
  needs: ['inspectionSchedules'],
  lookups: [lookupBy('scheduleId', 'inspectionSchedules', ['scheduleId'])],
  prepare: (ctx) => ({ schedules: keysOf(ctx.view('inspectionSchedules'), 'scheduleId') }),
  row(record, { found: { schedules }, reference, requiredWhen }) {
    const out = reference(record, 'scheduleId', schedules, 'inspectionSchedules');
    if (record.v.result !== 'hazard') return out;
    for (const column of ['fixDeadline', 'responsible'])
      out.push(...requiredWhen(record, column, 'result', 'inspectionResult'));
    return out;
  },
});
