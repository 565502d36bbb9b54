import type { Day } from '../time';
import type { EnumValue } from '../sheets';

export interface StockMovement {
  readonly date: Day;
  readonly itemId: string;
  readonly type: EnumValue<'stockMovementType'>;
  readonly quantity: number;
}

/**
 * How a movement changes the stock of its item. A stocktake adjustment (盘点调整) records the
 * count found, so it sets the balance rather than adding to it: its quantity is always positive.
 */
export function applyMovement(balance: number, m: Pick<StockMovement, 'type' | 'quantity'>): number {
  switch (m.type) {
    case 'purchase_in':
    case 'return':
      return balance + m.quantity;
    case 'issue':
    case 'borrow':
    case 'scrap':
      return balance - m.quantity;
    case 'adjust':
      return m.quantity;
  }
}

/**
 * Stock of every item after all movements, taken in date order (a stable sort: rows of the same
 * day keep their sheet order).
 */
export function stockBalances(movements: readonly StockMovement[]): Map<string, number> {
  const sorted = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out = new Map<string, number>();
  for (const m of sorted) out.set(m.itemId, applyMovement(out.get(m.itemId) ?? 0, m));
  return out;
}
