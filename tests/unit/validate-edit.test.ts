import type { SheetKey } from '../../src/core/sheets';
import { checkWorkbook, CHECKED_SHEETS, type WorkbookInput } from '../../src/core/validate';
import {
  checkEdit,
  planEdit,
  type EditInput,
  type LookupReads,
  type ReadColumns,
} from '../../src/core/validate/edit';
import { TZ, workbook } from './validate-support';

const at = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h - 8));

/** A workbook with something for every rule, across rows and sheets, to hold each edit against. */
const INPUT: WorkbookInput = workbook({
  roster: [
    { name: '王芳', role: 'teacher' },
    { name: '李强', role: 'canteen_staff', healthCertExpiry: '2026-08-01' },
    { name: '赵敏', role: 'canteen_staff', healthCertExpiry: '2026-09-10', onDuty: '否' },
    { name: '王芳', role: 'teacher' },
    { name: '陈杰', role: 'canteen_manager' },
  ],
  assets: [
    {
      assetId: 'ZC-1',
      name: '投影仪',
      category: 'teaching',
      location: '初一(1)班',
      custodian: '王芳',
      status: 'in_use',
    },
    {
      assetId: 'ZC-2',
      name: '课桌',
      category: 'furniture',
      location: '初一(2)班',
      custodian: '王小明',
      status: 'under_repair',
    },
    {
      assetId: 'zc-1',
      name: '钢琴',
      category: 'teaching',
      location: '音乐室',
      custodian: '李强',
      status: 'scrapped',
    },
    {
      assetId: 'ZC-4',
      name: '书架',
      category: 'furniture',
      location: '图书馆',
      custodian: '',
      status: 'under_repair',
      value: '１，２００元',
    },
    {
      assetId: 'ZC-5',
      name: '显微镜',
      category: 'teaching',
      location: '实验室',
      custodian: '赵敏',
      status: '坏了',
      purchaseDate: '3/5',
    },
    {},
    {
      assetId: 'ZC-7' + 'X'.repeat(40),
      name: '篮球架',
      category: 'sports',
      location: '操场',
      custodian: '陈杰',
      status: 'in_use',
      value: -5,
    },
    {
      assetId: 'ZC-7' + 'x'.repeat(40),
      name: '篮球架',
      category: 'sports',
      location: '操场',
      custodian: '陈杰',
      status: 'in_use',
    },
    // Ids that are twins only once folded: full-width letters, spaces around, a formula's error.
    { assetId: 'ＺＣ-5', name: '显微镜', category: 'teaching', location: '实验室', status: 'in_use' },
    { assetId: ' zc-4 ', name: '书架', category: 'furniture', location: '图书馆', status: 'in_use' },
    { assetId: '#N/A', name: '书架', category: 'furniture', location: '图书馆', status: 'in_use' },
  ],
  repairs: [
    {
      repairId: 'WX-1',
      reportedAt: at(2026, 9, 1, 8),
      reporter: '王芳',
      location: '初一(2)班',
      assetId: 'ZC-2',
      description: '桌腿坏了',
      status: 'in_progress',
    },
    {
      repairId: 'WX-2',
      reportedAt: at(2026, 9, 2, 8),
      reporter: '王芳',
      location: '图书馆',
      assetId: 'ZC-4',
      description: '书架歪了',
      status: 'done',
      completedAt: at(2026, 9, 1),
    },
    {
      repairId: 'WX-2',
      reportedAt: '昨天',
      reporter: '',
      location: '操场',
      assetId: 'ZC-99',
      description: '篮筐掉了',
      status: 'reported',
      cause: 'person',
    },
  ],
  stockItems: [
    { itemId: 'WZ-1', name: '粉笔' },
    { itemId: 'WZ-2', name: '拖把' },
  ],
  stockMovements: [
    {
      date: '2026-09-01',
      itemId: 'WZ-1',
      type: 'purchase_in',
      quantity: 10,
      amount: 5000,
      handler: '王芳',
      secondHandler: '王芳',
      approver: '陈杰',
    },
    { date: '2026-09-02', itemId: 'WZ-1', type: 'issue', quantity: 8 },
    { date: '2026-09-03', itemId: 'WZ-1', type: 'issue', quantity: 5 },
    { date: '2026-09-01', itemId: 'WZ-2', type: 'issue', quantity: 1 },
    { date: '2026-09-02', itemId: 'WZ-9', type: 'borrow', quantity: 1 },
    { date: '2026-09-04', itemId: 'WZ-1', type: 'purchase_in', quantity: 100, unitPrice: 60 },
  ],
  feeItems: [
    {
      code: 'F1',
      name: '校服费',
      kind: 'approved',
      standard: 120,
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
    },
  ],
  feePayments: [
    {
      receiptNo: 'R-1',
      date: '2026-09-02',
      itemCode: 'F1',
      payer: '张三',
      amount: 100,
      depositDate: '2026-09-03',
    },
    { receiptNo: 'R-1', date: '2026-10-02', itemCode: 'F2', payer: '李四', amount: 120 },
    { receiptNo: 'R-3', date: '2026-08-20', itemCode: 'F1', payer: '王五', amount: 240, quantity: 2 },
  ],
  inspectionSchedules: [{ scheduleId: 'XJ-1', item: '灭火器', location: '教学楼', frequency: '每月' }],
  inspectionResults: [
    { date: '2026-09-01', scheduleId: 'XJ-1', location: '教学楼', inspector: '王芳', result: 'pass' },
    { date: '2026-09-01', scheduleId: 'XJ-9', location: '食堂', inspector: '王芳', result: 'hazard' },
  ],
  canteenSamples: [
    {
      date: '2026-09-01',
      meal: 'lunch',
      dish: '米饭',
      weight: 100,
      sampledAt: at(2026, 9, 1, 11),
      discardedAt: at(2026, 9, 2, 11),
    },
  ],
  canteenPurchases: [
    { date: '2026-09-01', supplier: '绿源', goods: '蔬菜' },
    { date: '2026-09-01', supplier: '无证商贩', goods: '肉' },
  ],
  supplierCertificates: [{ supplier: '绿源', certificate: '食品经营许可证', expiry: '2026-08-15' }],
});

const columnsOf = (
  values: readonly (readonly unknown[])[],
  header: readonly unknown[],
  keys: readonly string[],
  index: Readonly<Record<string, number>>,
): ReadColumns => {
  const out: Record<string, unknown[]> = {};
  for (const k of keys) if (index[k] !== undefined) out[k] = values.map((r) => r[index[k]!] ?? '');
  void header;
  return out;
};

/** An edit of rows first..last, read the way the shell reads it: the rows, then what the plan names. */
function editOf(
  key: SheetKey,
  first: number,
  last: number,
  fromColumn = 0,
  toColumn = 30,
  oldValue?: unknown,
): EditInput {
  const values = INPUT.tables[key]!.values;
  const header = values[0]!;
  const rows = values.slice(first - 1, last).map((r) => [...r]);
  while (rows.length < last - first + 1) rows.push([]);
  const plan = planEdit(key, header, first, rows, TZ);
  const lookups: LookupReads = {};
  for (const l of plan.lookups) {
    const table = INPUT.tables[l.sheet];
    if (!table) continue;
    lookups[l.sheet] = {
      header: table.values[0]!,
      columns: columnsOf(table.values, table.values[0]!, l.columns, table.layout.index),
    };
  }
  return {
    timeZone: TZ,
    settings: INPUT.settings,
    today: INPUT.today,
    sheet: key,
    header,
    first,
    rows,
    fromColumn,
    toColumn,
    oldValue,
    own: columnsOf(values, header, plan.own, plan.layout.index),
    lookups,
  };
}

const shown = (p: { row: number; column: string | null; message: { 'zh-CN': string; en: string } }) =>
  `${p.row}|${p.column}|${p.message['zh-CN']}|${p.message.en}`;

describe('checking an edit without reading whole sheets', () => {
  const whole = checkWorkbook(INPUT);
  const sheets = CHECKED_SHEETS.filter((k) => INPUT.tables[k]);

  it.each(sheets)(
    'finds on every edited row of %s the problems Check all sheets finds there, in order',
    (key) => {
      const height = INPUT.tables[key]!.values.length;
      const expected = (first: number, last: number) =>
        whole.problems.filter((p) => p.sheet === key && p.row >= first && p.row <= last).map(shown);
      for (let row = 2; row <= height; row++)
        expect(checkEdit(editOf(key, row, row)).problems.map(shown)).toEqual(expected(row, row));
      expect(checkEdit(editOf(key, 2, height)).problems.map(shown)).toEqual(expected(2, height));
      expect(checkEdit(editOf(key, 3, 4)).problems.map(shown)).toEqual(expected(3, 4));
    },
  );

  it('tidies the same cells as Check all sheets', () => {
    const fixes = checkEdit(editOf('assets', 2, 9)).fixes.map((f) => `${f.row}|${f.column}|${String(f.to)}`);
    expect(fixes).toEqual(
      whole.fixes.filter((f) => f.sheet === 'assets').map((f) => `${f.row}|${f.column}|${String(f.to)}`),
    );
    expect(fixes).toEqual(['5|value|1200']);
  });

  it('reads only the lookups the edited rows use', () => {
    const header = INPUT.tables.assets!.values[0]!;
    const plain = planEdit('assets', header, 2, [INPUT.tables.assets!.values[1]!], TZ);
    expect(plain.own).toEqual(['assetId']);
    expect(plain.lookups).toEqual([{ sheet: 'roster', columns: ['name'] }]);
    const underRepair = planEdit('assets', header, 3, [INPUT.tables.assets!.values[2]!], TZ);
    expect(underRepair.lookups.map((l) => l.sheet)).toEqual(['roster', 'repairs']);
    const movement = planEdit(
      'stockMovements',
      INPUT.tables.stockMovements!.values[0]!,
      3,
      [INPUT.tables.stockMovements!.values[2]!],
      TZ,
    );
    expect(movement.own).toEqual(expect.arrayContaining(['date', 'itemId', 'type', 'quantity']));
  });

  it('names the twins of a typed id, and of the id the cell held, with their problems', () => {
    // Row 4 holds zc-1, the twin of row 2's ZC-1; typed over, row 2 is left alone.
    const typed = checkEdit(editOf('assets', 4, 4, 0, 0, 'ZC-5'));
    // ZC-5 (row 6) has a full-width twin, ＺＣ-5 (row 10): both are named.
    expect(typed.twins.map((t) => [t.row, t.column, t.problems.map((p) => p.code)])).toEqual([
      [2, 'assetId', ['duplicate']],
      [6, 'assetId', ['duplicate']],
      [10, 'assetId', ['duplicate']],
    ]);
    // An edit beside the id column redoes no twin.
    expect(checkEdit(editOf('assets', 4, 4, 1, 1)).twins).toEqual([]);
    // A twin too long keeps its length problem before the duplicate.
    const long = checkEdit(editOf('assets', 9, 9, 0, 0));
    expect(long.twins.map((t) => [t.row, t.problems.map((p) => p.code)])).toEqual([
      [8, ['tooLong', 'duplicate']],
    ]);
  });
});

describe('a problem as the sidebar and the digest receive it', () => {
  it('carries its message and detail in both languages through JSON', () => {
    const problem = checkWorkbook(INPUT).problems.find((p) => p.code === 'duplicate')!;
    const sent = JSON.parse(JSON.stringify(problem)) as typeof problem;
    expect(sent.message).toEqual({ 'zh-CN': problem.message['zh-CN'], en: problem.message.en });
    expect(sent.detail).toEqual({ 'zh-CN': problem.detail['zh-CN'], en: problem.detail.en });
    expect(sent.message['zh-CN']).toMatch(/^第 \d+ 行「资产编号」.* 与第 \d+ 行重复，应唯一$/);
    expect(sent.detail.en).toContain('Asset');
  });
});
