import { stockBalances } from '../domain/stock';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { movementsOf } from '../overdue/expiry';
import { day, num, str, typedRecords } from '../table/record';
import type { SourceTable } from '../table/record';
import type { Changes } from '../sidebar/records';
import { enumLabel } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { instantOf, type Day } from '../time';
import type { DocumentModel, Section } from './model';
import { fullDate } from './safety';
import { zhOrder as zh } from '../order';

/** A row of the 盘点表 under way (status 盘点中). */
export interface CountRow {
  readonly row: number;
  readonly countDate: Day;
  readonly kind: 'stores' | 'asset';
  readonly ref: string;
  readonly name: string;
  readonly location: string;
  readonly unit: string;
  readonly bookQty: number;
  /** null until the office writes the count. */
  readonly counted: number | null;
}

/** The stocktake under way: the 盘点表 rows still 盘点中. */
export function openCount(table: SourceTable | undefined, timeZone: string): CountRow[] {
  const out: CountRow[] = [];
  for (const { row, v } of typedRecords(table, timeZone)) {
    if (v.status !== 'counting' || (v.kind !== 'stores' && v.kind !== 'asset')) continue;
    out.push({
      row,
      countDate: day(v.countDate) ?? '',
      kind: v.kind,
      ref: str(v.ref),
      name: str(v.name),
      location: str(v.location),
      unit: str(v.unit),
      bookQty: num(v.bookQty) ?? 0,
      counted: num(v.counted),
    });
  }
  return out;
}

export interface StocktakeTables {
  readonly stockItems?: SourceTable | undefined;
  readonly stockMovements?: SourceTable | undefined;
  readonly assets?: SourceTable | undefined;
  readonly stocktake?: SourceTable | undefined;
}

/**
 * Starts a stocktake on `today`: a 盘点表 row per stock item (its book stock after the day's
 * movements) and per asset not scrapped (its quantity), by kind, location and id. Refuses while one
 * is under way. Other work goes on meanwhile: the book quantities are the day's, and the count
 * adjusts the ledger as of that day.
 */
export function startStocktake(
  tables: StocktakeTables,
  ctx: { readonly lang: Lang; readonly today: Day; readonly timeZone: string },
): { ok: true; records: Record<string, CellValue>[] } | { ok: false; message: string } {
  const m = messages(ctx.lang).documents.stocktake;
  const tz = ctx.timeZone;
  const open = openCount(tables.stocktake, tz);
  if (open.length)
    return { ok: false, message: fill(m.underWay, { date: open[0]!.countDate, n: open.length }) };
  const moves = movementsOf(typedRecords(tables.stockMovements, tz)).filter((x) => x.date <= ctx.today);
  const balances = stockBalances(moves);
  type Line = Omit<CountRow, 'row' | 'counted' | 'countDate'>;
  const lines: Line[] = [];
  for (const { v } of typedRecords(tables.stockItems, tz)) {
    const ref = str(v.itemId);
    if (!ref) continue;
    lines.push({
      kind: 'stores',
      ref,
      name: str(v.name),
      location: str(v.location),
      unit: str(v.unit),
      bookQty: balances.get(ref) ?? 0,
    });
  }
  for (const { v } of typedRecords(tables.assets, tz)) {
    const ref = str(v.assetId);
    if (!ref || v.status === 'scrapped') continue;
    const q = num(v.quantity);
    lines.push({
      kind: 'asset',
      ref,
      name: str(v.name),
      location: str(v.location),
      unit: '',
      bookQty: q && q > 0 ? q : 1,
    });
  }
  if (!lines.length) return { ok: false, message: m.nothing };
  lines.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'stores' ? -1 : 1) ||
      zh(a.location, b.location) ||
      zh(a.ref, b.ref),
  );
  const date = instantOf(ctx.today, tz);
  const counting = enumLabel(ctx.lang, 'stocktakeStatus', 'counting');
  return {
    ok: true,
    records: lines.map((l) => ({
      countDate: date,
      kind: enumLabel(ctx.lang, 'stocktakeKind', l.kind),
      ref: l.ref,
      name: l.name,
      location: l.location,
      unit: l.unit,
      bookQty: l.bookQty,
      status: counting,
    })),
  };
}

/** 盘点表 to print: a page per kind and location, the counted column empty until filled, two signatures. */
export function countSheetDocument(
  rows: readonly CountRow[],
  ctx: { readonly lang: Lang; readonly schoolName: string; readonly today: Day },
): DocumentModel {
  const d = messages(ctx.lang).documents;
  const m = d.stocktake;
  const c = m.columns;
  const groups = new Map<string, CountRow[]>();
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.location}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sections: Section[] = [...groups.values()].map((g, i) => ({
    heading: fill(m.heading, {
      kind: enumLabel(ctx.lang, 'stocktakeKind', g[0]!.kind),
      location: g[0]!.location || d.render.none,
    }),
    newPage: i > 0,
    signatures: m.signatures,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: c.no, align: 'right', width: '8%' },
          { label: c.ref, width: '15%' },
          { label: c.name },
          { label: c.unit, width: '7%' },
          { label: c.book, align: 'right', width: '11%' },
          { label: c.counted, align: 'right', width: '11%' },
          { label: c.variance, align: 'right', width: '9%' },
          { label: c.note, width: '14%' },
        ],
        rows: g.map((r, k) => [
          k + 1,
          r.ref,
          r.name,
          r.unit,
          r.bookQty,
          r.counted ?? '',
          r.counted === null ? '' : r.counted - r.bookQty,
          '',
        ]),
        empty: m.nothing,
      },
    ],
  }));
  return {
    lang: ctx.lang,
    title: m.title,
    school: ctx.schoolName,
    period: rows[0] ? fullDate(rows[0].countDate, ctx.lang) : d.render.none,
    issued: fullDate(ctx.today, ctx.lang),
    meta: [],
    sections,
    signatures: [],
    fileName: m.title,
  };
}

/**
 * The office head's approval: every row must be counted. Each row gets its variance and 已调整; a
 * stock item whose count differs gets one movement on the count day — 盘点调整 to the count (the
 * ledger's own rule: an adjustment sets the balance), or 报损 of the whole book stock when nothing
 * was found (a movement's quantity is never 0) — noted 盘盈 / 盘亏; an asset takes the counted
 * quantity, and one not found at all goes to the scrapping path (已报废, 报废日期): never deleted.
 */
export function approveStocktake(
  rows: readonly CountRow[],
  tables: { readonly assets?: SourceTable | undefined },
  ctx: { readonly lang: Lang; readonly timeZone: string; readonly user: string },
): { ok: true; changes: Changes } | { ok: false; message: string } {
  const m = messages(ctx.lang).documents.stocktake;
  if (!rows.length) return { ok: false, message: m.noneOpen };
  const uncounted = rows.filter((r) => r.counted === null);
  if (uncounted.length)
    return {
      ok: false,
      message: fill(m.uncounted, {
        n: uncounted.length,
        refs: uncounted
          .slice(0, 5)
          .map((r) => r.ref)
          .join('、'),
      }),
    };
  const tz = ctx.timeZone;
  const adjusted = enumLabel(ctx.lang, 'stocktakeStatus', 'adjusted');
  const assetRows = new Map(typedRecords(tables.assets, tz).map((a) => [str(a.v.assetId), a]));
  const movements: Record<string, CellValue>[] = [];
  const assetPatches: { row: number; patch: Record<string, CellValue> }[] = [];
  let gains = 0;
  let losses = 0;
  for (const r of rows) {
    const variance = r.counted! - r.bookQty;
    if (variance === 0) continue;
    if (variance > 0) gains += 1;
    else losses += 1;
    const date = instantOf(r.countDate, tz);
    const note = fill(variance > 0 ? m.gain : m.loss, { n: Math.abs(variance), date: r.countDate });
    if (r.kind === 'stores')
      movements.push({
        date,
        itemId: r.ref,
        type: enumLabel(ctx.lang, 'stockMovementType', r.counted! > 0 ? 'adjust' : 'scrap'),
        quantity: r.counted! > 0 ? r.counted! : r.bookQty,
        handler: ctx.user,
        approver: ctx.user,
        note,
      });
    else {
      const asset = assetRows.get(r.ref);
      if (!asset) continue;
      assetPatches.push({
        row: asset.row,
        patch:
          r.counted === 0
            ? { status: enumLabel(ctx.lang, 'assetStatus', 'scrapped'), scrapDate: date }
            : { quantity: r.counted! },
      });
    }
  }
  return {
    ok: true,
    changes: {
      append: [{ sheet: 'stockMovements', records: movements }],
      update: [
        {
          sheet: 'stocktake',
          changes: rows.map((r) => ({
            row: r.row,
            patch: { variance: r.counted! - r.bookQty, status: adjusted },
          })),
        },
        { sheet: 'assets', changes: assetPatches },
      ],
      message: fill(m.approved, {
        n: rows.length,
        gains,
        losses,
        movements: movements.length,
        assets: assetPatches.length,
      }),
    },
  };
}
