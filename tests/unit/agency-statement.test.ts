import {
  agencyStatementDocument,
  settleAgencyFees,
  shareEvenly,
  type DocumentModel,
} from '../../src/core/documents';
import { at, table, TZ } from './figures.fixture';

/** The autumn term of 2026–27; the June rows belong to the spring term and are left out. */
const TERM = { name: '2026—2027学年第一学期', start: '2026-09-01', end: '2027-01-20' };
const C1 = '初一(1)班';

const ITEMS = table('feeItems', [
  { code: 'B1', name: '作业本费', kind: 'agency', standard: 30 },
  { code: 'B2', name: '教辅资料费', kind: 'agency', standard: 45.5 },
  { code: 'B3', name: '校服费', kind: 'agency', standard: 100 },
  { code: 'B4', name: '练习册费', kind: 'agency', standard: 20 },
  { code: 'A1', name: '住宿费', kind: 'approved', standard: 800 },
]);

const PAYMENTS = [
  { receiptNo: 'R1', date: at('2026-09-02'), itemCode: 'B1', payer: '张三', className: C1, amount: 30 },
  { receiptNo: 'R2', date: at('2026-09-02'), itemCode: 'B1', payer: '李四', className: C1, amount: 30 },
  // Full-width brackets: the same class.
  {
    receiptNo: 'R3',
    date: at('2026-09-03'),
    itemCode: 'B1',
    payer: '王五',
    className: '初一（1）班',
    amount: 30,
  },
  { receiptNo: 'R4', date: at('2026-09-03'), itemCode: 'B2', payer: '张三', className: C1, amount: 45.5 },
  {
    receiptNo: 'R5',
    date: at('2026-09-03'),
    itemCode: 'B2',
    payer: '李四',
    className: C1,
    amount: 45.5,
    refundAmount: 10,
    refundDate: at('2026-12-20'),
  },
  {
    receiptNo: 'R6',
    date: at('2026-09-04'),
    itemCode: 'B1',
    payer: '赵六',
    className: '初一(2)班',
    amount: 30,
  },
  { receiptNo: 'R7', date: at('2026-09-04'), itemCode: 'B3', payer: '张三', className: C1, amount: 100 },
  // An approved fee and last term's payment are not in the statement.
  { receiptNo: 'R8', date: at('2026-09-05'), itemCode: 'A1', payer: '张三', className: C1, amount: 800 },
  { receiptNo: 'R9', date: at('2026-06-10'), itemCode: 'B1', payer: '李四', className: C1, amount: 30 },
];

const SPENDING = [
  // The class's exercise books: 8000 fen among 3 payers = 2666 each and 2 fen over.
  { date: at('2026-09-10'), className: C1, itemCode: 'B1', amount: 80, purchase: '作业本', handler: '刘洋' },
  // The school's order, no class: 1001 fen among the 4 payers of B1 in the school = 250 and 1 fen over.
  { date: at('2026-09-10'), itemCode: 'B1', amount: 10.01, purchase: '作业本运费', handler: '刘洋' },
  // More than the class collected for B2 (91.00).
  { date: at('2026-09-12'), className: C1, itemCode: 'B2', amount: 100, purchase: '教辅', handler: '刘洋' },
  // Nobody in the class paid B4.
  { date: at('2026-09-12'), className: C1, itemCode: 'B4', amount: 20, purchase: '练习册', handler: '刘洋' },
  // Not an agency item; last term's: left out.
  { date: at('2026-09-12'), className: C1, itemCode: 'A1', amount: 50, purchase: '床单', handler: '刘洋' },
  { date: at('2026-06-15'), className: C1, itemCode: 'B1', amount: 5, purchase: '作业本', handler: '刘洋' },
];

const TABLES = {
  feeItems: ITEMS,
  feePayments: table('feePayments', PAYMENTS),
  agencySpending: table('agencySpending', SPENDING),
};
const CTX = { lang: 'zh-CN' as const, schoolName: '第一中学', today: '2027-01-15', timeZone: TZ, term: TERM };

const tableOf = (doc: DocumentModel, section: number) => {
  const block = doc.sections[section]!.blocks[0]!;
  if (block.kind !== 'table') throw new Error('not a table');
  return block;
};
const texts = (doc: DocumentModel, section: number) =>
  doc.sections[section]!.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));

describe('shareEvenly: spending split among payers in fen', () => {
  test('the leftover fen go one each to the first payers, and the shares sum to the spending', () => {
    expect(shareEvenly(8000, 3)).toEqual([2667, 2667, 2666]);
    expect(shareEvenly(1001, 4)).toEqual([251, 250, 250, 250]);
    expect(shareEvenly(5, 7)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    for (const [total, n] of [
      [1, 3],
      [99999, 7],
      [12345, 40],
    ] as const)
      expect(shareEvenly(total, n).reduce((a, b) => a + b, 0)).toBe(total);
    expect(shareEvenly(500, 0)).toEqual([]);
  });
});

describe("a class's agency settlement, counted by hand", () => {
  const settled = settleAgencyFees(TABLES, C1, { timeZone: TZ, term: TERM })!;
  const line = (student: string, code: string) =>
    settled.lines.find((l) => l.student === student && l.code === code);

  test('per student and item: collected, the spent share (class purchase + school order), refunded', () => {
    expect(line('李四', 'B1')).toEqual({
      student: '李四',
      code: 'B1',
      collected: 3000,
      spent: 2667 + 251,
      refunded: 0,
    });
    expect(line('王五', 'B1')).toEqual({
      student: '王五',
      code: 'B1',
      collected: 3000,
      spent: 2667 + 250,
      refunded: 0,
    });
    expect(line('张三', 'B1')).toEqual({
      student: '张三',
      code: 'B1',
      collected: 3000,
      spent: 2666 + 250,
      refunded: 0,
    });
    expect(line('李四', 'B2')).toEqual({
      student: '李四',
      code: 'B2',
      collected: 4550,
      spent: 5000,
      refunded: 1000,
    });
    expect(line('张三', 'B3')).toEqual({
      student: '张三',
      code: 'B3',
      collected: 10000,
      spent: 0,
      refunded: 0,
    });
    expect(settled.lines).toHaveLength(6);
  });

  test("the class's shares sum to its spending to the fen, and the school's order to its total across classes", () => {
    const spent = (code: string) =>
      settled.lines.filter((l) => l.code === code).reduce((n, l) => n + l.spent, 0);
    const other = settleAgencyFees(TABLES, '初一(2)班', { timeZone: TZ, term: TERM })!;
    expect(other.lines).toEqual([{ student: '赵六', code: 'B1', collected: 3000, spent: 250, refunded: 0 }]);
    // B1: the class's 80.00 and the school's 10.01 less 赵六's share.
    expect(spent('B1') + other.lines[0]!.spent).toBe(8000 + 1001);
    expect(spent('B2')).toBe(10000);
  });

  test('per item: payers and figures; B4 spent with nobody to share it', () => {
    expect(settled.items).toEqual([
      { code: 'B1', name: '作业本费', payers: 3, collected: 9000, spent: 8751, refunded: 0, unshared: 0 },
      {
        code: 'B2',
        name: '教辅资料费',
        payers: 2,
        collected: 9100,
        spent: 10000,
        refunded: 1000,
        unshared: 0,
      },
      { code: 'B3', name: '校服费', payers: 1, collected: 10000, spent: 0, refunded: 0, unshared: 0 },
      { code: 'B4', name: '练习册费', payers: 0, collected: 0, spent: 2000, refunded: 0, unshared: 2000 },
    ]);
  });

  test('a class with no agency payment or spending in the term has no statement', () => {
    expect(settleAgencyFees(TABLES, '初三(9)班', { timeZone: TZ, term: TERM })).toBeNull();
    expect(agencyStatementDocument(TABLES, '  ', CTX)).toBeNull();
  });
});

describe('the agency-fee statement (代办费收支清单) for parents', () => {
  const doc = agencyStatementDocument(TABLES, '初一（1）班', CTX)!;

  test('a line per student and item, a subtotal for several items, and 应退 / 应补 per student', () => {
    const students = tableOf(doc, 0);
    expect(students.columns.map((c) => c.label)).toEqual([
      '学生',
      '代办项目',
      '代收金额',
      '已支出',
      '已退还',
      '应退',
      '应补',
    ]);
    expect(students.rows).toEqual([
      ['李四', '作业本费', '30.00', '29.18', '0.00', '0.82', '0.00'],
      ['李四', '教辅资料费', '45.50', '50.00', '10.00', '0.00', '14.50'],
      ['李四', '小计', '75.50', '79.18', '10.00', '0.00', '13.68'],
      ['王五', '作业本费', '30.00', '29.17', '0.00', '0.83', '0.00'],
      ['张三', '作业本费', '30.00', '29.16', '0.00', '0.84', '0.00'],
      ['张三', '教辅资料费', '45.50', '50.00', '0.00', '0.00', '4.50'],
      ['张三', '校服费', '100.00', '0.00', '0.00', '100.00', '0.00'],
      ['张三', '小计', '175.50', '79.16', '0.00', '96.34', '0.00'],
    ]);
    // The class settles per student: 0.83 + 96.34 to refund, 13.68 to collect.
    expect(students.totals).toEqual(['合计', '', '281.00', '187.51', '10.00', '97.17', '13.68']);
    expect(doc.meta).toEqual([{ label: '班级', value: C1 }]);
    expect(doc.period).toBe(TERM.name);
  });

  test("the totals equal what the Fees and Agency spending sheets hold for the class's term", () => {
    const inTerm = (d: Date) => d >= at(TERM.start) && d <= at(TERM.end);
    const agency = new Set(['B1', 'B2', 'B3', 'B4']);
    const collected = PAYMENTS.filter(
      (p) => inTerm(p.date) && agency.has(p.itemCode) && p.className.normalize('NFKC') === C1,
    ).reduce((n, p) => n + p.amount, 0);
    const ownSpending = SPENDING.filter(
      (x) => inTerm(x.date) && agency.has(x.itemCode) && x.className === C1,
    ).reduce((n, x) => n + x.amount, 0);
    const items = tableOf(doc, 1);
    expect(items.totals).toEqual(['合计', 3, collected.toFixed(2), '207.51', '10.00', '63.49']);
    // 207.51 = the class's own 200.00 and its three students' 2.51 of the school's 10.01.
    expect(ownSpending).toBe(200);
    expect(items.rows).toEqual([
      ['作业本费', 3, '90.00', '87.51', '0.00', '2.49'],
      ['教辅资料费', 2, '91.00', '100.00', '10.00', '-19.00'],
      ['校服费', 1, '100.00', '0.00', '0.00', '100.00'],
      ['练习册费', 0, '0.00', '20.00', '0.00', '-20.00'],
    ]);
  });

  test('overspending, spending nobody paid for and an item never spent are said in words', () => {
    expect(texts(doc, 1)).toEqual([
      '「教辅资料费」支出 ¥100.00，超过代收 ¥91.00，超支 ¥9.00：已分摊到各学生，见「应补」。',
      '「校服费」本学期没有支出记录（「代办费支出」中没有本班或全校该项目的支出），已支出按 0 计，代收金额应全部退还或说明用途。',
      '「练习册费」本班支出 ¥20.00，但本班没有学生缴纳该项目，无法分摊到学生，请核对支出记录或收费记录。',
    ]);
  });

  test('in English, the same figures under the office words', () => {
    const en = agencyStatementDocument(TABLES, C1, { ...CTX, lang: 'en' })!;
    expect(tableOf(en, 0).columns.map((c) => c.label)).toEqual([
      'Student',
      'Agency item',
      'Collected',
      'Spent',
      'Refunded',
      'To refund',
      'To collect',
    ]);
    expect(tableOf(en, 0).totals).toEqual(['Total', '', '281.00', '187.51', '10.00', '97.17', '13.68']);
  });
});
