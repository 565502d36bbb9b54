import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { StatusKey } from '../../core/settings';
import { settingRow } from '../../core/setup';
import { dayOf, localParts } from '../../core/time';
import { writeCells } from '../adapters/cells';
import { appendRecords, type Workbook } from '../adapters/workbook';

/** '2026-09-10 07:00' in the school's time zone. */
export function stamp(now: Date, timeZone: string): string {
  const p = localParts(now, timeZone);
  return `${dayOf(now, timeZone)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * Shows on the Settings sheet what a job did. The row is added when an older workbook lacks it.
 * Call under the document lock.
 */
export function recordStatus(workbook: Workbook, key: StatusKey, text: string, lang: Lang): void {
  const table = workbook.table('settings');
  if (!table) return;
  const row = workbook.settings().rowOf[key];
  const column = table.layout.index.value;
  // Through writeCells: the cell is formatted as text first, so the status is never re-typed.
  if (row !== undefined && column !== undefined)
    writeCells(table.sheet, [{ row, column: column + 1, value: text }]);
  else appendRecords(table, [{ ...settingRow(lang, key), value: text }]);
}

export function lastRunText(now: Date, timeZone: string, lang: Lang, result: string): string {
  return fill(messages(lang).alerts.automation.lastRun, { time: stamp(now, timeZone), result });
}
