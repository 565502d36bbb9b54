import { applyMovement } from '../../domain/stock';
import { messages } from '../../i18n';
import type { EnumValue } from '../../sheets';
import { day, has, keysOf, nameKey, num, text, type RowView, missingReference, type Rule } from '../context';
import { header, label, makeProblem, quote, whenValue, type Problem } from '../problem';

type MovementType = EnumValue<'stockMovementType'>;
const RECEIPTS = new Set<MovementType>(['purchase_in', 'return', 'adjust']);
const PEOPLE = ['handler', 'secondHandler', 'approver'] as const;

/**
 * The item exists; a borrow has a due date; a purchase over the threshold names two handlers and an
 * approver; and, in date order, goods are received before they are issued and stock never goes negative.
 */
export const movementRules: Rule = {
  sheet: 'stockMovements',
  needs: ['stockItems'],
  check(ctx) {
    const view = ctx.view('stockMovements');
    if (!view) return [];
    const items = keysOf(ctx.view('stockItems'), 'itemId');
    const col = (c: string) => header('stockMovements', c);
    const out: Problem[] = [];
    for (const record of view.rows) {
      const { row, values } = record;
      out.push(...missingReference('stockMovements', record, 'itemId', items, 'stockItems'));
      if (values.type === 'borrow' && has(view, 'dueDate') && values.dueDate === null)
        out.push(
          makeProblem('stockMovements', row, 'dueDate', 'requiredWhen', {
            column: col('dueDate'),
            when: whenValue('stockMovements', 'type', label('stockMovementType', 'borrow')),
          }),
        );
      if (values.type === 'purchase_in') {
        out.push(...checkTwoPeople(ctx.settings.purchaseThreshold, row, values));
        if (has(view, 'quotes')) out.push(...checkQuotes(ctx.settings.purchaseThreshold, row, values));
      }
    }
    out.push(...checkBalances(view.rows));
    return out;
  },
};

function amountOf(values: RowView['values']): number | null {
  const quantity = num(values.quantity);
  const unitPrice = num(values.unitPrice);
  return num(values.amount) ?? (quantity !== null && unitPrice !== null ? quantity * unitPrice : null);
}

/** A purchase over the threshold is made on open quotes: the row records the ones compared. */
function checkQuotes(threshold: number, row: number, values: RowView['values']): Problem[] {
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

function checkTwoPeople(threshold: number, row: number, values: RowView['values']): Problem[] {
  const amount = amountOf(values);
  if (amount === null || amount <= threshold) return [];
  const col = (c: string) => header('stockMovements', c);
  const missing = PEOPLE.filter((p) => text(values[p]) === null);
  if (missing.length > 0)
    return [
      makeProblem('stockMovements', row, missing[0]!, 'twoPeople', {
        amount,
        threshold,
        missing: (lang) => missing.map((p) => col(p)(lang)).join(messages(lang).validation.listSeparator),
      }),
    ];
  if (nameKey(values.handler) === nameKey(values.secondHandler))
    return [
      makeProblem('stockMovements', row, 'secondHandler', 'sameHandler', {
        column: col('secondHandler'),
        other: col('handler'),
      }),
    ];
  return [];
}

/** Running balance per item in date order (rows of one day in sheet order), from an empty store. */
function checkBalances(rows: readonly RowView[]): Problem[] {
  const movements = rows
    .map((r) => ({
      row: r.row,
      date: day(r.values.date),
      item: nameKey(r.values.itemId),
      itemId: r.values.itemId,
      type: r.values.type as MovementType | null,
      quantity: num(r.values.quantity),
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
