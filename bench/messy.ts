import type { Emulator } from '../emulator';
import type { SheetKey } from '../src/core/sheets';
import type { CellValue } from '../src/core/table/mapping';
import { fillSheet, syntheticRows } from '../emulator/fixtures';

type Row = Record<string, CellValue>;
/** Spoils a row (given the row before it, for duplicates), or leaves it as it is. */
type Mess = (row: Row, previous: Row | undefined) => void;

const duplicate =
  (key: string): Mess =>
  (row, previous) => {
    if (previous) row[key] = previous[key] ?? '';
  };

/**
 * What real sheets hold: each row gets one of ten kinds of mess by its number, and only one kind
 * leaves it clean — so nine rows in ten have something for Check all sheets to report or tidy.
 */
const MESSES = {
  assets: [
    () => undefined,
    (r) => (r.value = '１，２００元'), // full-width digits, tidied
    (r) => (r.purchaseDate = '2026-02-30'),
    (r) => (r.purchaseDate = '3/5'), // no year: March 5 or May 3?
    duplicate('assetId'),
    (r) => (r.custodian = ''),
    (r) => (r.custodian = '王小明'), // not on the roster
    (r) => (r.value = -5),
    (r) => (r.status = '坏了'),
    (r) => (r.purchaseDate = '２０２６年３月５日'),
  ],
  repairs: [
    () => undefined,
    (r) => (r.reportedAt = '昨天下午'),
    (r) => (r.status = '修好了'),
    duplicate('repairId'),
    (r) => (r.description = ''),
    (r) => (r.assetId = 'ZC-999999'), // no such asset
    (r) => (r.completedAt = new Date(Date.UTC(2026, 0, 1))), // before it was reported
    (r) => (r.reporter = ''),
    (r) => (r.cause = '人为损坏'), // no one responsible, no compensation
    (r) => (r.reportedAt = '2026.9.3 ８:３０'),
  ],
  feePayments: [
    () => undefined,
    (r) => (r.amount = '１２０元'),
    (r) => (r.depositDate = ''), // not deposited
    duplicate('receiptNo'),
    (r) => (r.payer = ''),
    (r) => (r.date = '2026-13-01'),
    (r) => (r.amount = -120),
    (r) => (r.quantity = 0),
    (r) => (r.depositDate = new Date(Date.UTC(2026, 11, 31))), // deposited weeks later
    (r) => (r.itemCode = 'F99'), // no such fee item
  ],
} satisfies Partial<Record<SheetKey, readonly Mess[]>>;

// The shares of `syntheticWorkbook`, so messy and clean runs compare at the same size.
const SHARES = { assets: 0.5, repairs: 0.25, feePayments: 0.25 } as const;

/** `syntheticWorkbook`'s sheets and sizes, with a problem in most rows. */
export function messyWorkbook(emu: Emulator, rows: number): void {
  fillSheet(emu, 'roster', syntheticRows('roster', 40));
  for (const [key, share] of Object.entries(SHARES) as [keyof typeof SHARES, number][]) {
    const sheetRows = syntheticRows(key, Math.round(rows * share));
    const messes = MESSES[key];
    sheetRows.forEach((row, i) => messes[i % messes.length]!(row, sheetRows[i - 1]));
    fillSheet(emu, key, sheetRows);
  }
}

/** New asset rows as a paste brings them: every other one with a problem. */
export function pastedAssets(count: number): Row[] {
  const messes = MESSES.assets;
  const rows = syntheticRows('assets', count);
  rows.forEach((row, i) => {
    row.assetId = `ZC-P${String(i).padStart(5, '0')}`;
    if (i % 2) messes[i % messes.length]!(row, rows[i - 1]);
  });
  return rows;
}
