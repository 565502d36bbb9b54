import type { Lang } from '../lang';
import type { Settings } from '../settings/schema';
import { sheetDecl, type ColumnDecl, type EnumKey, type SheetKey } from '../sheets';
import { foldWidth, readCell, type Typed } from '../table/cells';
import { columnHeader, enumLabel, enumValueOf } from '../table/labels';
import { isBlankRow, mapHeaders, type CellValue, type TableLayout } from '../table/mapping';
import { instantOf, isDate, localParts, type Day } from '../time';
import { fill, messages } from '../i18n';
import { checkWorkbook, type Bilingual, type ProblemCode } from '../validate';
import { uniqueKey } from '../validate/columns';
import { idField, importFields, type ImportField, type ImportTarget } from './fields';
import { findHeader, headerKey, isRepeatedHeader, isTotalRow, type HeaderFound } from './header';
import { suggestMapping, type MappedBy, type Mapping } from './mapping';

/** A sheet as read: every row, header first. */
export interface ReadTable {
  readonly layout: TableLayout;
  readonly values: readonly (readonly unknown[])[];
}

export interface PlanInput {
  readonly target: ImportTarget;
  /** The source as read (getValues of the whole sheet, or a parsed file): row 1 is index 0. */
  readonly source: readonly (readonly unknown[])[];
  readonly timeZone: string;
  readonly settings: Settings;
  readonly today: Day;
  /** The language cells are written in (drop-down labels). */
  readonly lang: Lang;
  /** The target sheet as read. */
  readonly existing: ReadTable;
  /** Other sheets validation looks up (the Roster for custodians…); stock movements for opening balances. */
  readonly lookups?: Partial<Record<SheetKey, ReadTable>>;
  /** The person's choices from the preview; absent fields keep Houqin's suggestion. */
  readonly mapping?: Readonly<Partial<Mapping>>;
  /** Source columns (0-based) to keep as extra columns of the target. */
  readonly keepExtra?: readonly number[];
  /** Per conflict key: keep the workbook's value or take the ledger's. */
  readonly choices?: Readonly<Record<string, 'keep' | 'take'>>;
  /** The choice for every conflict without its own (Keep all / Take all). */
  readonly allConflicts?: 'keep' | 'take';
}

export type SkipReason = 'total' | 'repeatedHeader' | 'noId' | 'duplicateInSource' | 'invalid';

export interface RowProblem {
  /** 1-based row of the source. */
  readonly row: number;
  readonly column: string | null;
  readonly severity: 'error' | 'warning';
  /** The row cannot be imported as it is (an unreadable or missing value): it is skipped. */
  readonly blocking: boolean;
  readonly code: ProblemCode;
  readonly detail: Bilingual;
}

export interface Conflict {
  /** What the preview's choice is keyed by. */
  readonly key: string;
  /** 1-based source row and target sheet row. */
  readonly row: number;
  readonly targetRow: number;
  readonly id: string;
  readonly column: string;
  /** Both as the office reads them. */
  readonly current: string;
  readonly incoming: string;
  readonly choice: 'keep' | 'take' | null;
}

export interface Skipped {
  readonly row: number;
  readonly reason: SkipReason;
  /** The id the row gave, when it gave one. */
  readonly id?: string;
  /** For a duplicate: the row that came first. */
  readonly first?: number;
}

export interface ImportWrites {
  /** New records of the target, by column key (extra columns as `x<source column>`). */
  readonly append: Record<string, CellValue>[];
  /** Cells of existing records: only those that change. */
  readonly update: { row: number; patch: Record<string, CellValue> }[];
  /** Opening-balance movements of new stock items (stock target only). */
  readonly movements: Record<string, CellValue>[];
  /** Header cells to add to the target for the extra columns kept (0-based column). */
  readonly extraHeaders: { column: number; text: string }[];
  /** Target column (0-based) of each extra column key. */
  readonly extraIndex: Record<string, number>;
  /** Rows skipped for a reason the office can fix, as the source had them, header first. */
  readonly toFix: string[][];
}

export interface ImportPlan {
  readonly ok: true;
  readonly target: ImportTarget;
  /** 1-based first header row and how many rows it spans. */
  readonly header: { readonly row: number; readonly height: number };
  readonly labels: readonly string[];
  readonly fields: readonly { key: string; column: number | null; by: MappedBy | null; required: boolean }[];
  /** Source columns no field takes. */
  readonly leftovers: readonly number[];
  readonly counts: {
    readonly add: number;
    readonly update: number;
    readonly unchanged: number;
    readonly skipped: number;
    readonly conflicts: number;
    readonly blank: number;
  };
  readonly skipped: readonly Skipped[];
  readonly problems: readonly RowProblem[];
  readonly conflicts: readonly Conflict[];
  /** Conflicts still without a choice: the import cannot be written until each has one. */
  readonly undecided: number;
  readonly writes: ImportWrites;
}

export type PlanResult = ImportPlan | { readonly ok: false; readonly reason: 'empty' | 'noHeader' | 'noId' };

/**
 * Codes that mean a value could not be taken as it is: the row waits on the fix sheet. Other
 * problems (a custodian not on the Roster, a certificate about to expire) are reported and the row
 * is imported, as a person typing it would be allowed to.
 */
const BLOCKING = new Set<ProblemCode>([
  'notDate',
  'notDateTime',
  'ambiguousDate',
  'notNumber',
  'notInteger',
  'notBoolean',
  'notInList',
  'notEmail',
  'notPhone',
  'formulaError',
  'required',
  'min',
  'above',
  'max',
  'tooLong',
  'duplicate',
]);

/** The words asset and finance systems use for a drop-down's values, beyond Houqin's own labels. */
const ENUM_WORDS: Partial<Record<EnumKey, Record<string, string>>> = {
  assetStatus: {
    在用: 'in_use',
    正常: 'in_use',
    正常使用: 'in_use',
    使用中: 'in_use',
    在库: 'in_use',
    闲置: 'in_use',
    维修: 'under_repair',
    待修: 'under_repair',
    送修: 'under_repair',
    维修中: 'under_repair',
    借出: 'lent',
    出租出借: 'lent',
    外借: 'lent',
    出借: 'lent',
    报废: 'scrapped',
    已报废: 'scrapped',
    已处置: 'scrapped',
    处置: 'scrapped',
  },
  assetCategory: {
    通用设备: 'other',
    专用设备: 'teaching',
    教学仪器: 'teaching',
    教学设备: 'teaching',
    '家具、用具及装具': 'furniture',
    家具用具: 'furniture',
    家具: 'furniture',
    '图书、档案': 'books',
    图书档案: 'books',
    图书: 'books',
    电子设备: 'av_it',
    信息设备: 'av_it',
    计算机: 'av_it',
    电教设备: 'av_it',
    办公设备: 'av_it',
    设备: 'other',
    家具和用具: 'furniture',
    图书和档案: 'books',
    体育器材: 'sports',
    实验仪器: 'lab',
    实验设备: 'lab',
    音体美器材: 'music_art',
    食堂设备: 'canteen',
  },
  repairStatus: {
    已修好: 'done',
    修好: 'done',
    已修复: 'done',
    完成: 'done',
    未修: 'reported',
    待修: 'reported',
    处理中: 'in_progress',
  },
  feeKind: {
    代收费: 'agency',
    代办费: 'agency',
    代收代办: 'agency',
    代收代办费: 'agency',
    代收代付: 'agency',
    服务性收费: 'service',
    服务收费: 'service',
    行政事业性收费: 'approved',
    核定收费: 'approved',
    一费制: 'approved',
    教育收费: 'approved',
  },
  role: {
    保安员: 'guard',
    门卫: 'guard',
    保洁员: 'cleaner',
    电工: 'electrician',
    水电工: 'electrician',
    厨师: 'canteen_staff',
    炊事员: 'canteen_staff',
    仓库保管员: 'storekeeper',
  },
};

function enumWord(list: EnumKey, raw: unknown): unknown {
  if (typeof raw !== 'string' || enumValueOf(list, raw) !== undefined) return raw;
  const word = ENUM_WORDS[list]?.[foldWidth(raw).replace(/\s+/g, '')];
  return word ?? raw;
}

const isBlank = (v: unknown) =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A value as the office reads it, for conflicts and the fix sheet. */
export function shownValue(value: unknown, timeZone: string): string {
  if (isDate(value)) {
    const p = localParts(value, timeZone);
    return p.hour || p.minute
      ? `${p.day} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
      : p.day;
  }
  return value === null || value === undefined ? '' : String(value);
}

function comparable(value: Typed, timeZone: string): string {
  if (isDate(value)) return String(value.getTime());
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  void timeZone;
  return uniqueKey(value);
}

/** A typed value as the cell Houqin writes: days at midnight in the school's zone, list values as labels. */
function toCell(col: ColumnDecl, value: Typed, timeZone: string, lang: Lang): CellValue {
  if (col.type === 'date' && typeof value === 'string') return instantOf(value, timeZone);
  if (col.type === 'enum' && col.enum) return enumLabel(lang, col.enum, value as never);
  return value;
}

function shownTyped(col: ColumnDecl, value: Typed, timeZone: string, lang: Lang): string {
  if (col.type === 'enum' && col.enum) return enumLabel(lang, col.enum, value as never);
  return shownValue(value, timeZone);
}

interface Candidate {
  readonly row: number;
  readonly id: string;
  readonly raw: readonly unknown[];
  /** Declared fields → source cell (after the drop-down word map and the computed value). */
  readonly cells: Record<string, unknown>;
  readonly virtual: Record<string, number | null>;
  /** 1-based target row of the record with the same id. */
  readonly existingRow?: number;
}

/**
 * Plans an import: finds the header, maps the columns (or takes the person's mapping), reads each
 * row with the rules validation uses, and says what would be added, updated, left as it is,
 * skipped and why, and where the workbook and the ledger disagree. Pure; never throws on content.
 */
export function planImport(input: PlanInput): PlanResult {
  const { target, source, timeZone, lang } = input;
  if (source.every(isBlankRow)) return { ok: false, reason: 'empty' };
  const header = findHeader(source, target);
  if (!header) return { ok: false, reason: 'noHeader' };
  const bodyStart = header.top + header.height;
  const body = source.slice(bodyStart);
  const suggested = suggestMapping(target, header.labels, body);
  const fields = importFields(target);
  const mapping: Mapping = { ...suggested.mapping };
  const by = { ...suggested.by };
  const width = Math.max(header.labels.length, ...source.slice(0, 1000).map((r) => r.length));
  for (const [key, column] of Object.entries(input.mapping ?? {})) {
    if (!(key in mapping) || column === undefined) continue;
    if (column !== null && (!Number.isInteger(column) || column < 0 || column >= width)) continue;
    mapping[key] = column;
    by[key] = column === null ? null : 'user';
  }
  const id = idField(target);
  if (mapping[id] === null) return { ok: false, reason: 'noId' };

  const decl = sheetDecl(target);
  const idDecl = decl.columns.find((c) => c.key === id)!;
  const existing = input.existing;
  const existingById = new Map<string, number>();
  const idAt = existing.layout.index[id];
  if (idAt !== undefined)
    existing.values.forEach((r, i) => {
      if (i === 0) return;
      const read = readCell(idDecl, r[idAt], timeZone);
      if (read.ok && read.value !== null && !existingById.has(uniqueKey(read.value)))
        existingById.set(uniqueKey(read.value), i + 1);
    });

  const m = messages(lang).importing;
  const idHeader = columnHeader(lang, target, id);
  /** Rows the office can correct and import again: the fix sheet's rows. */
  const fixable: { row: number; raw: readonly unknown[]; reason: string }[] = [];
  const skipped: Skipped[] = [];
  const candidates: Candidate[] = [];
  const firstOf = new Map<string, number>();
  let blank = 0;
  const declared = fields.filter((f): f is ImportField & { decl: ColumnDecl } => !f.virtual && !!f.decl);
  const virtual = fields.filter((f) => f.virtual);
  const numberOf = (raw: unknown): number | null => {
    const read = readCell({ key: 'n', type: 'number' }, raw, timeZone);
    return read.ok && typeof read.value === 'number' ? read.value : null;
  };

  for (let i = bodyStart; i < source.length; i++) {
    const raw = source[i] ?? [];
    const row = i + 1;
    if (isBlankRow(raw)) {
      blank++;
      continue;
    }
    if (isTotalRow(raw)) {
      skipped.push({ row, reason: 'total' });
      continue;
    }
    if (isRepeatedHeader(raw, header)) {
      skipped.push({ row, reason: 'repeatedHeader' });
      continue;
    }
    const cells: Record<string, unknown> = {};
    for (const f of declared) {
      const at = mapping[f.key];
      let cell = at === null || at === undefined ? '' : raw[at];
      if (f.decl.type === 'enum' && f.decl.enum) cell = enumWord(f.decl.enum, cell);
      cells[f.key] = cell ?? '';
    }
    const virt: Record<string, number | null> = {};
    for (const f of virtual) {
      const at = mapping[f.key];
      virt[f.key] = at === null || at === undefined ? null : numberOf(raw[at]);
    }
    // value = unit price × quantity where the ledger has no value column (or leaves it empty).
    if (
      target === 'assets' &&
      isBlank(cells.value) &&
      virt.unitPrice !== null &&
      virt.unitPrice !== undefined
    ) {
      const qty = numberOf(cells.quantity) ?? 1;
      cells.value = Math.round(virt.unitPrice * qty * 100) / 100;
    }
    const idRead = readCell(idDecl, cells[id], timeZone);
    if (!idRead.ok || idRead.value === null || String(idRead.value) === '') {
      skipped.push({ row, reason: 'noId' });
      fixable.push({ row, raw, reason: fill(m.reasons.noId, { column: idHeader }) });
      continue;
    }
    const idText = String(idRead.value);
    const key = uniqueKey(idText);
    const first = firstOf.get(key);
    if (first !== undefined) {
      skipped.push({ row, reason: 'duplicateInSource', id: idText, first });
      fixable.push({
        row,
        raw,
        reason: fill(m.reasons.duplicateInSource, { column: idHeader, id: idText, first }),
      });
      continue;
    }
    firstOf.set(key, row);
    candidates.push({ row, id: idText, raw, cells, virtual: virt, existingRow: existingById.get(key) });
  }

  // Validation sees each candidate as the record it would become: the ledger's values over the
  // workbook's for an update (an empty ledger cell never blanks a value).
  const layout = mapHeaders(
    decl,
    decl.columns.map((c) => c.key),
  );
  const virtualValues: unknown[][] = [decl.columns.map((c) => c.key)];
  for (const c of candidates) {
    const base = c.existingRow ? (existing.values[c.existingRow - 1] ?? []) : [];
    virtualValues.push(
      decl.columns.map((col) => {
        const mine = c.cells[col.key];
        if (!isBlank(mine)) return mine;
        const at = existing.layout.index[col.key];
        return c.existingRow && at !== undefined ? (base[at] ?? '') : '';
      }),
    );
  }
  const tables: Partial<Record<SheetKey, ReadTable>> = { ...(input.lookups ?? {}) };
  tables[target] = { layout, values: virtualValues };
  const check = checkWorkbook(
    {
      timeZone,
      settings: input.settings,
      today: input.today,
      tables: tables as Record<SheetKey, { layout: TableLayout; values: unknown[][] }>,
    },
    [target],
  );
  const problems: RowProblem[] = [];
  const blocked = new Set<number>();
  for (const p of check.problems) {
    if (p.sheet !== target || p.row < 2) continue;
    const c = candidates[p.row - 2];
    if (!c) continue;
    // A value the workbook already holds, which the ledger leaves empty, is the workbook's own
    // matter (Check all sheets reports it), not this row's.
    if (c.existingRow && p.column !== null && isBlank(c.cells[p.column])) {
      const at = existing.layout.index[p.column];
      if (at !== undefined && !isBlank(existing.values[c.existingRow - 1]?.[at])) continue;
    }
    const blocking = BLOCKING.has(p.code);
    if (blocking) blocked.add(p.row - 2);
    problems.push({
      row: c.row,
      column: p.column,
      severity: p.severity,
      blocking,
      code: p.code,
      detail: p.detail,
    });
  }
  problems.sort((a, b) => a.row - b.row);

  // Extra columns kept: a header of the same name in the target, else a new column after the last.
  const keep = [...new Set(input.keepExtra ?? [])].filter(
    (c) => Number.isInteger(c) && c >= 0 && c < width && !Object.values(mapping).includes(c),
  );
  const extraIndex: Record<string, number> = {};
  const extraHeaders: { column: number; text: string }[] = [];
  const targetHeader = (existing.values[0] ?? []).map(headerKey);
  let next = Math.max(existing.layout.width, targetHeader.length);
  for (const c of keep) {
    const label = header.labels[c] || `#${c + 1}`;
    const declaredAt = new Set(Object.values(existing.layout.index));
    const found = targetHeader.findIndex((h, i) => h !== '' && h === headerKey(label) && !declaredAt.has(i));
    if (found >= 0) extraIndex[`x${c}`] = found;
    else {
      extraIndex[`x${c}`] = next;
      extraHeaders.push({ column: next++, text: label });
    }
  }

  const append: Record<string, CellValue>[] = [];
  const update: { row: number; patch: Record<string, CellValue> }[] = [];
  const conflicts: Conflict[] = [];
  const movements: Record<string, CellValue>[] = [];
  const toFix: string[][] = [
    [
      ...Array.from({ length: width }, (_, k) => header.labels[k] ?? ''),
      messages(lang).importing.reasonColumn,
    ],
  ];
  const movedItems = new Set<string>();
  const moves = input.lookups?.stockMovements;
  if (moves && moves.layout.index.itemId !== undefined)
    for (const r of moves.values.slice(1)) {
      const v = r[moves.layout.index.itemId];
      if (!isBlank(v)) movedItems.add(uniqueKey(String(v)));
    }
  let adds = 0;
  let updates = 0;
  let unchanged = 0;
  let undecided = 0;
  const typedOf = (i: number): Record<string, Typed | null> => {
    const out: Record<string, Typed | null> = {};
    const rowValues = virtualValues[i + 1] ?? [];
    decl.columns.forEach((col, at) => {
      const read = readCell(col, rowValues[at], timeZone);
      out[col.key] = read.ok ? read.value : null;
    });
    return out;
  };
  const problemsByRow = new Map<number, string[]>();
  for (const p of problems) {
    if (!p.blocking) continue;
    const list = problemsByRow.get(p.row) ?? [];
    list.push(p.detail[lang]);
    problemsByRow.set(p.row, list);
  }

  candidates.forEach((c, i) => {
    if (blocked.has(i)) {
      skipped.push({ row: c.row, reason: 'invalid', id: c.id });
      fixable.push({ row: c.row, raw: c.raw, reason: (problemsByRow.get(c.row) ?? []).join('; ') });
      return;
    }
    const typed = typedOf(i);
    const extras: Record<string, CellValue> = {};
    for (const col of keep) {
      const v = c.raw[col];
      if (!isBlank(v)) extras[`x${col}`] = shownValue(v, timeZone);
    }
    if (!c.existingRow) {
      const record: Record<string, CellValue> = { ...extras };
      for (const f of declared) {
        if (isBlank(c.cells[f.key])) continue;
        const value = typed[f.key];
        if (value !== null && value !== undefined) record[f.key] = toCell(f.decl, value, timeZone, lang);
      }
      append.push(record);
      adds++;
      if (target === 'stockItems') {
        const qty = c.virtual.openingQty;
        // The balance Houqin keeps starts at the opening quantity (issues check it).
        if (qty !== null && qty !== undefined) record.stock = qty;
        if (qty !== null && qty !== undefined && qty > 0 && !movedItems.has(uniqueKey(c.id))) {
          const price = c.virtual.unitPrice ?? null;
          const amount =
            c.virtual.openingAmount ?? (price !== null ? Math.round(price * qty * 100) / 100 : null);
          const move: Record<string, CellValue> = {
            date: instantOf(input.today, timeZone),
            itemId: c.id,
            type: enumLabel(lang, 'stockMovementType', 'adjust'),
            quantity: qty,
            note: m.openingNote,
          };
          if (price !== null) move.unitPrice = price;
          if (amount !== null) move.amount = amount;
          movements.push(move);
        }
      }
      return;
    }
    const base = existing.values[c.existingRow - 1] ?? [];
    const patch: Record<string, CellValue> = {};
    let changed = false;
    for (const f of declared) {
      if (isBlank(c.cells[f.key])) continue;
      const incoming = typed[f.key];
      const at = existing.layout.index[f.key];
      if (incoming === null || incoming === undefined || at === undefined) continue;
      const read = readCell(f.decl, base[at], timeZone);
      const current = read.ok ? read.value : null;
      if (current === null && isBlank(base[at])) {
        patch[f.key] = toCell(f.decl, incoming, timeZone, lang);
        changed = true;
        continue;
      }
      if (current !== null && comparable(current, timeZone) === comparable(incoming, timeZone)) continue;
      const key = `${uniqueKey(c.id)}|${f.key}`;
      const choice = input.choices?.[key] ?? input.allConflicts ?? null;
      conflicts.push({
        key,
        row: c.row,
        targetRow: c.existingRow,
        id: c.id,
        column: f.key,
        current:
          current === null ? shownValue(base[at], timeZone) : shownTyped(f.decl, current, timeZone, lang),
        incoming: shownTyped(f.decl, incoming, timeZone, lang),
        choice,
      });
      if (choice === null) undecided++;
      if (choice === 'take') {
        patch[f.key] = toCell(f.decl, incoming, timeZone, lang);
        changed = true;
      }
    }
    for (const [k, v] of Object.entries(extras)) {
      const at = extraIndex[k]!;
      if (isBlank(base[at])) {
        patch[k] = v;
        changed = true;
      }
    }
    if (changed) {
      update.push({ row: c.existingRow, patch });
      updates++;
    } else unchanged++;
  });
  skipped.sort((a, b) => a.row - b.row);
  fixable.sort((a, b) => a.row - b.row);
  for (const f of fixable)
    toFix.push([...Array.from({ length: width }, (_, k) => shownValue(f.raw[k], timeZone)), f.reason]);

  return {
    ok: true,
    target,
    header: { row: header.top + 1, height: header.height },
    labels: header.labels,
    fields: fields.map((f) => ({
      key: f.key,
      column: mapping[f.key] ?? null,
      by: by[f.key] ?? null,
      required: f.decl?.required === true,
    })),
    leftovers: leftoverColumns(header, width, mapping, body),
    counts: {
      add: adds,
      update: updates,
      unchanged,
      skipped: skipped.length,
      conflicts: conflicts.length,
      blank,
    },
    skipped,
    problems,
    conflicts,
    undecided,
    writes: { append, update, movements, extraHeaders, extraIndex, toFix },
  };
}

function leftoverColumns(
  header: HeaderFound,
  width: number,
  mapping: Mapping,
  body: readonly (readonly unknown[])[],
): number[] {
  const used = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    if (header.labels[c] || body.some((r) => !isBlank(r[c]))) out.push(c);
  }
  return out;
}
