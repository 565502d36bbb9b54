import { fixSheetName, targetName, type ImportPlan } from '../../core/import';
import { messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { columnDecl, NUMBER_FORMAT } from '../../core/sheets';
import { columnLetter } from '../../core/table/a1';
import { labelKey } from '../../core/table/labels';
import { patchRow, type CellValue } from '../../core/table/mapping';
import { ensureSize, writeBlock, type Table, type Workbook } from '../adapters/workbook';
import { firstFreeRow, writeChanges } from '../sidebar/write';

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

/** Whether a record key is written as plain text: the declared text kinds, and every extra column. */
function isText(table: Table, key: string): boolean {
  if (key.startsWith('x') && !columnDecl(table.key, key)) return true;
  const decl = columnDecl(table.key, key);
  return !!decl && NUMBER_FORMAT[decl.type] === '@';
}

/**
 * Writes a plan: the target's new header cells (extra columns), its new rows (one block), its
 * changed cells (one write per run of changed columns), the opening movements, the fix sheet and
 * one line of the import log. Text cells are formatted '@' first, so an id keeps its zeros and a
 * cell reading "=..." stays text. Nothing of the office's is rewritten: new rows go below the
 * last row, and only the cells an update changes are written.
 */
export function writeImport(workbook: Workbook, plan: ImportPlan, ctx: WriteContext): Written {
  const w = plan.writes;
  const base = workbook.table(plan.target)!;
  const sheet = base.sheet;
  const extraCols = w.extraHeaders.map((e) => e.column);
  const width = Math.max(base.layout.width, ...extraCols.map((c) => c + 1));
  const table: Table = {
    ...base,
    layout: { ...base.layout, index: { ...base.layout.index, ...w.extraIndex }, width },
  };
  if (w.extraHeaders.length) {
    const first = Math.min(...extraCols);
    const cells: CellValue[] = Array<CellValue>(Math.max(...extraCols) - first + 1).fill('');
    for (const e of w.extraHeaders) cells[e.column - first] = e.text;
    ensureSize(sheet, 1, first + cells.length);
    sheet
      .getRange(1, first + 1, 1, cells.length)
      .setNumberFormat('@')
      .setValues([cells]);
  }
  if (w.append.length) {
    const first = firstFreeRow(base);
    const last = first + w.append.length - 1;
    const keys = new Set(w.append.flatMap((r) => Object.keys(r)));
    const ranges: string[] = [];
    for (const key of keys) {
      const at = table.layout.index[key];
      if (at !== undefined && isText(table, key))
        ranges.push(`${columnLetter(at + 1)}${first}:${columnLetter(at + 1)}${last}`);
    }
    ensureSize(sheet, last, width);
    if (ranges.length) sheet.getRangeList(ranges).setNumberFormat('@');
    writeBlock(
      sheet,
      first,
      1,
      w.append.map((r) => patchRow(table.layout, undefined, r)),
    );
  }
  if (w.update.length) {
    const cells: string[] = [];
    for (const u of w.update)
      for (const key of Object.keys(u.patch)) {
        const at = table.layout.index[key];
        if (at !== undefined && isText(table, key)) cells.push(`${columnLetter(at + 1)}${u.row}`);
      }
    if (cells.length) sheet.getRangeList(cells).setNumberFormat('@');
    writeUpdates(table, w.update);
  }
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

/** Most separate row blocks an update writes; beyond it the nearest blocks are joined. */
export const MAX_UPDATE_BLOCKS = 20;

function runsOf(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/**
 * Writes the changed cells of existing records: one setValues per block of adjacent changed rows
 * and adjacent changed columns, so the cells around them are not written at all. When the changes
 * are scattered over more than MAX_UPDATE_BLOCKS blocks, the closest blocks are joined (the calls
 * stay bounded, whatever the ledger's size); a cell between them is written back as it was, and a
 * formula there is put back as its formula (read once; one call per formula of the office's
 * caught between changed cells: that grows with the office's formulas, not with the ledger).
 */
function writeUpdates(
  table: Table,
  updates: readonly { row: number; patch: Record<string, CellValue> }[],
): void {
  const patched = new Map<number, CellValue[]>();
  const changed = new Map<number, Set<number>>();
  for (const { row, patch } of updates) {
    const base = patched.get(row) ?? (table.values[row - 1] as CellValue[] | undefined);
    patched.set(row, patchRow(table.layout, base, patch));
    const set = changed.get(row) ?? new Set<number>();
    for (const key of Object.keys(patch)) {
      const at = table.layout.index[key];
      if (at !== undefined) set.add(at);
    }
    changed.set(row, set);
  }
  const columns = new Set([...changed.values()].flatMap((c) => [...c]));
  if (!columns.size) return;
  const colRuns = runsOf([...columns].sort((a, b) => a - b));
  const rowRuns = runsOf([...changed.keys()].sort((a, b) => a - b));
  while (rowRuns.length > MAX_UPDATE_BLOCKS) {
    let best = 0;
    for (let i = 1; i < rowRuns.length - 1; i++)
      if (rowRuns[i + 1]![0] - rowRuns[i]![1] < rowRuns[best + 1]![0] - rowRuns[best]![1]) best = i;
    rowRuns[best]![1] = rowRuns[best + 1]![1];
    rowRuns.splice(best + 1, 1);
  }
  const first = rowRuns[0]![0];
  const last = rowRuns[rowRuns.length - 1]![1];
  const left = colRuns[0]![0];
  const right = colRuns[colRuns.length - 1]![1];
  let written = 0;
  for (const [top, bottom] of rowRuns)
    for (const [from, to] of colRuns) written += (bottom - top + 1) * (to - from + 1);
  let changedCells = 0;
  for (const set of changed.values()) changedCells += set.size;
  // Cells written only because they sit among changed ones: keep their formulas.
  const formulas =
    written > changedCells
      ? table.sheet.getRange(first, left + 1, last - first + 1, right - left + 1).getFormulas()
      : null;
  const restore: { row: number; column: number; formula: string }[] = [];
  for (const [top, bottom] of rowRuns)
    for (const [from, to] of colRuns) {
      const block: CellValue[][] = [];
      for (let row = top; row <= bottom; row++) {
        const source = patched.get(row) ?? (table.values[row - 1] as CellValue[] | undefined) ?? [];
        const mine = changed.get(row);
        const line: CellValue[] = [];
        for (let c = from; c <= to; c++) {
          const formula = mine?.has(c) ? '' : (formulas?.[row - first]?.[c - left] ?? '');
          if (formula) restore.push({ row, column: c + 1, formula });
          line.push(source[c] ?? '');
        }
        block.push(line);
      }
      writeBlock(table.sheet, top, from + 1, block);
    }
  // A formula written as a value would be its last result (or, in a plain-text column, its text):
  // each of the office's formulas among the written cells is put back as a formula.
  for (const r of restore) table.sheet.getRange(r.row, r.column).setFormula(r.formula);
  for (const [row, values] of patched) table.values[row - 1] = values;
}
