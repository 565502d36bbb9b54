import { stockBalances, type StockMovement } from '../domain/stock';
import { addDays } from '../time';
import type { Draft, RuleContext } from './draft';
import { day, num, str, type TypedRecord } from '../table/record';

function expiring(due: string | null, ctx: RuleContext): due is string {
  return due !== null && due <= addDays(ctx.today, ctx.settings.expiryLeadDays);
}

/**
 * Certificates expired or expiring within the lead time: staff health certificates, supplier
 * licences, and asset service dates (fire extinguishers and the like).
 */
export function expiringCertificates(
  roster: readonly TypedRecord[],
  suppliers: readonly TypedRecord[],
  assets: readonly TypedRecord[],
  ctx: RuleContext,
): Draft[] {
  const out: Draft[] = [];
  for (const { row, v } of roster) {
    const due = day(v.healthCertExpiry);
    const name = str(v.name);
    if (v.onDuty === false || !expiring(due, ctx)) continue;
    out.push({
      kind: 'certificate',
      sheet: 'roster',
      row,
      ref: `health-${name}-${due}`,
      title: name,
      detail: '',
      due,
      person: name,
    });
  }
  const canteenManager = ctx.people.nameInRole('canteen_manager') ?? '';
  for (const { row, v } of suppliers) {
    const due = day(v.expiry);
    if (!expiring(due, ctx)) continue;
    const supplier = str(v.supplier);
    const certificate = str(v.certificate);
    out.push({
      kind: 'certificate',
      sheet: 'supplierCertificates',
      row,
      ref: `supplier-${supplier}-${certificate}-${due}`,
      title: `${supplier} ${certificate}`.trim(),
      detail: str(v.certNo),
      due,
      person: canteenManager,
    });
  }
  for (const { row, v } of assets) {
    const due = day(v.serviceDue);
    if (v.status === 'scrapped' || !expiring(due, ctx)) continue;
    const id = str(v.assetId);
    out.push({
      kind: 'certificate',
      sheet: 'assets',
      row,
      ref: `service-${id || `r${row}`}-${due}`,
      title: [id, str(v.name)].filter(Boolean).join(' '),
      detail: str(v.location),
      due,
      person: str(v.custodian),
    });
  }
  return out;
}

/** Readable movements, for the running balance. */
export function movementsOf(records: readonly TypedRecord[]): StockMovement[] {
  const out: StockMovement[] = [];
  for (const { v } of records) {
    const date = day(v.date);
    const quantity = num(v.quantity);
    if (!date || quantity === null || typeof v.type !== 'string' || !str(v.itemId)) continue;
    out.push({ date, itemId: str(v.itemId), type: v.type as StockMovement['type'], quantity });
  }
  return out;
}

/**
 * Items whose stock (computed from the movements, not the cached column) is below the minimum.
 * Low stock has no due day: it is due today, and stays one item per stock item until restocked.
 */
export function lowStock(
  items: readonly TypedRecord[],
  movements: readonly TypedRecord[],
  ctx: RuleContext,
): Draft[] {
  const balances = stockBalances(movementsOf(movements));
  const storekeeper = ctx.people.nameInRole('storekeeper') ?? '';
  const out: Draft[] = [];
  for (const { row, v } of items) {
    const min = num(v.minStock);
    const id = str(v.itemId);
    const stock = balances.get(id) ?? 0;
    if (min === null || !id || stock >= min) continue;
    out.push({
      kind: 'lowStock',
      sheet: 'stockItems',
      row,
      ref: id,
      title: [id, str(v.name)].filter(Boolean).join(' '),
      detail: `${stock} / ${min} ${str(v.unit)}`.trim(),
      due: ctx.today,
      person: storekeeper,
    });
  }
  return out;
}
