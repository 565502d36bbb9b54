import { createEmulator } from '../../emulator';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';

const day = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Payments of November (and one of October), counted by hand below. */
const PAYMENTS = [
  // Last term's: not in this term's agency statement.
  {
    receiptNo: 'S00',
    date: day('2026-06-20'),
    itemCode: 'F01',
    payer: '张三',
    className: '初一(1)班',
    amount: 50,
    collector: '刘洋',
    depositDate: day('2026-06-20'),
  },
  {
    receiptNo: 'S01',
    date: day('2026-11-02'),
    itemCode: 'F01',
    payer: '张三',
    className: '初一(1)班',
    amount: 12.5,
    collector: '刘洋',
    depositDate: day('2026-11-02'),
  },
  {
    receiptNo: 'S02',
    date: day('2026-11-02'),
    itemCode: 'F02',
    payer: '张三',
    className: '初一(1)班',
    amount: 120,
    collector: '刘洋',
    depositDate: day('2026-11-03'),
  },
  {
    receiptNo: 'S03',
    date: day('2026-11-03'),
    itemCode: 'F01',
    payer: '李四',
    className: '初一(1)班',
    amount: 12.5,
    collector: '刘洋',
    depositDate: '',
  },
  {
    receiptNo: 'S04',
    date: day('2026-11-05'),
    itemCode: 'F03',
    payer: '王五',
    className: '初一(2)班',
    amount: 800,
    collector: '陈静',
    depositDate: day('2026-11-05'),
  },
  {
    receiptNo: 'S05',
    date: day('2026-11-06'),
    itemCode: 'F01',
    payer: '<b>赵六</b>',
    className: '初一（1）班',
    amount: 0.1,
    collector: '陈静',
    depositDate: '',
  },
  {
    receiptNo: 'S06',
    date: day('2026-10-30'),
    itemCode: 'F02',
    payer: '李四',
    className: '初一(1)班',
    amount: 120,
    collector: '刘洋',
    depositDate: day('2026-10-30'),
  },
];

function office(): Bundle {
  const bundle = loadBundle(createEmulator({ now: '2026-12-01T09:00:00+08:00', timeZone: 'Asia/Shanghai' }));
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(bundle.emu, '学校名称', '第一中学');
  fillSheet(bundle.emu, 'feeItems', [
    { code: 'F01', name: '作业本费', kind: '代办费', standard: 12.5, unit: '学期' },
    { code: 'F02', name: '校服费', kind: '代办费', standard: 120, unit: '套' },
    {
      code: 'F03',
      name: '住宿费',
      kind: '核定收费',
      standard: 800,
      unit: '学期',
      periodStart: day('2026-09-01'),
      periodEnd: day('2026-09-15'),
      approvalRef: '价〔2025〕12号',
    },
  ]);
  fillSheet(bundle.emu, 'feePayments', PAYMENTS);
  return bundle;
}

function print(bundle: Bundle, menu: string, answer?: string): string {
  if (answer !== undefined) bundle.emu.ui.answerPrompts({ button: 'OK', text: answer });
  bundle.clickMenu(menu);
  return bundle.emu.ui.dialogs.at(-1)!.html;
}

const row = (...cells: string[]) =>
  cells.map((c, i) => (i ? `<td class="r">${c}</td>` : `<td>${c}</td>`)).join('');

describe('fee papers through the bundle', () => {
  it('the fee notice lists each item by kind with amount, unit, period and approval', () => {
    const html = print(office(), '打印收费公示');
    expect(html).toContain('<h1>收费公示</h1>');
    expect(html).toContain('<h2>核定收费</h2>');
    expect(html).toContain(
      '<td>F03</td><td>住宿费</td><td class="r">800.00</td><td>学期</td><td>2026-09-01 — 2026-09-15</td><td>价〔2025〕12号</td>',
    );
    expect(html).toContain('<h2>代办费</h2>');
  });

  it("the month's accounts by item and by collector sum to the Fees sheet's November rows", () => {
    const html = print(office(), '打印月度收费账目…', '');
    // November: 5 payments, ¥945.10 collected, ¥932.50 deposited, ¥12.60 not yet.
    const november = PAYMENTS.filter((p) => p.receiptNo !== 'S06' && p.receiptNo !== 'S00');
    expect(november).toHaveLength(5);
    expect(november.reduce((n, p) => n + p.amount, 0)).toBeCloseTo(945.1);
    expect(html).toContain(`<tr>${row('F01 作业本费', '3', '25.10', '12.50', '12.60')}</tr>`);
    expect(html).toContain(`<tr>${row('刘洋', '3', '145.00', '132.50', '12.50')}</tr>`);
    expect(
      html.match(new RegExp(`<tr class="total">${row('合计', '5', '945.10', '932.50', '12.60')}</tr>`, 'g')),
    ).toHaveLength(2);
    expect(html).toContain('2026年11月');
  });

  it("a class's agency statement: each student's payments per item; totals match the Fees sheet; markup as text", () => {
    const bundle = office();
    const html = print(bundle, '打印代办费清单…', '初一(1)班');
    // This term's (the 校历's 第一学期), full-width brackets the same class; 王五 (another class, an
    // approved fee) is not there, nor 张三's payment of last term.
    expect(html).toContain('<span><b>期间</b>第一学期</span>');
    expect(html).toContain(`<tr>${row('张三', '12.50', '120.00', '132.50', '', '')}</tr>`);
    expect(html).toContain(`<tr>${row('李四', '12.50', '120.00', '132.50', '', '')}</tr>`);
    expect(html).toContain(`<tr>${row('&lt;b&gt;赵六&lt;/b&gt;', '0.10', '0.00', '0.10', '', '')}</tr>`);
    expect(html).not.toContain('王五');
    expect(html).toContain(`<tr class="total">${row('合计', '25.10', '240.00', '265.10', '', '')}</tr>`);
    print(bundle, '打印代办费清单…', '初三(9)班');
    expect(bundle.emu.ui.alerts.at(-1)!.prompt).toBe('收费记录中没有「初三(9)班」的代办费。');
  });
});
