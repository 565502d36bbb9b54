import { createEmulator } from '../../emulator';
import { loadBundle, type Bundle } from '../support/bundle';
import type { CellValue } from '../../src/core/table/mapping';
import { fillSheet, setSetting } from '../support/workbook';

const day = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Payments of November (and one of October), counted by hand below. */
const PAYMENTS: (Record<string, CellValue> & { receiptNo: string; amount: number })[] = [
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
    // Handed back in November: in November's accounts, whatever month the receipt is of.
    refundAmount: 10,
    refundDate: day('2026-11-10'),
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
    // 20.00 of it handed back at term end, written on the receipt.
    refundAmount: 20,
    refundDate: day('2026-11-30'),
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

const SPENDING: (Record<string, CellValue> & { itemCode: string })[] = [
  // The class's exercise books: 2500 fen among its 3 payers of F01 = 833 each, 1 fen over.
  {
    date: day('2026-11-10'),
    className: '初一(1)班',
    itemCode: 'F01',
    amount: 25,
    purchase: '作业本',
    handler: '刘洋',
  },
  // The school's uniforms (no class): 200.00 among the 2 payers of F02 in the school.
  {
    date: day('2026-11-12'),
    itemCode: 'F02',
    amount: 200,
    purchase: '校服',
    voucherNo: 'PZ-007',
    handler: '刘洋',
  },
  // Last term's: not in this term's statement.
  {
    date: day('2026-06-25'),
    className: '初一(1)班',
    itemCode: 'F01',
    amount: 9,
    purchase: '作业本',
    handler: '刘洋',
  },
];

function office(spending: readonly Record<string, CellValue>[] = SPENDING): Bundle {
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
  fillSheet(bundle.emu, 'agencySpending', spending);
  return bundle;
}

function print(bundle: Bundle, menu: string, answer?: string): string {
  if (answer !== undefined) bundle.emu.ui.answerPrompts({ button: 'OK', text: answer });
  bundle.clickMenu(menu);
  return bundle.emu.ui.dialogs.at(-1)!.html;
}

const row = (...cells: string[]) =>
  cells.map((c, i) => (i ? `<td class="r">${c}</td>` : `<td>${c}</td>`)).join('');
/** A statement line: student and item on the left, the money on the right. */
const line = (...cells: string[]) =>
  cells.map((c, i) => (i > 1 ? `<td class="r">${c}</td>` : `<td>${c}</td>`)).join('');

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

  it("the month's accounts by item and by collector sum to the Fees sheet's November rows, refunds by their date", () => {
    const html = print(office(), '打印月度收费账目…', '');
    // November: 5 payments, ¥945.10 collected, ¥932.50 deposited, ¥12.60 not yet; refunded in
    // November ¥30.00 (S02's 20.00 and S00's 10.00, a June receipt), so ¥915.10 kept.
    const november = PAYMENTS.filter((p) => p.receiptNo !== 'S06' && p.receiptNo !== 'S00');
    expect(november).toHaveLength(5);
    expect(november.reduce((n, p) => n + p.amount, 0)).toBeCloseTo(945.1);
    expect(html).toContain('<th class="r">退费(元)</th><th class="r">净收(元)</th>');
    expect(html).toContain(
      `<tr>${row('F01 作业本费', '3', '25.10', '12.50', '12.60', '10.00', '15.10')}</tr>`,
    );
    expect(html).toContain(
      `<tr>${row('F02 校服费', '1', '120.00', '120.00', '0.00', '20.00', '100.00')}</tr>`,
    );
    expect(html).toContain(`<tr>${row('刘洋', '3', '145.00', '132.50', '12.50', '30.00', '115.00')}</tr>`);
    expect(
      html.match(
        new RegExp(
          `<tr class="total">${row('合计', '5', '945.10', '932.50', '12.60', '30.00', '915.10')}</tr>`,
          'g',
        ),
      ),
    ).toHaveLength(2);
    expect(html).toContain('2026年11月');
    // October's accounts: S06 collected, nothing refunded then.
    const october = print(office(), '打印月度收费账目…', '2026-10');
    expect(october).toContain(
      `<tr class="total">${row('合计', '1', '120.00', '120.00', '0.00', '0.00', '120.00')}</tr>`,
    );
  });

  it('typing an agency-fee receipt without a class marks the class cell; typing the class clears it', () => {
    const bundle = office();
    const fees = bundle.emu.spreadsheet.getSheetByName('收费记录')!;
    const row = fees.getLastRow() + 1;
    bundle.edit('收费记录', `A${row}:I${row}`, [
      ['S07', '2026-11-20', 'F01', '孙七', '', 1, 12.5, '刘洋', '2026-11-20'],
    ]);
    expect(fees.getRange(`E${row}`).getNote()).toBe(
      '【后勤助手】⚠ 「作业本费」是代办费，请填写班级：没有班级的收费不在任何班级的代办费清单上，期末无法多退少补',
    );
    expect(fees.getRange(`A${row}:I${row}`).getNotes()[0]!.filter(Boolean)).toHaveLength(1);
    bundle.edit('收费记录', `E${row}`, '初一(1)班');
    expect(fees.getRange(`E${row}`).getNote()).toBe('');
    expect(fees.getRange(`E${row}`).getBackground()).toBe('#ffffff');
  });

  it("a class's agency statement: per student and item collected, spent share, refunded, 应退/应补; totals match the sheets", () => {
    const bundle = office();
    const html = print(bundle, '打印代办费清单…', '初一(1)班');
    // This term's (the 校历's 第一学期), full-width brackets the same class; 王五 (another class, an
    // approved fee) is not there, nor 张三's payment and the spending of last term.
    expect(html).toContain('<span><b>期间</b>第一学期</span>');
    expect(html).toContain(
      '<th>学生</th><th>代办项目</th><th class="r">代收金额</th><th class="r">已支出</th>',
    );
    expect(html).toContain('<th class="r">已退还</th><th class="r">应退</th><th class="r">应补</th>');
    // 赵六 first in the list takes the leftover fen of the class's 25.00.
    expect(html).toContain(
      `<tr>${line('&lt;b&gt;赵六&lt;/b&gt;', '作业本费', '0.10', '8.34', '0.00', '0.00', '8.24')}</tr>`,
    );
    expect(html).toContain(`<tr>${line('李四', '作业本费', '12.50', '8.33', '0.00', '4.17', '0.00')}</tr>`);
    expect(html).toContain(`<tr>${line('李四', '校服费', '120.00', '100.00', '0.00', '20.00', '0.00')}</tr>`);
    expect(html).toContain(`<tr>${line('李四', '小计', '132.50', '108.33', '0.00', '24.17', '0.00')}</tr>`);
    expect(html).toContain(`<tr>${line('张三', '校服费', '120.00', '100.00', '20.00', '0.00', '0.00')}</tr>`);
    expect(html).toContain(`<tr>${line('张三', '小计', '132.50', '108.33', '20.00', '4.17', '0.00')}</tr>`);
    expect(html).not.toContain('王五');
    // Collected = the Fees sheet's agency rows of the class this term; spent = 25.00 + 200.00.
    expect(html).toContain(
      `<tr class="total">${line('合计', '', '265.10', '225.00', '20.00', '28.34', '8.24')}</tr>`,
    );
    expect(html).toContain(`<tr>${row('作业本费', '3', '25.10', '25.00', '0.00', '0.10')}</tr>`);
    expect(html).toContain(`<tr>${row('校服费', '2', '240.00', '200.00', '20.00', '20.00')}</tr>`);
    expect(html).toContain(
      `<tr class="total">${row('合计', '3', '265.10', '225.00', '20.00', '20.10')}</tr>`,
    );
    expect(html).not.toContain('class="notice"');
    print(bundle, '打印代办费清单…', '初三(9)班');
    expect(bundle.emu.ui.alerts.at(-1)!.prompt).toBe('收费记录中没有「初三(9)班」的代办费。');
  });

  it('an item collected but never spent is said on the statement, not shown as a silent zero', () => {
    const bundle = office(SPENDING.filter((x) => x.itemCode !== 'F02'));
    bundle.emu.ui.answerPrompts({ button: 'OK', text: '初一(1)班' });
    bundle.emu.calls.reset();
    bundle.clickMenu('打印代办费清单…');
    // One read per sheet it needs, whatever the rows.
    expect(bundle.emu.calls.count('Range.getValues')).toBeLessThanOrEqual(6);
    const html = bundle.emu.ui.dialogs.at(-1)!.html;
    expect(html).toContain(
      '<p class="notice">「校服费」本学期没有支出记录（「代办费支出」中没有本班或全校该项目的支出），已支出按 0 计，代收金额应全部退还或说明用途。</p>',
    );
    expect(html).toContain(`<tr>${line('李四', '校服费', '120.00', '0.00', '0.00', '120.00', '0.00')}</tr>`);
  });
});
