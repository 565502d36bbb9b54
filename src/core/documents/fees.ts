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
import { zhOrder as zh } from '../order';

/** Yuan kept as whole fen while adding, so totals match the sheet to the fen. */
const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (f: number) => (f / 100).toFixed(2);

export interface FeeTables {
  readonly feeItems?: SourceTable | undefined;
  readonly feePayments?: SourceTable | undefined;
  /** 代办费支出: read by the agency statement only. */
  readonly agencySpending?: SourceTable | undefined;
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
  /** 退费金额 written on this receipt (0 when none). */
  readonly refundFen: number;
  /** 退费日期, or the receipt's date when the refund has none. */
  readonly refundDate: Day;
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
      refundFen: fen(num(v.refundAmount) ?? 0),
      refundDate: day(v.refundDate) ?? date,
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
 * deposited), the refunds handed back in the month (by 退费日期, whichever month the receipt is
 * of) and what the month kept net of them, by item and by collector; every total is the sum of the
 * Fees sheet's rows.
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
  const within = (date: Day) => date >= from && date <= to;
  const names = new Map(items(tables.feeItems, ctx.timeZone).map((i) => [i.code, i.name]));
  const touched = payments(tables.feePayments, ctx.timeZone).filter(
    (p) => within(p.date) || (p.refundFen > 0 && within(p.refundDate)),
  );
  const group = (key: (p: Payment) => string) => {
    const g = new Map<string, Payment[]>();
    for (const p of touched) {
      const k = key(p);
      const list = g.get(k);
      if (list) list.push(p);
      else g.set(k, [p]);
    }
    return [...g].sort(([a], [b]) => zh(a, b));
  };
  const columns = (first: string) => [
    { label: first },
    { label: c.count, align: 'right' as const, width: '8%' },
    { label: c.collected, align: 'right' as const, width: '13%' },
    { label: c.deposited, align: 'right' as const, width: '13%' },
    { label: c.notDeposited, align: 'right' as const, width: '13%' },
    { label: c.refunded, align: 'right' as const, width: '13%' },
    { label: c.net, align: 'right' as const, width: '13%' },
  ];
  const line = (label: string, ps: readonly Payment[]): Cell[] => {
    const paid = ps.filter((p) => within(p.date));
    const sum = (deposited?: boolean) =>
      paid.filter((p) => deposited === undefined || p.deposited === deposited).reduce((n, p) => n + p.fen, 0);
    const refunded = ps.filter((p) => within(p.refundDate)).reduce((n, p) => n + p.refundFen, 0);
    return [
      label,
      paid.length,
      yuan(sum()),
      yuan(sum(true)),
      yuan(sum(false)),
      yuan(refunded),
      yuan(sum() - refunded),
    ];
  };
  const totals = line(d.render.total, touched);
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

/** Class names as the office types them: full- and half-width brackets are the same class. */
const classKey = (name: string) => name.normalize('NFKC').trim();

interface Spending {
  readonly date: Day;
  /** '' when bought for everyone who paid the item (a grade's or the whole school's order). */
  readonly className: string;
  readonly code: string;
  readonly fen: number;
}

function spending(table: SourceTable | undefined, tz: string): Spending[] {
  const out: Spending[] = [];
  for (const { v } of typedRecords(table, tz)) {
    const date = day(v.date);
    const amount = num(v.amount);
    if (!date || amount === null || !str(v.itemCode)) continue;
    out.push({ date, className: classKey(str(v.className)), code: str(v.itemCode), fen: fen(amount) });
  }
  return out;
}

/**
 * `total` fen shared evenly among `n` people: each gets the whole fen of total / n, and the fen
 * left over (fewer than n) go one each to the first people in the list, so the shares always sum
 * to `total` exactly. None when nobody is there to share it.
 */
export function shareEvenly(total: number, n: number): number[] {
  if (n <= 0) return [];
  const each = Math.floor(total / n);
  const left = total - each * n;
  return Array.from({ length: n }, (_, i) => each + (i < left ? 1 : 0));
}

/** One student's line for one agency item, in fen. */
export interface AgencyLine {
  readonly student: string;
  readonly code: string;
  readonly collected: number;
  readonly spent: number;
  readonly refunded: number;
}

/** One agency item of the class, in fen, with what the statement must say about it. */
export interface AgencyItemSummary {
  readonly code: string;
  readonly name: string;
  readonly payers: number;
  readonly collected: number;
  /** The class's part of the spending: its own purchases and its students' shares of shared ones. */
  readonly spent: number;
  readonly refunded: number;
  /** The class spent on it but none of its students paid it: nobody to share it with. */
  readonly unshared: number;
}

export interface AgencySettlement {
  readonly className: string;
  readonly lines: readonly AgencyLine[];
  readonly items: readonly AgencyItemSummary[];
}

/**
 * 代办费结算 of one class for a term, in fen: per student and agency item, what was collected
 * (Fees sheet), the spent share and what was refunded (退费金额 on the receipts). Spending
 * recorded for the class on an item is shared evenly among the class's students who paid it;
 * spending recorded with no class is shared evenly among every student of the school who paid
 * that item in the term (the class gets its students' shares). Leftover fen go one each to the
 * first payers in list order (class, then name), so the shares sum to the spending exactly.
 * Null when the class has neither payments nor spending of agency items in the term.
 */
export function settleAgencyFees(
  tables: FeeTables,
  className: string,
  ctx: {
    readonly timeZone: string;
    readonly term?: { readonly start: Day; readonly end: Day } | undefined;
  },
): AgencySettlement | null {
  const wanted = classKey(className);
  if (!wanted) return null;
  const { term } = ctx;
  const inTerm = (d: Day) => !term || (d >= term.start && d <= term.end);
  const agency = items(tables.feeItems, ctx.timeZone)
    .filter((i) => i.kind === 'agency')
    .sort((a, b) => zh(a.code, b.code));
  const codes = new Set(agency.map((i) => i.code));
  const paid = payments(tables.feePayments, ctx.timeZone).filter((p) => codes.has(p.code) && inTerm(p.date));
  const spent = spending(tables.agencySpending, ctx.timeZone).filter(
    (x) => codes.has(x.code) && inTerm(x.date),
  );
  const mine = paid.filter((p) => classKey(p.className) === wanted);
  const ownSpending = spent.filter((x) => x.className === wanted);
  if (!mine.length && !ownSpending.length) return null;

  const lines: AgencyLine[] = [];
  const summaries: AgencyItemSummary[] = [];
  for (const item of agency) {
    const ofItem = paid.filter((p) => p.code === item.code);
    const own = ownSpending.filter((x) => x.code === item.code).reduce((n, x) => n + x.fen, 0);
    const shared = spent
      .filter((x) => x.code === item.code && x.className === '')
      .reduce((n, x) => n + x.fen, 0);
    // Everyone in the school who paid the item, in list order: class, then name.
    const everyone = new Map<string, { className: string; student: string }>();
    for (const p of ofItem) {
      const c = classKey(p.className);
      const student = p.payer.trim();
      everyone.set(`${c}\u0000${student}`, { className: c, student });
    }
    const order = [...everyone.values()].sort(
      (a, b) => zh(a.className, b.className) || zh(a.student, b.student),
    );
    const sharedShares = shareEvenly(shared, order.length);
    const classmates = order.flatMap((o, at) => (o.className === wanted ? [{ ...o, at }] : []));
    const ownShares = shareEvenly(own, classmates.length);
    if (!classmates.length && !own) continue;
    const byStudent = new Map<string, { collected: number; refunded: number }>();
    for (const p of mine)
      if (p.code === item.code) {
        const sum = byStudent.get(p.payer.trim()) ?? { collected: 0, refunded: 0 };
        byStudent.set(p.payer.trim(), {
          collected: sum.collected + p.fen,
          refunded: sum.refunded + p.refundFen,
        });
      }
    const itemLines = classmates.map((o, i): AgencyLine => ({
      student: o.student,
      code: item.code,
      collected: byStudent.get(o.student)?.collected ?? 0,
      spent: sharedShares[o.at]! + ownShares[i]!,
      refunded: byStudent.get(o.student)?.refunded ?? 0,
    }));
    lines.push(...itemLines);
    const total = (k: 'collected' | 'spent' | 'refunded') => itemLines.reduce((n, l) => n + l[k], 0);
    summaries.push({
      code: item.code,
      name: item.name || item.code,
      payers: classmates.length,
      collected: total('collected'),
      spent: total('spent') + (classmates.length ? 0 : own),
      refunded: total('refunded'),
      unshared: classmates.length ? 0 : own,
    });
  }
  lines.sort((a, b) => zh(a.student, b.student) || zh(a.code, b.code));
  return { className: wanted, lines, items: summaries };
}

const balanceOf = (l: Pick<AgencyLine, 'collected' | 'spent' | 'refunded'>) =>
  l.collected - l.spent - l.refunded;

/**
 * 代办费收支清单 for one class and term, for its parents: per student and agency item 代收金额,
 * 已支出 (the share of the spending), 已退还 and 应退 / 应补 (多退少补), a 小计 per student with
 * several items and the class's totals; then per item the class's figures. An item with no
 * spending, spending nobody in the class paid for, or spending above what was collected is said
 * in words, never shown as a silent zero. Null when the class has no agency payment or spending.
 */
export function agencyStatementDocument(
  tables: FeeTables,
  className: string,
  ctx: Ctx & {
    readonly timeZone: string;
    /** The term the statement settles: only its payments and spending count (all when there is none). */
    readonly term?: { readonly name: string; readonly start: Day; readonly end: Day } | undefined;
  },
): DocumentModel | null {
  const d = messages(ctx.lang).documents;
  const m = d.fees;
  const a = messages(ctx.lang).agencyStatement;
  const settled = settleAgencyFees(tables, className, ctx);
  if (!settled) return null;
  const names = new Map(settled.items.map((i) => [i.code, i.name]));
  const money = (l: Pick<AgencyLine, 'collected' | 'spent' | 'refunded'>): Cell[] => {
    const b = balanceOf(l);
    return [yuan(l.collected), yuan(l.spent), yuan(l.refunded), yuan(Math.max(b, 0)), yuan(Math.max(-b, 0))];
  };
  const sum = (ls: readonly Pick<AgencyLine, 'collected' | 'spent' | 'refunded'>[]) => ({
    collected: ls.reduce((n, l) => n + l.collected, 0),
    spent: ls.reduce((n, l) => n + l.spent, 0),
    refunded: ls.reduce((n, l) => n + l.refunded, 0),
  });
  const rows: Cell[][] = [];
  const byStudent = new Map<string, AgencyLine[]>();
  for (const l of settled.lines) byStudent.set(l.student, [...(byStudent.get(l.student) ?? []), l]);
  let toRefund = 0;
  let toCollect = 0;
  for (const [student, ls] of byStudent) {
    for (const l of ls) rows.push([student, names.get(l.code) ?? l.code, ...money(l)]);
    const own = sum(ls);
    if (ls.length > 1) rows.push([student, a.subtotal, ...money(own)]);
    // A student settles once for all items: what is over on one item pays what is short on another.
    toRefund += Math.max(balanceOf(own), 0);
    toCollect += Math.max(-balanceOf(own), 0);
  }
  const all = sum(settled.lines);
  const c = a.columns;
  const ic = a.itemColumns;
  const notes: string[] = [];
  for (const i of settled.items) {
    const spentYuan = yuan(i.spent);
    if (i.unshared) notes.push(fill(a.spentUnpaid, { item: i.name, spent: spentYuan }));
    else if (!i.spent) notes.push(fill(a.noSpending, { item: i.name }));
    else if (i.spent > i.collected)
      notes.push(
        fill(a.overspent, {
          item: i.name,
          spent: spentYuan,
          collected: yuan(i.collected),
          over: yuan(i.spent - i.collected),
        }),
      );
  }
  const itemTotals = sum(settled.items);
  return {
    lang: ctx.lang,
    title: m.agencyTitle,
    school: ctx.schoolName,
    period: ctx.term?.name || d.render.none,
    issued: fullDate(ctx.today, ctx.lang),
    meta: [{ label: m.className, value: settled.className }],
    sections: [
      {
        heading: a.heading,
        blocks: [
          {
            kind: 'table',
            columns: [
              { label: c.student, width: '14%' },
              { label: c.item, width: '18%' },
              { label: c.collected, align: 'right', width: '13%' },
              { label: c.spent, align: 'right', width: '13%' },
              { label: c.refunded, align: 'right', width: '13%' },
              { label: c.toRefund, align: 'right', width: '13%' },
              { label: c.toCollect, align: 'right', width: '13%' },
            ],
            rows,
            totals: [
              d.render.total,
              '',
              yuan(all.collected),
              yuan(all.spent),
              yuan(all.refunded),
              yuan(toRefund),
              yuan(toCollect),
            ],
            empty: a.noStudents,
          },
          { kind: 'text', text: a.rule },
        ],
      },
      {
        heading: a.itemHeading,
        blocks: [
          {
            kind: 'table',
            columns: [
              { label: ic.item },
              { label: ic.payers, align: 'right', width: '11%' },
              { label: ic.collected, align: 'right', width: '14%' },
              { label: ic.spent, align: 'right', width: '14%' },
              { label: ic.refunded, align: 'right', width: '14%' },
              { label: ic.balance, align: 'right', width: '14%' },
            ],
            rows: settled.items.map((i): Cell[] => [
              i.name,
              i.payers,
              yuan(i.collected),
              yuan(i.spent),
              yuan(i.refunded),
              yuan(balanceOf(i)),
            ]),
            totals: [
              d.render.total,
              new Set(settled.lines.map((l) => l.student)).size,
              yuan(itemTotals.collected),
              yuan(itemTotals.spent),
              yuan(itemTotals.refunded),
              yuan(balanceOf(itemTotals)),
            ],
            empty: a.noStudents,
          },
          ...notes.map((text) => ({ kind: 'text' as const, text, tone: 'notice' as const })),
        ],
      },
    ],
    signatures: m.agencySignatures,
    fileName: fill(m.agencyFile, { className: settled.className }),
  };
}
