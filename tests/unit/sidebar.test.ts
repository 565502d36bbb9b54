import { messages, type Catalog } from '../../src/core/i18n';
import type { TypedRecord } from '../../src/core/table/record';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { checkForm } from '../../src/core/sidebar/check';
import { CATALOG_MARKER, embedCatalog } from '../../src/core/sidebar/embed';
import { buildDashboard, weekEnd, type DashboardInput } from '../../src/core/sidebar/dashboard';
import {
  feeAmount,
  localIso,
  nextId,
  reportRepair,
  sameId,
  suggestReceiptNo,
  takeFee,
  type ActionContext,
} from '../../src/core/sidebar/records';

const TZ = 'Asia/Shanghai';
const rec = (row: number, v: Record<string, unknown>) => ({ row, v }) as TypedRecord;
const ctx: ActionContext = {
  now: new Date('2026-09-01T00:30:00Z'), // 08:30 in Shanghai
  today: '2026-09-01',
  timeZone: TZ,
  settings: DEFAULT_SETTINGS,
  lang: 'zh-CN',
  user: '王芳',
};

describe('receipt and id suggestions', () => {
  it('carries on the last receipt pad, keeping its width and skipping numbers in use', () => {
    expect(suggestReceiptNo(['SJ-2026-0007', 'SJ-2026-0009'], '2026-09-01')).toBe('SJ-2026-0010');
    expect(suggestReceiptNo(['A0099', 'A0100'], '2026-09-01')).toBe('A0101');
    expect(suggestReceiptNo(['0041', '0042', '0041'], '2026-09-01')).toBe('0043');
  });

  it('starts a fresh pad for the school year when there is no numbered receipt', () => {
    expect(suggestReceiptNo([], '2026-09-01')).toBe('SJ-2026-0001');
    expect(suggestReceiptNo(['手写'], '2027-03-02')).toBe('SJ-2027-0001');
  });

  it('numbers ids after the highest in use for the prefix', () => {
    expect(nextId('BX-20260901-', ['BX-20260901-002', 'BX-20260831-009', 'BX-20260901-010'])).toBe(
      'BX-20260901-011',
    );
    expect(nextId('BX-20260901-', [])).toBe('BX-20260901-001');
  });

  it('compares ids as a person reads them', () => {
    expect(sameId('ｂｘ-001', 'BX-001')).toBe(true);
    expect(sameId(' F01 ', 'f01')).toBe(true);
    expect(sameId('', '')).toBe(false);
    expect(sameId('F01', 'F02')).toBe(false);
  });
});

describe('records the quick actions write', () => {
  it('reports a repair as the active user with a deadline from the settings', () => {
    const out = reportRepair(
      { location: '食堂', description: '灯管不亮', contractor: false },
      ctx,
      [rec(2, { repairId: 'BX-20260901-001' })],
      [],
    );
    if (!out.ok) throw new Error('refused');
    const row = out.append[0]!.records[0]!;
    expect(row).toMatchObject({ repairId: 'BX-20260901-002', reporter: '王芳', status: '已报修' });
    expect((row.deadline as Date).getTime()).toBeGreaterThan(ctx.now.getTime());
    expect(out.message).toContain('BX-20260901-002');
  });

  it('takes a fee at the approved standard and refuses a receipt already used', () => {
    const items = [rec(2, { code: 'F01', standard: 12.5 })];
    const paid = [rec(2, { receiptNo: 'SJ-2026-0001' })];
    const out = takeFee({ itemCode: 'f01', payer: '学生1', quantity: 3 }, true, ctx, items, paid);
    if (!out.ok) throw new Error('refused');
    expect(out.append[0]!.records[0]).toMatchObject({
      receiptNo: 'SJ-2026-0002',
      amount: 37.5,
      itemCode: 'F01',
    });
    const dup = takeFee({ itemCode: 'F01', receiptNo: 'sj-2026-0001', quantity: 1 }, false, ctx, items, paid);
    expect(dup.ok).toBe(false);
    expect(takeFee({ itemCode: 'F99', quantity: 1 }, false, ctx, items, paid).ok).toBe(false);
  });

  it('refuses an agency-fee receipt without a class, which no class statement would settle', () => {
    const items = [rec(2, { code: 'F02', name: '校服费', kind: 'agency', standard: 120 })];
    const none = takeFee(
      { itemCode: 'F02', payer: '学生1', className: ' ', quantity: 1 },
      false,
      ctx,
      items,
      [],
    );
    expect(none).toEqual({
      ok: false,
      errors: {
        className:
          '「校服费」是代办费，请填写班级：没有班级的收费不在任何班级的代办费清单上，期末无法多退少补',
      },
    });
    const classed = takeFee(
      { itemCode: 'F02', payer: '学生1', className: '初一(1)班', quantity: 1 },
      false,
      ctx,
      items,
      [],
    );
    if (!classed.ok) throw new Error('refused');
    expect(classed.append[0]!.records[0]).toMatchObject({ className: '初一(1)班', amount: 120 });
  });

  it('rounds fee amounts to the fen', () => {
    expect(feeAmount(0.1, 3)).toBe(0.3);
    expect(feeAmount(33.335, 1)).toBe(33.34);
  });

  it('gives the school-zone wall clock, whatever the process zone', () => {
    expect(localIso(ctx.now, TZ)).toBe('2026-09-01T08:30');
    expect(localIso(ctx.now, 'America/Los_Angeles')).toBe('2026-08-31T17:30');
  });

  it('refuses a field sent as an array or object instead of coercing it', () => {
    const read = checkForm(
      'repairs',
      ['location', 'description'],
      { location: '食堂', description: ['x'] },
      'en',
    );
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.errors)).toEqual(['description']);
  });
});

describe('dashboard counts', () => {
  const base: DashboardInput = {
    today: '2026-09-16', // a Wednesday
    overdue: [],
    schedules: [],
    results: [],
    tasks: [],
    payments: [],
    problems: [],
  };
  const card = (input: Partial<DashboardInput>, key: string) =>
    buildDashboard({ ...base, ...input }).find((c) => c.key === key)!;

  it("shows this month's tasks as done / total and lists the open ones", () => {
    const tasks = [
      rec(2, { title: '消防检查', status: 'done', dueDate: '2026-09-04' }),
      rec(3, { title: '电路检查', status: 'todo', dueDate: '2026-09-18', assignee: '李强' }),
      rec(4, { title: '楼梯检查', status: 'skipped', dueDate: '2026-09-11' }),
      rec(5, { title: '上月的', status: 'todo', dueDate: '2026-08-28' }),
      rec(6, { title: '已删除', status: 'source_removed', dueDate: '2026-09-20' }),
    ];
    const c = card({ tasks }, 'tasks');
    expect({ count: c.count, total: c.total, alert: c.alert }).toEqual({ count: 2, total: 3, alert: false });
    expect(c.lines.map((l) => l.row)).toEqual([3]);
    expect(c.lines[0]!.detail).toBe('李强 · 2026-09-18');
  });

  it('counts inspections due by Sunday, late ones included, and skips inactive schedules', () => {
    expect(weekEnd('2026-09-16')).toBe('2026-09-20');
    expect(weekEnd('2026-09-20')).toBe('2026-09-20');
    const schedules = [
      rec(2, { scheduleId: 'XJ-1', nextDue: '2026-09-10' }),
      rec(3, { scheduleId: 'XJ-2', nextDue: '2026-09-20' }),
      rec(4, { scheduleId: 'XJ-3', nextDue: '2026-09-21' }),
      rec(5, { scheduleId: 'XJ-4', nextDue: '2026-09-17', active: false }),
    ];
    const c = card({ schedules }, 'inspectionsDue');
    expect(c.lines.map((l) => l.row)).toEqual([2, 3]);
    expect(c.alert).toBe(true);
  });

  it('counts unfixed hazards and fees not banked on the day taken (today may still go)', () => {
    const results = [
      rec(2, { result: 'hazard', finding: '漏电' }),
      rec(3, { result: 'hazard', finding: '堵塞', fixedDate: '2026-09-10' }),
      rec(4, { result: 'pass' }),
    ];
    expect(card({ results }, 'openHazards').count).toBe(1);
    const payments = [
      rec(2, { receiptNo: 'A1', date: '2026-09-15', depositDate: '' }),
      rec(3, { receiptNo: 'A2', date: '2026-09-15', depositDate: '2026-09-16' }),
      rec(4, { receiptNo: 'A3', date: '2026-09-15', depositDate: '2026-09-15' }),
      rec(5, { receiptNo: 'A4', date: '2026-09-16', depositDate: '' }),
    ];
    expect(card({ payments }, 'feesNotDeposited').lines.map((l) => l.row)).toEqual([2, 3]);
  });

  it('shows nothing alarming on an empty workbook', () => {
    expect(buildDashboard(base).every((c) => !c.alert && c.count === 0)).toBe(true);
  });
});

describe('the text embedded in the served page', () => {
  const element = /<script id="houqin-catalog" type="application\/json">([^<]*)<\/script>/;

  it('cannot close its script element or open a comment, and reads back unchanged', () => {
    const hostile = { evil: '</script><script>alert(1)</script><!-- <b>' } as unknown as Catalog;
    const html = embedCatalog(`<main></main>${CATALOG_MARKER}<script>run()</script>`, {
      lang: 'en',
      catalog: hostile,
    });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(JSON.parse(element.exec(html)![1]!)).toEqual({ lang: 'en', catalog: hostile });
  });

  it('refuses a page without its place', () => {
    expect(() => embedCatalog('<main></main>', { lang: 'en', catalog: messages('en') })).toThrow(/no place/);
  });
});
