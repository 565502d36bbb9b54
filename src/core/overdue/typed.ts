import type { SheetKey } from '../sheets';
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
