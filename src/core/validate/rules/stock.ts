import { applyMovement } from '../../domain/stock';
import { messages } from '../../i18n';
import type { EnumValue } from '../../sheets';
import { keysOf, lookupBy, nameKey, rowRule } from '../context';
import { day, num, text, type TypedRecord } from '../../table/record';
import { header, makeProblem, quote, type Problem } from '../problem';

type MovementType = EnumValue<'stockMovementType'>;
const RECEIPTS = new Set<MovementType>(['purchase_in', 'return', 'adjust']);
const PEOPLE = ['handler', 'secondHandler', 'approver'] as const;

/**
 * The item exists; a borrow has a due date; a purchase over the threshold names two handlers and an
 * approver; and, in date order, goods are received before they are issued and stock never goes negative.
 */
export const movementRules = rowRule({
  sheet: 'stockMovements',
  needs: ['stockItems'],
  lookups: [lookupBy('itemId', 'stockItems', ['itemId'])],
  across: { key: 'itemId', columns: ['date', 'itemId', 'type', 'quantity'] },
  prepare: (ctx) => ({ items: keysOf(ctx.view('stockItems'), 'itemId') }),
  row(record, { ctx, found: { items }, has, reference, requiredWhen }) {
    const { v } = record;
    const out = reference(record, 'itemId', items, 'stockItems');
    if (v.type === 'borrow') out.push(...requiredWhen(record, 'dueDate', 'type', 'stockMovementType'));
    if (v.type === 'purchase_in') {
      out.push(...checkTwoPeople(ctx.settings.purchaseThreshold, record.row, v));
      if (has('quotes')) out.push(...checkQuotes(ctx.settings.purchaseThreshold, record.row, v));
    }
    return out;
  },
  rows: (records) => checkBalances(records),
});

function amountOf(values: TypedRecord['v']): number | null {
  const quantity = num(values.quantity);
  const unitPrice = num(values.unitPrice);
  return num(values.amount) ?? (quantity !== null && unitPrice !== null ? quantity * unitPrice : null);
}

/** A purchase over the threshold is made on open quotes: the row records the ones compared. */
function checkQuotes(threshold: number, row: number, values: TypedRecord['v']): Problem[] {
  const amount = amountOf(values);
  if (amount === null || amount <= threshold || text(values.quotes) !== null) return [];
  return [
    makeProblem(
      'stockMovements',
      row,
      'quotes',
      'needsQuotes',
      { amount, threshold, column: header('stockMovements', 'quotes') },
      'warning',
    ),
  ];
}

function checkTwoPeople(threshold: number, row: number, v: TypedRecord['v']): Problem[] {
  const amount = amountOf(v);
  if (amount === null || amount <= threshold) return [];
  const col = (c: string) => header('stockMovements', c);
  const missing = PEOPLE.filter((p) => text(v[p]) === null);
  if (missing.length > 0)
    return [
      makeProblem('stockMovements', row, missing[0]!, 'twoPeople', {
        amount,
        threshold,
        missing: (lang) => missing.map((p) => col(p)(lang)).join(messages(lang).validation.listSeparator),
      }),
    ];
  if (nameKey(v.handler) === nameKey(v.secondHandler))
    return [
      makeProblem('stockMovements', row, 'secondHandler', 'sameHandler', {
        column: col('secondHandler'),
        other: col('handler'),
      }),
    ];
  return [];
}

/** Running balance per item in date order (rows of one day in sheet order), from an empty store. */
function checkBalances(rows: readonly TypedRecord[]): Problem[] {
  const movements = rows
    .map((r) => ({
      row: r.row,
      date: day(r.v.date),
      item: nameKey(r.v.itemId),
      itemId: r.v.itemId,
      type: r.v.type as MovementType | null,
      quantity: num(r.v.quantity),
    }))
    .filter(
      (m) => m.date !== null && m.item !== null && m.type !== null && m.quantity !== null && m.quantity > 0,
    )
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.row - b.row));
  const balance = new Map<string, number>();
  const received = new Set<string>();
  const out: Problem[] = [];
  for (const m of movements) {
    const before = balance.get(m.item!) ?? 0;
    const after = applyMovement(before, { type: m.type!, quantity: m.quantity! });
    balance.set(m.item!, after);
    if (RECEIPTS.has(m.type!)) received.add(m.item!);
    // Report where the balance crosses below zero, not every later row of the same shortfall.
    if (after >= 0 || before < 0) continue;
    const item = quote(m.itemId);
    out.push(
      received.has(m.item!)
        ? makeProblem('stockMovements', m.row, 'quantity', 'negativeStock', { item, balance: after })
        : makeProblem('stockMovements', m.row, 'date', 'issuedBeforeReceived', { item, date: m.date! }),
    );
  }
  return out;
}
