import { day, num } from '../../table/record';
import { addDays, type Day } from '../../time';
import { has, lookupBy, nameKey, rowRule } from '../context';
import { quote, type Problem } from '../problem';

interface FeeItem {
  readonly name: string;
  readonly standard: number | null;
  readonly start: Day | null;
  readonly end: Day | null;
}

const cents = (n: number) => Math.round(n * 100);

/**
 * Only approved items at the approved amount (standard × quantity), inside the collection period,
 * deposited the day they are collected. Receipt numbers are unique by declaration.
 */
export const paymentRules = rowRule({
  sheet: 'feePayments',
  needs: ['feeItems'],
  lookups: [lookupBy('itemCode', 'feeItems', ['code', 'name', 'standard', 'periodStart', 'periodEnd'])],
  prepare(ctx) {
    const itemsView = ctx.view('feeItems');
    if (!itemsView || !has(itemsView, 'code')) return { items: null };
    const items = new Map<string, FeeItem>();
    for (const { v } of itemsView.rows) {
      const code = nameKey(v.code);
      if (code !== null && !items.has(code))
        items.set(code, {
          name: String(v.name ?? v.code),
          standard: num(v.standard),
          start: day(v.periodStart),
          end: day(v.periodEnd),
        });
    }
    return { items };
  },
  row(record, { ctx, found: { items }, has, problem, reference }) {
    const { v } = record;
    const code = nameKey(v.itemCode);
    const item = code !== null && items ? items.get(code) : undefined;
    const out: Problem[] = reference(record, 'itemCode', items, 'feeItems');
    const amount = num(v.amount);
    const quantity = num(v.quantity) ?? 1;
    if (
      item &&
      item.standard !== null &&
      amount !== null &&
      cents(amount) !== cents(item.standard * quantity)
    )
      out.push(
        problem(record, 'amount', 'feeAmount', {
          standard: item.standard,
          quantity,
          expected: cents(item.standard * quantity) / 100,
          value: amount,
        }),
      );
    const date = day(v.date);
    if (date === null) return out;
    if (item && ((item.start !== null && date < item.start) || (item.end !== null && date > item.end)))
      out.push(
        problem(record, 'date', 'outsidePeriod', {
          date,
          item: quote(item.name),
          start: item.start ?? '…',
          end: item.end ?? '…',
        }),
      );
    if (!has('depositDate')) return out;
    const deposit = day(v.depositDate);
    if (deposit !== null && deposit !== date)
      out.push(problem(record, 'depositDate', 'notDepositedSameDay', { date, deposit }, 'warning'));
    // Today's money may still go to the bank today; from tomorrow it is late.
    if (deposit === null && addDays(date, 1) <= ctx.today)
      out.push(problem(record, 'depositDate', 'notDeposited', { date }, 'warning'));
    return out;
  },
});
