import { instant, num } from '../../table/record';
import { timeOf } from '../../time';
import { keysOf, lookupBy, rowRule, shown } from '../context';
import { label, type Problem } from '../problem';

/** The asset exists; completed is not before reported; damage by a person is compensated or waived. */
export const repairRules = rowRule({
  sheet: 'repairs',
  needs: ['assets'],
  lookups: [lookupBy('assetId', 'assets', ['assetId'])],
  prepare: (ctx) => ({ assetIds: keysOf(ctx.view('assets'), 'assetId') }),
  row(record, { ctx, found: { assetIds }, has, col, problem, reference, requiredWhen }) {
    const { v } = record;
    const out: Problem[] = reference(record, 'assetId', assetIds, 'assets');
    const reported = instant(v.reportedAt);
    const completed = instant(v.completedAt);
    if (reported && completed && timeOf(completed) < timeOf(reported))
      out.push(
        problem(record, 'completedAt', 'before', {
          column: col('completedAt'),
          value: shown(completed, ctx.timeZone),
          other: col('reportedAt'),
          otherValue: shown(reported, ctx.timeZone),
        }),
      );
    if (v.status === 'done')
      out.push(...requiredWhen(record, 'completedAt', 'status', 'repairStatus', 'warning'));
    if (v.cause !== 'person') return out;
    out.push(...requiredWhen(record, 'responsible', 'cause', 'damageCause'));
    if (has('compensation', 'waived') && num(v.compensation) === null && v.waived !== true)
      out.push(
        problem(record, 'compensation', 'compensation', {
          cause: col('cause'),
          value: label('damageCause', 'person'),
          amount: col('compensation'),
          waived: col('waived'),
        }),
      );
    return out;
  },
});
