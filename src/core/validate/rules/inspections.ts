import { keysOf, lookupBy, text, missingReference, type Rule } from '../context';
import { parseFrequency } from '../../calendar';
import { header, label, makeProblem, quote, whenValue, type Problem } from '../problem';

/** A schedule's frequency is one the task calendar can follow: the same parser decides both. */
export const scheduleRules: Rule = {
  sheet: 'inspectionSchedules',
  needs: [],
  check(ctx) {
    const view = ctx.view('inspectionSchedules');
    if (!view) return [];
    const out: Problem[] = [];
    for (const { row, values } of view.rows) {
      const frequency = text(values.frequency);
      if (frequency !== null && !parseFrequency(frequency).ok)
        out.push(
          makeProblem('inspectionSchedules', row, 'frequency', 'frequency', {
            column: header('inspectionSchedules', 'frequency'),
            value: quote(frequency),
          }),
        );
    }
    return out;
  },
};

/** A hazard found gets a fix deadline and a responsible person; the schedule named exists. */
export const resultRules: Rule = {
  sheet: 'inspectionResults',
  needs: ['inspectionSchedules'],
  lookups: [lookupBy('scheduleId', 'inspectionSchedules', ['scheduleId'])],
  check(ctx) {
    const view = ctx.view('inspectionResults');
    if (!view) return [];
    const schedules = keysOf(ctx.view('inspectionSchedules'), 'scheduleId');
    const col = (c: string) => header('inspectionResults', c);
    const out: Problem[] = [];
    for (const record of view.rows) {
      const { row, values } = record;
      out.push(
        ...missingReference('inspectionResults', record, 'scheduleId', schedules, 'inspectionSchedules'),
      );
      if (values.result !== 'hazard') continue;
      const when = whenValue('inspectionResults', 'result', label('inspectionResult', 'hazard'));
      for (const column of ['fixDeadline', 'responsible'] as const)
        if (view.layout.index[column] !== undefined && values[column] === null)
          out.push(
            makeProblem('inspectionResults', row, column, 'requiredWhen', { column: col(column), when }),
          );
    }
    return out;
  },
};
