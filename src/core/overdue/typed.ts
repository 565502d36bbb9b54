import type { SheetKey } from '../sheets';
import type { SheetRow } from '../table/mapping';
import { typedRecords, type SourceTable, type TypedRecord } from '../table/record';
import type { OverdueInput } from './types';

const typed = new WeakMap<SourceTable, { timeZone: string; records: readonly TypedRecord[] }>();

/**
 * The typed records of one of the input's sheets, typed once per table read: findOverdue, the
 * weekly figures, the digest and the dashboard each look at the same sheets, and typing 50,000 messy
 * rows again for each took more time than everything else they do. A table is a sheet as read in
 * one execution and is not changed afterwards (a write patches its values, never the records
 * already built from them), so its typed records stay what they were. Nobody changes the list.
 */
export function recordsOf(input: OverdueInput, key: SheetKey): readonly TypedRecord[] {
  const table = input.tables[key];
  if (!table) return [];
  const known = typed.get(table);
  if (known?.timeZone === input.timeZone) return known.records;
  const records = typedRecords(table, input.timeZone);
  typed.set(table, { timeZone: input.timeZone, records });
  return records;
}

/**
 * The typed records of the input's sheet whose cells as read pass `keep` (a cheap test of the raw
 * cells, such as a column that must be filled in), for a rule that looks at a few rows of tens of
 * thousands: only those are typed. Every record when the sheet is typed already, so `keep` must
 * only leave out rows the rule skips anyway.
 */
export function recordsWhere(
  input: OverdueInput,
  key: SheetKey,
  keep: (cells: SheetRow['cells']) => boolean,
): readonly TypedRecord[] {
  const table = input.tables[key];
  if (!table) return [];
  const known = typed.get(table);
  if (known?.timeZone === input.timeZone) return known.records;
  return typedRecords(
    { layout: table.layout, rows: table.rows.filter((r) => keep(r.cells)) },
    input.timeZone,
  );
}

/**
 * Records of `table` already typed the same way elsewhere (Check all sheets types every sheet it
 * checks, cell by cell as `typedRecords` does), handed out by `recordsOf` from then on instead of
 * typing the sheet a second time. Taken only when the sheet has every declared column: the check's
 * records leave a missing column out, where `typedRecords` gives it as null.
 */
export function knownRecords(table: SourceTable, timeZone: string, records: readonly TypedRecord[]): void {
  if (table.layout.missing.length === 0 && !typed.has(table)) typed.set(table, { timeZone, records });
}
