import { day, num, text } from '../../table/record';
import { addDays, type Day } from '../../time';
import { has, keysOf, lookupBy, nameKey, rowRule, shown } from '../context';
import { header, quote, type Problem } from '../problem';

interface FeeItem {
  readonly name: string;
  readonly kind: unknown;
  readonly standard: number | null;
  readonly start: Day | null;
  readonly end: Day | null;
}

const cents = (n: number) => Math.round(n * 100);

/**
 * Only approved items at the approved amount (standard × quantity), inside the collection period,
 * deposited the day they are collected; an agency fee names its class, whose statement settles it.
 * Receipt numbers are unique by declaration.
 */
export const paymentRules = rowRule({
  sheet: 'feePayments',
  needs: ['feeItems'],
  lookups: [
    lookupBy('itemCode', 'feeItems', ['code', 'name', 'kind', 'standard', 'periodStart', 'periodEnd']),
  ],
  prepare(ctx) {
    const itemsView = ctx.view('feeItems');
    // The last day whose money should be in the bank by today, worked out once, not per row.
    const lastDue = addDays(ctx.today, -1);
    if (!itemsView || !has(itemsView, 'code')) return { items: null, lastDue };
    const items = new Map<string, FeeItem>();
    for (const { v } of itemsView.rows) {
      const code = nameKey(v.code);
      if (code !== null && !items.has(code))
        items.set(code, {
          name: String(v.name ?? v.code),
          kind: v.kind,
          standard: num(v.standard),
          start: day(v.periodStart),
          end: day(v.periodEnd),
        });
    }
    return { items, lastDue };
  },
  row(record, { ctx, found: { items, lastDue }, has, problem, reference }) {
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
    // The agency statement is per class: a payment without one is settled on no statement.
    if (item && item.kind === 'agency' && has('className') && !text(v.className))
      out.push(problem(record, 'className', 'agencyNoClass', { item: quote(item.name) }, 'warning'));
    const date = day(v.date);
    // A refund returns part or all of this receipt's money, on or after the day it was paid.
    const refund = num(v.refundAmount);
    if (refund !== null && amount !== null && cents(refund) > cents(amount))
      out.push(problem(record, 'refundAmount', 'refundOverPaid', { refund, amount }));
    const refundDate = day(v.refundDate);
    if (refund !== null && refund > 0 && refundDate === null && has('refundDate'))
      out.push(problem(record, 'refundDate', 'refundNoDate', { refund }, 'warning'));
    if (date !== null && refundDate !== null && refundDate < date)
      out.push(
        problem(record, 'refundDate', 'before', {
          column: header('feePayments', 'refundDate'),
          value: shown(refundDate, ctx.timeZone),
          other: header('feePayments', 'date'),
          otherValue: shown(date, ctx.timeZone),
        }),
      );
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
    // Today's money may still go to the bank today; from tomorrow it is late (the day after `date`
    // is today or earlier: `date` is yesterday or earlier).
    if (deposit === null && date <= lastDue)
      out.push(problem(record, 'depositDate', 'notDeposited', { date }, 'warning'));
    return out;
  },
});

/**
 * 代办费支出: the item is a fee item of the agency kind (only agency money is spent for the
 * parents), and the person who handled the purchase is on the Roster.
 */
export const spendingRules = rowRule({
  sheet: 'agencySpending',
  needs: ['feeItems', 'roster'],
  lookups: [
    lookupBy('itemCode', 'feeItems', ['code', 'name', 'kind']),
    lookupBy('handler', 'roster', ['name']),
  ],
  prepare(ctx) {
    const itemsView = ctx.view('feeItems');
    let items: Map<string, { name: string; kind: unknown }> | null = null;
    if (itemsView && has(itemsView, 'code')) {
      items = new Map();
      for (const { v } of itemsView.rows) {
        const code = nameKey(v.code);
        if (code !== null && !items.has(code))
          items.set(code, { name: String(v.name ?? v.code), kind: v.kind });
      }
    }
    const people = keysOf(ctx.view('roster'), 'name');
    // An empty Roster is a sheet not filled in yet, not a list every handler is missing from.
    return { items, people: people && people.size > 0 ? people : null };
  },
  row(record, { found: { items, people }, problem, reference }) {
    const { v } = record;
    const out: Problem[] = [
      ...reference(record, 'itemCode', items, 'feeItems'),
      ...reference(record, 'handler', people, 'roster'),
    ];
    const code = nameKey(v.itemCode);
    const item = code !== null && items ? items.get(code) : undefined;
    if (item && item.kind !== 'agency')
      out.push(
        problem(record, 'itemCode', 'notAgency', { item: quote(item.name), value: quote(v.itemCode) }),
      );
    return out;
  },
});
