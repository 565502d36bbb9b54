import { has, instant, keysOf, lookupBy, num, shown, text, missingReference, type Rule } from '../context';
import { header, label, makeProblem, whenValue, type Problem } from '../problem';

/** The asset exists; completed is not before reported; damage by a person is compensated or waived. */
export const repairRules: Rule = {
  sheet: 'repairs',
  needs: ['assets'],
  lookups: [lookupBy('assetId', 'assets', ['assetId'])],
  check(ctx) {
    const repairs = ctx.view('repairs');
    if (!repairs) return [];
    const assetIds = keysOf(ctx.view('assets'), 'assetId');
    const out: Problem[] = [];
    const col = (c: string) => header('repairs', c);
    for (const record of repairs.rows) {
      const { row, values } = record;
      out.push(...missingReference('repairs', record, 'assetId', assetIds, 'assets'));
      const reported = instant(values.reportedAt);
      const completed = instant(values.completedAt);
      if (reported && completed && completed.getTime() < reported.getTime())
        out.push(
          makeProblem('repairs', row, 'completedAt', 'before', {
            column: col('completedAt'),
            value: shown(completed, ctx.timeZone),
            other: col('reportedAt'),
            otherValue: shown(reported, ctx.timeZone),
          }),
        );
      if (values.status === 'done' && has(repairs, 'completedAt') && values.completedAt === null)
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
      if (values.cause !== 'person') continue;
      const when = whenValue('repairs', 'cause', label('damageCause', 'person'));
      if (has(repairs, 'responsible') && text(values.responsible) === null)
        out.push(
          makeProblem('repairs', row, 'responsible', 'requiredWhen', { column: col('responsible'), when }),
        );
      if (
        has(repairs, 'compensation', 'waived') &&
        num(values.compensation) === null &&
        values.waived !== true
      )
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
