import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { columnHeader } from '../../src/core/table/labels';
import { mapHeaders } from '../../src/core/table/mapping';
import type { WorkbookInput } from '../../src/core/validate';

export const TZ = 'Asia/Shanghai';

/** A workbook input from rows given by column key, headers in Chinese, in declaration order. */
export function workbook(
  sheets: Partial<Record<SheetKey, readonly Record<string, unknown>[]>>,
  today = '2026-09-01',
): WorkbookInput {
  const tables: WorkbookInput['tables'] = {};
  for (const [key, rows] of Object.entries(sheets) as [SheetKey, Record<string, unknown>[]][]) {
    const decl = sheetDecl(key);
    const header = decl.columns.map((c) => columnHeader('zh-CN', key, c.key));
    const values = [header, ...rows.map((r) => decl.columns.map((c) => r[c.key] ?? ''))];
    tables[key] = { layout: mapHeaders(decl, header), values };
  }
  return { timeZone: TZ, settings: { ...DEFAULT_SETTINGS, officeEmails: [] }, today, tables };
}
