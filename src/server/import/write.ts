import { fixSheetName, targetName, type ImportPlan } from '../../core/import';
import { messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { labelKey, type CellValue } from '../../core/table';
import { writeCells } from '../adapters/cells';
import {
  appendRecords,
  ensureSize,
  updateRecords,
  writeBlock,
  type Table,
  type Workbook,
} from '../adapters/workbook';
import { writeChanges } from '../sidebar/write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface WriteContext {
  readonly lang: Lang;
  readonly now: Date;
  readonly source: string;
  readonly user: string;
}

export interface Written {
  readonly movements: number;
  /** The fix sheet's name when skipped rows were put there. */
  readonly fixSheet: string | null;
  readonly fixRows: number;
}

/**
 * Writes a plan: the target's new header cells (extra columns), its new rows below the last one,
 * its changed cells, the opening movements, the fix sheet and one line of the import log. Every
 * write goes through writeCells: only the cells the plan names are written, never a cell between
 * them, and text is formatted '@' first, so an id keeps its zeros and a cell reading "=..." stays
 * text.
 */
export function writeImport(workbook: Workbook, plan: ImportPlan, ctx: WriteContext): Written {
  const w = plan.writes;
  const base = workbook.table(plan.target)!;
  const extraCols = w.extraHeaders.map((e) => e.column);
  const width = Math.max(base.layout.width, ...extraCols.map((c) => c + 1));
  const table: Table = {
    ...base,
    layout: { ...base.layout, index: { ...base.layout.index, ...w.extraIndex }, width },
  };
  if (w.extraHeaders.length) {
    ensureSize(base.sheet, 1, width);
    writeCells(
      base.sheet,
      w.extraHeaders.map((e) => ({ row: 1, column: e.column + 1, value: e.text })),
    );
  }
  if (w.append.length) appendRecords(table, w.append);
  if (w.update.length) updateRecords(table, w.update);
  if (w.movements.length)
    writeChanges(workbook, {
      append: [{ sheet: 'stockMovements', records: w.movements }],
      update: [],
      message: '',
    });
  const fix = writeFixSheet(workbook, plan, ctx.lang);
  writeLog(workbook, plan, ctx);
  return { movements: w.movements.length, fixSheet: fix, fixRows: w.toFix.length - 1 };
}

/**
 * The rows skipped for a reason the office can correct, as the ledger had them, with the reason in
 * the last column: the office corrects them there and imports from that sheet again. The sheet is
 * Houqin's (its last header is the reason); one the office made under that name is never touched.
 */
function writeFixSheet(workbook: Workbook, plan: ImportPlan, lang: Lang): string | null {
  const rows = plan.writes.toFix;
  const reasons = new Set(
    (['zh-CN', 'en'] as const).map((l) => labelKey(messages(l).importing.reasonColumn)),
  );
  const ours = (s: Sheet) => {
    const header = s.getRange(1, 1, 1, Math.max(1, s.getLastColumn())).getValues()[0] ?? [];
    const last = [...header].reverse().find((v) => v !== '');
    return last !== undefined && reasons.has(labelKey(last));
  };
  const found = ownSheet(workbook.spreadsheet, fixSheetName(lang, plan.target), ours);
  let sheet = found.sheet;
  if (rows.length < 2) {
    // Nothing waits any more: the rows an earlier import left there are gone from the list.
    if (sheet && sheet.getLastRow() > 1)
      sheet.getRange(2, 1, sheet.getLastRow() - 1, Math.max(1, sheet.getLastColumn())).clearContent();
    return null;
  }
  if (!sheet) sheet = workbook.spreadsheet.insertSheet(found.name);
  else if (sheet.getLastRow() > 0) sheet.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  ensureSize(sheet, rows.length, width);
  sheet.getRange(1, 1, rows.length, width).setNumberFormat('@');
  writeBlock(sheet, 1, 1, rows);
  return sheet.getName();
}

/**
 * Houqin's sheet of this name, or the name to give a new one: a sheet of the office's that happens
 * to bear the name (it fails `ours`) is passed over for "name (2)", "name (3)"… and never touched.
 */
function ownSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  base: string,
  ours: (sheet: Sheet) => boolean,
): { sheet: Sheet | null; name: string } {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) return { sheet: null, name };
    if (sheet.getLastRow() === 0 || ours(sheet)) return { sheet, name };
  }
}

/** One line per import in the import log sheet (made on the first import): who, when, from where, what. */
function writeLog(workbook: Workbook, plan: ImportPlan, ctx: WriteContext): void {
  const m = messages(ctx.lang).importing.log;
  const langs = ['zh-CN', 'en'] as const;
  const names = new Set(langs.map((l) => labelKey(messages(l).importing.log.name)));
  const heads = langs.map((l) => Object.values(messages(l).importing.log.columns).map(labelKey));
  const ours = (s: Sheet) => {
    const first = s.getRange(1, 1, 1, 2).getValues()[0]!.map(labelKey);
    return heads.some((h) => h[0] === first[0] && h[1] === first[1]);
  };
  const existing = workbook.otherSheets().find((s) => names.has(labelKey(s.getName())));
  const found = ownSheet(workbook.spreadsheet, existing?.getName() ?? m.name, ours);
  let sheet = found.sheet;
  const header = Object.values(m.columns);
  let row: number;
  if (!sheet || sheet.getLastRow() === 0) {
    sheet ??= workbook.spreadsheet.insertSheet(found.name);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    sheet.setFrozenRows(1);
    sheet.getRange('A:A').setNumberFormat('yyyy-mm-dd hh:mm');
    row = 2;
  } else row = sheet.getLastRow() + 1;
  const c = plan.counts;
  const taken = plan.conflicts.filter((x) => x.choice === 'take').length;
  const line: CellValue[] = [
    ctx.now,
    ctx.user,
    ctx.source,
    targetName(ctx.lang, plan.target),
    c.add,
    c.update,
    c.unchanged,
    c.skipped,
    `${taken}/${c.conflicts - taken}`,
  ];
  ensureSize(sheet, row, header.length);
  sheet.getRangeList([`B${row}:D${row}`, `I${row}`]).setNumberFormat('@');
  sheet.getRange(row, 1, 1, line.length).setValues([line]);
}
