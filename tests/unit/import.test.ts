import { findHeader, planImport, type ImportPlan, type PlanInput } from '../../src/core/import';
import { messages } from '../../src/core/i18n';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { columnHeader } from '../../src/core/table/labels';
import { mapHeaders } from '../../src/core/table/mapping';
import { instantOf } from '../../src/core/time';
import { ASSET_LEDGER_HEADER, assetLedger, rosterList, stockBook, twoRowLedger } from '../support/ledgers';

const TZ = 'Asia/Shanghai';

/** A template sheet as setup leaves it (Chinese headers), with these rows below the header. */
function sheet(key: SheetKey, rows: unknown[][] = []) {
  const header = sheetDecl(key).columns.map((c) => columnHeader('zh-CN', key, c.key));
  return { layout: mapHeaders(sheetDecl(key), header), values: [header, ...rows] };
}

function plan(input: Partial<PlanInput> & Pick<PlanInput, 'target' | 'source'>): ImportPlan {
  const result = planImport({
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
    today: '2026-09-01',
    lang: 'zh-CN',
    existing: sheet(input.target),
    ...input,
  });
  if (!result.ok) throw new Error(`no plan: ${result.reason}`);
  return result;
}

const columnsOf = (p: ImportPlan) => Object.fromEntries(p.fields.map((f) => [f.key, f.column]));

describe('an asset ledger exported from an asset system', () => {
  const p = plan({ target: 'assets', source: assetLedger() });

  it('finds the header below the title, the unit line and a blank row', () => {
    expect(p.header).toEqual({ row: 4, height: 1 });
  });

  it('maps 卡片编号, 使用人, 存放地点, 取得日期, 原值, 使用状况… to Houqin’s columns; 使用部门 is left over', () => {
    expect(columnsOf(p)).toEqual({
      assetId: 0,
      name: 1,
      category: 2,
      model: 3,
      location: 5,
      custodian: 6,
      purchaseDate: 7,
      quantity: 8,
      unitPrice: 9,
      value: 10,
      status: 11,
      scrapDate: null,
      serviceDue: null,
      acceptedBy: null,
      acceptedDate: null,
      invoiceNo: null,
      note: 12,
    });
    expect(p.leftovers).toEqual([4]);
    expect(p.fields.find((f) => f.key === 'assetId')!.by).toBe('header');
  });

  it('adds 8 assets and skips the subtotal, the page’s repeated header and the total', () => {
    expect(p.counts).toEqual({ add: 8, update: 0, unchanged: 0, skipped: 3, conflicts: 0, blank: 2 });
    expect(p.skipped).toEqual([
      { row: 9, reason: 'total' },
      { row: 11, reason: 'repeatedHeader' },
      { row: 17, reason: 'total' },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('tidies dates and amounts the way validation does, and writes list values as their labels', () => {
    const [a1, a2, a3, a4, a5] = p.writes.append;
    expect(a1).toMatchObject({
      assetId: 'ZC00001',
      value: 12800,
      purchaseDate: instantOf('2023-09-01', TZ),
      status: '在用',
      category: '电教/信息设备',
    });
    expect(a2).toMatchObject({ value: 3500, purchaseDate: instantOf('2023-09-01', TZ), category: '家具' });
    expect(a3).toMatchObject({ value: 4999.5, purchaseDate: instantOf('2022-03-05', TZ) });
    expect(a4).toMatchObject({ value: 1200, purchaseDate: instantOf('2021-03-05', TZ) });
    expect(a5).toMatchObject({ status: '维修中' });
  });

  it('imported again over itself, changes nothing', () => {
    const values = p.writes.append.map((r) => sheetDecl('assets').columns.map((c) => r[c.key] ?? ''));
    const again = plan({ target: 'assets', source: assetLedger(), existing: sheet('assets', values) });
    expect(again.counts).toMatchObject({ add: 0, update: 0, unchanged: 8, conflicts: 0 });
    expect(again.writes.append).toEqual([]);
    expect(again.writes.update).toEqual([]);
  });

  it('an updated ledger fills empty cells by id and offers each differing value as a conflict', () => {
    const values = p.writes.append.map((r) => sheetDecl('assets').columns.map((c) => r[c.key] ?? ''));
    values[0]![3] = ''; // model of ZC00001 emptied in the workbook
    values[1]![4] = '图书室'; // location of ZC00002 moved in the workbook
    const source = assetLedger();
    const again = plan({ target: 'assets', source, existing: sheet('assets', values) });
    expect(again.counts).toMatchObject({ add: 0, update: 1, unchanged: 7, conflicts: 1 });
    expect(again.writes.update).toEqual([{ row: 2, patch: { model: 'EB-C760X' } }]);
    expect(again.conflicts).toEqual([
      expect.objectContaining({
        id: 'ZC00002',
        column: 'location',
        current: '图书室',
        incoming: '102教室',
        choice: null,
      }),
    ]);
    expect(again.undecided).toBe(1);
    const key = again.conflicts[0]!.key;
    const taken = plan({
      target: 'assets',
      source,
      existing: sheet('assets', values),
      choices: { [key]: 'take' },
    });
    expect(taken.undecided).toBe(0);
    expect(taken.writes.update).toContainEqual({ row: 3, patch: { location: '102教室' } });
    const kept = plan({
      target: 'assets',
      source,
      existing: sheet('assets', values),
      choices: { [key]: 'keep' },
    });
    expect(kept.writes.update).toEqual([{ row: 2, patch: { model: 'EB-C760X' } }]);
  });

  it('takes the person’s mapping and keeps a leftover column as an extra column', () => {
    const q = plan({ target: 'assets', source: assetLedger(), mapping: { location: 4 }, keepExtra: [5] });
    expect(columnsOf(q).location).toBe(4);
    expect(q.fields.find((f) => f.key === 'location')!.by).toBe('user');
    expect(q.writes.append[0]).toMatchObject({ location: '教务处', x5: '101教室' });
    // The first column after the template's (assets has 16 now, with acceptance's three).
    expect(q.writes.extraHeaders).toEqual([{ column: 16, text: '存放地点' }]);
  });
});

describe('other shapes of ledger', () => {
  it('reads a header split over two rows and computes value = unit price × quantity', () => {
    const source = twoRowLedger();
    expect(findHeader(source, 'assets')).toMatchObject({ top: 1, height: 2 });
    const p = plan({ target: 'assets', source });
    expect(columnsOf(p)).toMatchObject({
      unitPrice: 5,
      quantity: 6,
      value: null,
      purchaseDate: 8,
      location: 3,
    });
    expect(p.counts).toMatchObject({ add: 3, skipped: 0 });
    expect(p.writes.append.map((r) => r.value)).toEqual([5002, 760, 6000]);
    expect(p.writes.append[0]).toMatchObject({ quantity: 4, purchaseDate: instantOf('2022-03-01', TZ) });
  });

  it('maps an unnamed column of e-mail addresses by its content, and skips a role not on the list', () => {
    const p = plan({ target: 'roster', source: rosterList() });
    expect(columnsOf(p)).toMatchObject({ name: 0, role: 1, phone: 2, email: 3 });
    expect(p.fields.find((f) => f.key === 'email')!.by).toBe('content');
    // 保安员 is the guard, said the way staff lists say it.
    expect(p.writes.append.map((r) => [r.name, r.role, r.phone])).toEqual([
      ['王建国', '总务主任', '13800138000'],
      ['李梅', '会计', '13900139000'],
      ['赵强', '保安（门卫）', '13700137000'],
    ]);
  });

  it('imports a stock book with one opening movement per item that has stock', () => {
    const p = plan({
      target: 'stockItems',
      source: stockBook(),
      lookups: { stockMovements: sheet('stockMovements') },
    });
    expect(p.counts).toMatchObject({ add: 3, skipped: 1 });
    expect(p.writes.movements).toEqual([
      expect.objectContaining({
        itemId: 'WZ-001',
        type: '盘点调整',
        quantity: 120,
        unitPrice: 22.5,
        amount: 2700,
      }),
      expect.objectContaining({
        itemId: 'WZ-002',
        type: '盘点调整',
        quantity: 50,
        unitPrice: 3,
        amount: 150,
      }),
    ]);
    expect(p.writes.movements[0]!.note).toBe(messages('zh-CN').importing.openingNote);
    const moved = sheet('stockMovements', [[instantOf('2026-09-01', TZ), 'WZ-001', '盘点调整', 120]]);
    const again = plan({ target: 'stockItems', source: stockBook(), lookups: { stockMovements: moved } });
    expect(again.writes.movements.map((m) => m.itemId)).toEqual(['WZ-002']);
  });

  it('skips rows without an id, repeated ids and rows validation refuses, each with its reason', () => {
    const source = [
      ASSET_LEDGER_HEADER,
      ['ZC1', '投影仪', '电子设备', '', '', '101', '王老师', '2023.9.1', 1, '', 100, '在用', ''],
      ['', '课桌', '家具', '', '', '101', '王老师', '2023.9.1', 1, '', 100, '在用', ''],
      ['ZC1', '投影仪', '电子设备', '', '', '101', '王老师', '2023.9.1', 1, '', 100, '在用', ''],
      ['ZC2', '椅子', '家具', '', '', '101', '王老师', '9/1', 1, '', 'abc', '在用', ''],
    ];
    const p = plan({ target: 'assets', source });
    expect(p.skipped).toEqual([
      { row: 3, reason: 'noId' },
      { row: 4, reason: 'duplicateInSource', id: 'ZC1', first: 2 },
      { row: 5, reason: 'invalid', id: 'ZC2' },
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.blocking])).toEqual([
      [5, 'purchaseDate', true],
      [5, 'value', true],
    ]);
    expect(p.problems[0]!.detail['zh-CN']).toBe('「购置日期」的「9/1」看不出年月日，请写成 2026-03-05');
    expect(p.writes.toFix.map((r) => [r[0], r.at(-1)])).toEqual([
      ['卡片编号', '未导入原因'],
      ['', '缺少「资产编号」'],
      ['ZC1', '「资产编号」ZC1 与第 2 行重复'],
      ['ZC2', `${p.problems[0]!.detail['zh-CN']}; ${p.problems[1]!.detail['zh-CN']}`],
    ]);
    expect(p.writes.toFix[3]).toEqual([
      'ZC2',
      '椅子',
      '家具',
      '',
      '',
      '101',
      '王老师',
      '9/1',
      '1',
      '',
      'abc',
      '在用',
      '',
      `${p.problems[0]!.detail['zh-CN']}; ${p.problems[1]!.detail['zh-CN']}`,
    ]);
  });

  it('says why there is no plan: an empty source, no header, no id column', () => {
    const base = {
      timeZone: TZ,
      settings: DEFAULT_SETTINGS,
      today: '2026-09-01',
      lang: 'zh-CN' as const,
      existing: sheet('assets'),
    };
    expect(planImport({ ...base, target: 'assets', source: [['', ''], []] })).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(
      planImport({
        ...base,
        target: 'assets',
        source: [
          ['hello', 'world'],
          [1, 2],
        ],
      }),
    ).toEqual({ ok: false, reason: 'noHeader' });
    expect(
      planImport({
        ...base,
        target: 'assets',
        source: [
          ['名称', '存放地点'],
          ['桌子', '101'],
        ],
      }),
    ).toEqual({ ok: false, reason: 'noId' });
  });

  it('keeps formulas and markup as the text they are', () => {
    const source = [
      ['资产编号', '资产名称', '类别', '存放地点', '保管人', '状态'],
      ['=1+1', '<script>alert(1)</script>', '家具', '101', '王老师', '在用'],
    ];
    const p = plan({ target: 'assets', source });
    expect(p.writes.append[0]).toMatchObject({ assetId: '=1+1', name: '<script>alert(1)</script>' });
  });
});

describe('the other targets', () => {
  it('a published fee list: 收费项目, 收费标准（元）, 收费性质 in the words of the notice', () => {
    const source = [
      ['某某中学2026年秋季学期收费项目公示表', '', '', '', '', '', ''],
      ['项目编号', '收费项目', '收费标准（元）', '计费单位', '收费性质', '批准文号', '截止日期'],
      ['SF-01', '作业本费', '45.00', '生/学期', '代收代办费', '', '2026年9月30日'],
      ['SF-02', '住宿费', '600', '生/学期', '行政事业性收费', '某价费〔2024〕12号', '2026.9.30'],
      ['SF-03', '课后服务费', '1,200元', '生/学期', '服务性收费', '', ''],
      ['合计', '', '1845', '', '', '', ''],
    ];
    const p = plan({ target: 'feeItems', source });
    expect(columnsOf(p)).toMatchObject({
      code: 0,
      name: 1,
      standard: 2,
      unit: 3,
      kind: 4,
      approvalRef: 5,
      periodEnd: 6,
    });
    expect(p.counts).toMatchObject({ add: 3, skipped: 1 });
    expect(p.writes.append.map((r) => [r.code, r.kind, r.standard])).toEqual([
      ['SF-01', '代办费', 45],
      ['SF-02', '核定收费', 600],
      ['SF-03', '服务性收费', 1200],
    ]);
    expect(p.writes.append[1]!.periodEnd).toEqual(instantOf('2026-09-30', TZ));
  });

  it('an inspection plan: 检查部位, 检查周期, 责任人', () => {
    const source = [
      ['编号', '检查项目', '检查部位', '检查周期', '责任人'],
      ['XJ-1', '消防器材', '教学楼', '每月15日', '刘强'],
      ['XJ-2', '校园安全巡查', '全校', '每周五', '刘强'],
    ];
    const p = plan({ target: 'inspectionSchedules', source });
    expect(columnsOf(p)).toMatchObject({ scheduleId: 0, item: 1, location: 2, frequency: 3, person: 4 });
    expect(p.writes.append.map((r) => r.frequency)).toEqual(['每月15日', '每周五']);
    expect(p.problems).toEqual([]);
  });

  it('a past repair log: 报修日期 with or without a time, 处理结果 as the status, 维修费用', () => {
    const source = [
      ['2025-2026学年维修登记', '', '', '', '', '', '', '', ''],
      [
        '报修单号',
        '报修日期',
        '报修人',
        '报修地点',
        '故障现象',
        '维修人',
        '处理结果',
        '完成日期',
        '维修费用',
      ],
      [
        'WX-0001',
        '2026-03-02 08:30',
        '李老师',
        '初一(1)班',
        '灯管不亮',
        '陈师傅',
        '已修好',
        '2026-03-02 15:00',
        '35',
      ],
      [
        'WX-0002',
        '2026年3月5日',
        '王老师',
        '实验室',
        '水龙头漏水',
        '陈师傅',
        '已修好',
        '2026.3.6',
        '￥80.00',
      ],
    ];
    const p = plan({ target: 'repairs', source });
    expect(columnsOf(p)).toMatchObject({
      repairId: 0,
      reportedAt: 1,
      reporter: 2,
      location: 3,
      description: 4,
      assignee: 5,
      status: 6,
      completedAt: 7,
      cost: 8,
    });
    expect(p.counts).toMatchObject({ add: 2, skipped: 0 });
    expect(p.writes.append[0]).toMatchObject({
      reportedAt: new Date('2026-03-02T08:30:00+08:00'),
      completedAt: new Date('2026-03-02T15:00:00+08:00'),
      status: '已完成',
      cost: 35,
    });
    expect(p.writes.append[1]).toMatchObject({ reportedAt: new Date('2026-03-05T00:00:00+08:00'), cost: 80 });
  });

  it('a new stock item starts its kept balance at the opening quantity', () => {
    const p = plan({ target: 'stockItems', source: stockBook() });
    expect(p.writes.append.map((r) => r.stock)).toEqual([120, 50, 0]);
  });
});

describe('merged cells as some readers give them (the value copied into every cell of the merge)', () => {
  it('a title merged across the sheet, 资产编号 merged down two rows and 价值 across two columns', () => {
    const title = Array<unknown>(8).fill('教学设备登记表');
    const source = [
      title,
      ['资产编号', '名称', '类别', '存放位置', '保管人', '价值', '价值', '状态'],
      ['资产编号', '名称', '类别', '存放位置', '保管人', '单价', '数量', '状态'],
      ['SB-001', '显微镜', '实验仪器', '生物实验室', '李老师', 1250.5, 4, '在用'],
      Array<unknown>(8).fill('合计'),
    ];
    const p = plan({ target: 'assets', source });
    expect(p.header).toEqual({ row: 2, height: 2 });
    expect(columnsOf(p)).toMatchObject({ assetId: 0, unitPrice: 5, quantity: 6, value: null });
    expect(p.counts).toMatchObject({ add: 1, skipped: 1 });
    expect(p.writes.append[0]).toMatchObject({ value: 5002 });
  });
});

describe('an asset card list as a government asset system exports it', () => {
  it('takes 资产分类名称 for the category, not 资产分类代码, and 出租出借 as lent', () => {
    const header = [
      '资产编号',
      '资产名称',
      '资产分类代码',
      '资产分类名称',
      '规格型号',
      '计量单位',
      '数量',
      '价值',
      '取得方式',
      '取得日期',
      '使用部门',
      '使用人',
      '存放地点',
      '使用状况',
      '财务入账日期',
    ];
    const source = [
      header,
      [
        '2023000001',
        '台式计算机',
        '2010105',
        '设备',
        'ThinkCentre',
        '台',
        1,
        '4,299.00',
        '新购',
        '2023-09-01',
        '教务处',
        '王老师',
        '微机室',
        '出租出借',
        '2023-09-05',
      ],
    ];
    const p = plan({ target: 'assets', source });
    expect(columnsOf(p)).toMatchObject({
      assetId: 0,
      category: 3,
      value: 7,
      purchaseDate: 9,
      location: 12,
      custodian: 11,
      status: 13,
    });
    expect(p.leftovers).toEqual([2, 5, 8, 10, 14]);
    expect(p.writes.append[0]).toMatchObject({
      assetId: '2023000001',
      category: '其他',
      status: '借出',
      value: 4299,
    });
  });
});

describe('columns whose header says nothing', () => {
  it('are placed by what they hold: ids, dates, amounts', () => {
    const source = [
      ['', '资产名称', '类别', '存放地点', '保管人', '状态', '', ''],
      ['ZC-001', '投影仪', '电教/信息设备', '101', '王老师', '在用', '2023.9.1', '3,200.00'],
      ['ZC-002', '课桌', '家具', '102', '王老师', '在用', '2023年9月2日', '150.50'],
      ['ZC-003', '书架', '家具', '103', '王老师', '在用', new Date(Date.UTC(2023, 8, 2, 16)), 480.5],
    ];
    const p = plan({ target: 'assets', source });
    expect(columnsOf(p)).toMatchObject({ assetId: 0, purchaseDate: 6, value: 7 });
    expect(p.fields.filter((f) => f.by === 'content').map((f) => f.key)).toEqual([
      'assetId',
      'purchaseDate',
      'value',
    ]);
    expect(p.writes.append.map((r) => r.value)).toEqual([3200, 150.5, 480.5]);
  });
});
