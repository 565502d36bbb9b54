import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { day, num, str, typedRecords } from '../table/record';
import type { SourceTable } from '../table/record';
import { ENUMS } from '../sheets';
import { enumLabel } from '../table/labels';
import { firstDay, lastDay, monthId, type Month } from '../tasks/month';
import type { Day } from '../time';
import type { Cell, DocumentModel, Section } from './model';
import { fullDate, monthPeriod } from './safety';

/** Yuan kept as whole fen while adding, so totals match the sheet to the fen. */
const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (f: number) => (f / 100).toFixed(2);
const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

export interface FeeTables {
  readonly feeItems?: SourceTable | undefined;
  readonly feePayments?: SourceTable | undefined;
}

interface Item {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly standard: number | null;
  readonly unit: string;
  readonly from: Day | null;
  readonly to: Day | null;
  readonly basis: string;
}

function items(table: SourceTable | undefined, tz: string): Item[] {
  return typedRecords(table, tz)
    .filter(({ v }) => str(v.code))
    .map(({ v }) => ({
      code: str(v.code),
      name: str(v.name),
      kind: typeof v.kind === 'string' ? v.kind : '',
      standard: num(v.standard),
      unit: str(v.unit),
      from: day(v.periodStart),
      to: day(v.periodEnd),
      basis: str(v.approvalRef),
    }));
}

interface Payment {
  readonly date: Day;
  readonly code: string;
  readonly payer: string;
  readonly className: string;
  readonly fen: number;
  readonly collector: string;
  readonly deposited: boolean;
}

function payments(table: SourceTable | undefined, tz: string): Payment[] {
  const out: Payment[] = [];
  for (const { v } of typedRecords(table, tz)) {
    const date = day(v.date);
    const amount = num(v.amount);
    if (!date || amount === null || !str(v.itemCode)) continue;
    out.push({
      date,
      code: str(v.itemCode),
      payer: str(v.payer),
      className: str(v.className).trim(),
      fen: fen(amount),
      collector: str(v.collector),
      deposited: day(v.depositDate) !== null,
    });
  }
  return out;
}

interface Ctx {
  readonly lang: Lang;
  readonly schoolName: string;
  readonly today: Day;
}

/** 收费公示: every approved item with its amount, unit, collection period and basis, by kind. */
export function feeNoticeDocument(
  tables: FeeTables,
  ctx: Ctx & { readonly timeZone: string },
): DocumentModel {
  const d = messages(ctx.lang).documents;
  const m = d.fees;
  const c = m.noticeColumns;
  const list = items(tables.feeItems, ctx.timeZone);
  const sections: Section[] = ENUMS.feeKind
    .map((kind) => ({ kind, rows: list.filter((i) => i.kind === kind).sort((a, b) => zh(a.code, b.code)) }))
    .filter((g) => g.rows.length)
    .map((g) => ({
      heading: enumLabel(ctx.lang, 'feeKind', g.kind),
      blocks: [
        {
          kind: 'table',
          columns: [
            { label: c.code, width: '12%' },
            { label: c.name },
            { label: c.standard, align: 'right', width: '13%' },
            { label: c.unit, width: '10%' },
            { label: c.period, width: '24%' },
            { label: c.basis, width: '20%' },
          ],
          rows: g.rows.map((i) => [
            i.code,
            i.name,
            i.standard === null ? d.render.none : yuan(fen(i.standard)),
            i.unit,
            i.from || i.to ? `${i.from ?? ''} — ${i.to ?? ''}` : d.render.none,
            i.basis || d.render.none,
          ]),
          empty: m.noItems,
        },
      ],
    }));
  return {
    lang: ctx.lang,
    title: m.noticeTitle,
    school: ctx.schoolName,
    period: fullDate(ctx.today, ctx.lang),
    issued: fullDate(ctx.today, ctx.lang),
    meta: [],
    sections: sections.length
      ? sections
      : [{ heading: m.noticeTitle, blocks: [{ kind: 'text', text: m.noItems }] }],
    signatures: m.noticeSignatures,
    fileName: m.noticeTitle,
  };
}

/**
 * 月度收费账目 for staff: the month's payments by item (count, collected, deposited, not yet
 * deposited) and by collector; every total is the sum of the Fees sheet's rows of the month.
 */
export function monthlyAccountsDocument(
  tables: FeeTables,
  month: Month,
  ctx: Ctx & { readonly timeZone: string },
): DocumentModel {
  const d = messages(ctx.lang).documents;
  const m = d.fees;
  const c = m.accountColumns;
  const from = firstDay(month);
  const to = lastDay(month);
  const names = new Map(items(tables.feeItems, ctx.timeZone).map((i) => [i.code, i.name]));
  const inMonth = payments(tables.feePayments, ctx.timeZone).filter((p) => p.date >= from && p.date <= to);
  const sum = (ps: readonly Payment[], deposited?: boolean) =>
    ps.filter((p) => deposited === undefined || p.deposited === deposited).reduce((n, p) => n + p.fen, 0);
  const group = (key: (p: Payment) => string) => {
    const g = new Map<string, Payment[]>();
    for (const p of inMonth) g.set(key(p), [...(g.get(key(p)) ?? []), p]);
    return [...g].sort(([a], [b]) => zh(a, b));
  };
  const columns = (first: string) => [
    { label: first },
    { label: c.count, align: 'right' as const, width: '10%' },
    { label: c.collected, align: 'right' as const, width: '17%' },
    { label: c.deposited, align: 'right' as const, width: '17%' },
    { label: c.notDeposited, align: 'right' as const, width: '17%' },
  ];
  const line = (label: string, ps: readonly Payment[]): Cell[] => [
    label,
    ps.length,
    yuan(sum(ps)),
    yuan(sum(ps, true)),
    yuan(sum(ps, false)),
  ];
  const totals = line(d.render.total, inMonth);
  return {
    lang: ctx.lang,
    title: m.accountsTitle,
    school: ctx.schoolName,
    period: monthPeriod(month, ctx.lang),
    issued: fullDate(ctx.today, ctx.lang),
    meta: [],
    sections: [
      {
        heading: m.byItem,
        blocks: [
          {
            kind: 'table',
            columns: columns(c.item),
            rows: group((p) => p.code).map(([code, ps]) =>
              line(`${code} ${names.get(code) ?? ''}`.trim(), ps),
            ),
            totals,
            empty: m.noPayments,
          },
        ],
      },
      {
        heading: m.byCollector,
        blocks: [
          {
            kind: 'table',
            columns: columns(c.collector),
            rows: group((p) => p.collector).map(([who, ps]) => line(who || d.render.none, ps)),
            totals,
            empty: m.noPayments,
          },
        ],
      },
    ],
    signatures: m.accountsSignatures,
    fileName: fill(m.accountsFile, { month: monthId(month) }),
  };
}

/**
 * 代办费清单 for one class: each student's agency-fee payments per item and in total. The
 * workbook records what was collected; what was spent per item and what is refunded are written
 * on the paper by the office (blank columns), as the Fees sheet does not hold them.
 */
export function agencyStatementDocument(
  tables: FeeTables,
  className: string,
  ctx: Ctx & {
    readonly timeZone: string;
    /** The term the statement settles: only its payments count (all of them when there is none). */
    readonly term?: { readonly name: string; readonly start: Day; readonly end: Day } | undefined;
  },
): DocumentModel | null {
  const d = messages(ctx.lang).documents;
  const m = d.fees;
  const agency = items(tables.feeItems, ctx.timeZone)
    .filter((i) => i.kind === 'agency')
    .sort((a, b) => zh(a.code, b.code));
  const codes = new Set(agency.map((i) => i.code));
  const wanted = className.normalize('NFKC').trim();
  const { term } = ctx;
  const paid = payments(tables.feePayments, ctx.timeZone).filter(
    (p) =>
      codes.has(p.code) &&
      p.className.normalize('NFKC') === wanted &&
      (!term || (p.date >= term.start && p.date <= term.end)),
  );
  if (!wanted || !paid.length) return null;
  const used = agency.filter((i) => paid.some((p) => p.code === i.code));
  const students = new Map<string, Map<string, number>>();
  for (const p of paid) {
    const row = students.get(p.payer) ?? new Map<string, number>();
    row.set(p.code, (row.get(p.code) ?? 0) + p.fen);
    students.set(p.payer, row);
  }
  const share = `${Math.max(8, Math.floor(40 / Math.max(1, used.length)))}%`;
  const rows = [...students]
    .sort(([a], [b]) => zh(a, b))
    .map(([who, byItem]): Cell[] => [
      who,
      ...used.map((i) => yuan(byItem.get(i.code) ?? 0)),
      yuan([...byItem.values()].reduce((n, f) => n + f, 0)),
      '',
      '',
    ]);
  const perItem = used.map((i) => paid.filter((p) => p.code === i.code).reduce((n, p) => n + p.fen, 0));
  return {
    lang: ctx.lang,
    title: m.agencyTitle,
    school: ctx.schoolName,
    period: term?.name || d.render.none,
    issued: fullDate(ctx.today, ctx.lang),
    meta: [{ label: m.className, value: wanted }],
    sections: [
      {
        heading: m.agencyHeading,
        blocks: [
          {
            kind: 'table',
            columns: [
              { label: m.student, width: '14%' },
              ...used.map((i) => ({ label: i.name || i.code, align: 'right' as const, width: share })),
              { label: m.collected, align: 'right', width: '12%' },
              { label: m.spent, align: 'right', width: '12%' },
              { label: m.refunded, align: 'right', width: '12%' },
            ],
            rows,
            totals: [d.render.total, ...perItem.map(yuan), yuan(perItem.reduce((n, f) => n + f, 0)), '', ''],
            empty: m.noPayments,
          },
          { kind: 'text', text: m.agencyNote },
        ],
      },
    ],
    signatures: m.agencySignatures,
    fileName: fill(m.agencyFile, { className: wanted }),
  };
}
