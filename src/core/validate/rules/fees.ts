import { addDays, type Day } from '../../time';
import { day, has, lookupBy, nameKey, num, missingReference, type Rule } from '../context';
import { makeProblem, quote, type Problem } from '../problem';

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
export const paymentRules: Rule = {
  sheet: 'feePayments',
  needs: ['feeItems'],
  lookups: [lookupBy('itemCode', 'feeItems', ['code', 'name', 'standard', 'periodStart', 'periodEnd'])],
  check(ctx) {
    const view = ctx.view('feePayments');
    if (!view) return [];
    const itemsView = ctx.view('feeItems');
    let items: Map<string, FeeItem> | null = null;
    if (itemsView && has(itemsView, 'code')) {
      items = new Map();
      for (const { values } of itemsView.rows) {
        const code = nameKey(values.code);
        if (code !== null && !items.has(code))
          items.set(code, {
            name: String(values.name ?? values.code),
            standard: num(values.standard),
            start: day(values.periodStart),
            end: day(values.periodEnd),
          });
      }
    }
    const out: Problem[] = [];
    for (const record of view.rows) {
      const { row, values } = record;
      const code = nameKey(values.itemCode);
      const item = code !== null && items ? items.get(code) : undefined;
      out.push(...missingReference('feePayments', record, 'itemCode', items, 'feeItems'));
      const amount = num(values.amount);
      const quantity = num(values.quantity) ?? 1;
      if (
        item &&
        item.standard !== null &&
        amount !== null &&
        cents(amount) !== cents(item.standard * quantity)
      )
        out.push(
          makeProblem('feePayments', row, 'amount', 'feeAmount', {
            standard: item.standard,
            quantity,
            expected: cents(item.standard * quantity) / 100,
            value: amount,
          }),
        );
      const date = day(values.date);
      if (date === null) continue;
      if (item && ((item.start !== null && date < item.start) || (item.end !== null && date > item.end)))
        out.push(
          makeProblem('feePayments', row, 'date', 'outsidePeriod', {
            date,
            item: quote(item.name),
            start: item.start ?? '…',
            end: item.end ?? '…',
          }),
        );
      if (!has(view, 'depositDate')) continue;
      const deposit = day(values.depositDate);
      if (deposit !== null && deposit !== date)
        out.push(
          makeProblem('feePayments', row, 'depositDate', 'notDepositedSameDay', { date, deposit }, 'warning'),
        );
      // Today's money may still go to the bank today; from tomorrow it is late.
      if (deposit === null && addDays(date, 1) <= ctx.today)
        out.push(makeProblem('feePayments', row, 'depositDate', 'notDeposited', { date }, 'warning'));
    }
    return out;
  },
};
