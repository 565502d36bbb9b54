import { has, keysOf, shown, missingReference, type Rule } from '../context';
import { instant, num, text } from '../../table/record';
import { header, label, makeProblem, whenValue, type Problem } from '../problem';

/** The asset exists; completed is not before reported; damage by a person is compensated or waived. */
export const repairRules: Rule = {
  sheet: 'repairs',
  needs: ['assets'],
  check(ctx) {
    const repairs = ctx.view('repairs');
    if (!repairs) return [];
    const assetIds = keysOf(ctx.view('assets'), 'assetId');
    const out: Problem[] = [];
    const col = (c: string) => header('repairs', c);
    for (const record of repairs.rows) {
      const { row, v } = record;
      out.push(...missingReference('repairs', record, 'assetId', assetIds, 'assets'));
      const reported = instant(v.reportedAt);
      const completed = instant(v.completedAt);
      if (reported && completed && completed.getTime() < reported.getTime())
        out.push(
          makeProblem('repairs', row, 'completedAt', 'before', {
            column: col('completedAt'),
            value: shown(completed, ctx.timeZone),
            other: col('reportedAt'),
            otherValue: shown(reported, ctx.timeZone),
          }),
        );
      if (v.status === 'done' && has(repairs, 'completedAt') && v.completedAt === null)
        out.push(
          makeProblem(
            'repairs',
            row,
            'completedAt',
            'requiredWhen',
            {
              column: col('completedAt'),
              when: whenValue('repairs', 'status', label('repairStatus', 'done')),
            },
            'warning',
          ),
        );
      if (v.cause !== 'person') continue;
      const when = whenValue('repairs', 'cause', label('damageCause', 'person'));
      if (has(repairs, 'responsible') && text(v.responsible) === null)
        out.push(
          makeProblem('repairs', row, 'responsible', 'requiredWhen', { column: col('responsible'), when }),
        );
      if (has(repairs, 'compensation', 'waived') && num(v.compensation) === null && v.waived !== true)
        out.push(
          makeProblem('repairs', row, 'compensation', 'compensation', {
            cause: col('cause'),
            value: label('damageCause', 'person'),
            amount: col('compensation'),
            waived: col('waived'),
          }),
        );
    }
    return out;
  },
};
