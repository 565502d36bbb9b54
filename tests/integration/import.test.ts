import { createEmulator, type Emulator } from '../../emulator';
import type { ImportPreview } from '../../src/core/import';
import { loadBundle, type Bundle } from '../support/bundle';
import { assetLedger, stockBook } from '../support/ledgers';
import { fillSheet, setSetting, syntheticRows } from '../support/workbook';

const TZ = 'Asia/Shanghai';

type Reply = { ok: boolean; message?: string } & Record<string, unknown>;

function setUp(): Bundle {
  const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.call('menuSetUpWorkbook');
  return bundle;
}

/** A sheet of the office's own, filled as an upload or a paste would fill it. */
function ledgerSheet(emu: Emulator, name: string, values: unknown[][]): void {
  const sheet = emu.spreadsheet.getSheetByName(name) ?? emu.spreadsheet.insertSheet(name);
  const width = Math.max(...values.map((r) => r.length));
  const rect = values.map((r) => [...r, ...Array<unknown>(width - r.length).fill('')]);
  if (sheet.getMaxRows() < rect.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), rect.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rect.length, width).setValues(rect);
}

const values = (emu: Emulator, name: string) =>
  emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();

/** Calls that change the spreadsheet, by name, since `snap`. */
function writesSince(emu: Emulator, snap: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(emu.calls.since(snap)))
    if (/\.(set|insert|clear|append|delete|remove|add|copy|move|hide|protect|merge|sort)/.test(k)) out[k] = v;
  return out;
}

const preview = (b: Bundle, request: object) =>
  b.run('apiImportPreview', request) as Reply & { preview: ImportPreview };
const write = (b: Bundle, request: unknown) => b.run('apiImportWrite', request) as Reply;

describe('导入台账: the dialog, its preview and the write, through the shipped bundle', () => {
  it('the menu item opens the dialog; its first call offers the office’s sheets and the targets', () => {
    const bundle = setUp();
    ledgerSheet(bundle.emu, '资产台账', assetLedger());
    bundle.clickMenu('导入台账…');
    const dialog = bundle.emu.ui.dialogs.at(-1)!;
    expect(dialog).toMatchObject({ title: '导入台账', modal: true });
    expect(dialog.html).toContain('apiImportData');
    // The sidebar's entry opens the same dialog.
    expect(bundle.run('apiOpenImport')).toEqual({ ok: true });
    expect(bundle.emu.ui.dialogs.at(-1)).toMatchObject({ title: '导入台账', html: dialog.html });
    const data = bundle.run('apiImportData') as Reply & {
      sources: string[];
      targets: { key: string; name: string }[];
    };
    expect(data.ok).toBe(true);
    expect(data.sources[0]).toBe('资产台账');
    expect(data.targets.map((t) => t.name)).toEqual([
      '固定资产',
      '物资库存',
      '人员名册',
      '收费项目',
      '安全检查计划',
      '维修记录',
    ]);
  });

  it('previews in the Settings language and writes nothing until Import (Cancel writes nothing)', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '资产台账', assetLedger());
    const snap = emu.calls.snapshot();
    bundle.run('apiImportData');
    const reply = preview(bundle, { source: '资产台账', target: 'assets' });
    expect(reply.ok).toBe(true);
    const p = reply.preview;
    expect(p.headerText).toBe('表头在第 4 行');
    expect(p.counts).toMatchObject({ add: 8, update: 0, unchanged: 0, skipped: 3, conflicts: 0 });
    expect(p.fields.find((f) => f.key === 'custodian')).toMatchObject({
      label: '保管人',
      column: 6,
      by: 'header',
    });
    expect(p.skipped).toEqual([
      '第 9 行：合计/小计行',
      '第 11 行：重复的表头行（分页打印）',
      '第 17 行：合计/小计行',
    ]);
    expect(writesSince(emu, snap)).toEqual({});
    expect(values(emu, '固定资产')).toHaveLength(1);
  });

  it('speaks English when Settings say so: dialog title, preview, reasons, the log', () => {
    const bundle = setUp();
    const { emu } = bundle;
    setSetting(emu, '界面语言', 'English');
    ledgerSheet(emu, 'Ledger', assetLedger());
    bundle.clickMenu('导入台账…');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Import records');
    const data = bundle.run('apiImportData') as Reply & {
      text: { import: string };
      targets: { name: string }[];
    };
    expect(data.text.import).toBe('Import');
    expect(data.targets[0]!.name).toBe('Assets');
    const p = preview(bundle, { source: 'Ledger', target: 'assets' }).preview;
    expect(p.headerText).toBe('Header on row 4');
    expect(p.skipped[0]).toBe('Row 9: Totals or subtotal row');
    expect(p.fields[0]).toMatchObject({ label: 'Asset ID', column: 0 });
    expect(write(bundle, { source: 'Ledger', target: 'assets' }).message).toContain('8 added');
    expect(values(emu, 'Import log')[0]![0]).toBe('Time');
  });

  it('writes the new assets with ids as text, logs the import, and changes nothing when run again', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '资产台账', assetLedger());
    const first = write(bundle, { source: '资产台账', target: 'assets' });
    expect(first).toMatchObject({ ok: true });
    expect(first.message).toContain('新增 8 行');
    const assets = emu.spreadsheet.getSheetByName('固定资产')!;
    const after = values(emu, '固定资产');
    expect(after).toHaveLength(9);
    expect(after[1]!.slice(0, 3)).toEqual(['ZC00001', '投影仪', '电教/信息设备']);
    expect(assets.getRange('A2').getNumberFormat()).toBe('@');
    expect(after[1]![7]).toBe(12800);
    const log = values(emu, '导入记录');
    expect(log[0]).toEqual([
      '时间',
      '操作人',
      '来源',
      '导入到',
      '新增',
      '更新',
      '无变化',
      '跳过',
      '冲突（采用/保留）',
    ]);
    expect(log[1]!.slice(2)).toEqual(['资产台账', '固定资产', 8, 0, 0, 3, '0/0']);

    const again = write(bundle, { source: '资产台账', target: 'assets' });
    expect(again.message).toContain('新增 0 行，更新 0 行，无变化 8 行');
    expect(values(emu, '固定资产')).toEqual(after);
    expect(values(emu, '导入记录')).toHaveLength(3);
  });

  it('an updated ledger updates by id; a differing value waits for keep or take, never resolved silently', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '资产台账', assetLedger());
    write(bundle, { source: '资产台账', target: 'assets' });
    // The office moved ZC00002 in Houqin; the ledger gains an asset.
    emu.spreadsheet.getSheetByName('固定资产')!.getRange('E3').setValue('图书室');
    const ledger = assetLedger();
    ledger.splice(8, 0, [
      'ZC00009',
      '钢琴',
      '音体美器材',
      '',
      '',
      '音乐室',
      '王老师',
      '2024.1.1',
      1,
      30000,
      30000,
      '在用',
      '',
    ]);
    ledgerSheet(emu, '资产台账', ledger);
    const p = preview(bundle, { source: '资产台账', target: 'assets' }).preview;
    expect(p.counts).toMatchObject({ add: 1, update: 0, unchanged: 8, conflicts: 1 });
    expect(p.conflicts).toEqual([
      {
        key: 'zc00002|location',
        choice: null,
        text: '第 6 行：ZC00002「存放地点」：工作簿为「图书室」，台账为「102教室」',
      },
    ]);
    const before = values(emu, '固定资产');
    const snap = emu.calls.snapshot();
    const refused = write(bundle, { source: '资产台账', target: 'assets' });
    expect(refused).toEqual({
      ok: false,
      message: '还有 1 处冲突没有选择「保留」或「采用」，请逐一选择后再导入。',
    });
    expect(writesSince(emu, snap)).toEqual({});
    expect(values(emu, '固定资产')).toEqual(before);

    const taken = write(bundle, {
      source: '资产台账',
      target: 'assets',
      choices: { 'zc00002|location': 'take' },
    });
    expect(taken.ok).toBe(true);
    const after = values(emu, '固定资产');
    expect(after).toHaveLength(10);
    expect(after[2]![4]).toBe('102教室');
    expect(after[9]![0]).toBe('ZC00009');
  });

  it('skipped rows go to a sheet the office corrects and imports from again', () => {
    const bundle = setUp();
    const { emu } = bundle;
    const ledger = assetLedger();
    ledger[5]![7] = '9/1'; // row 6: a date without its year
    ledgerSheet(emu, '资产台账', ledger);
    const done = write(bundle, { source: '资产台账', target: 'assets' });
    expect(done.message).toContain('跳过的 1 行放在「待修正-固定资产」工作表中');
    const fix = values(emu, '待修正-固定资产');
    expect(fix[0]!.at(-1)).toBe('未导入原因');
    expect(fix[1]![0]).toBe('ZC00002');
    expect(String(fix[1]!.at(-1))).toContain('看不出年月日');
    emu.spreadsheet.getSheetByName('待修正-固定资产')!.getRange('H2').setValue('2023-09-01');
    const again = write(bundle, { source: '待修正-固定资产', target: 'assets' });
    expect(again.message).toContain('新增 1 行');
    expect(values(emu, '固定资产')).toHaveLength(9);
    expect(
      values(emu, '待修正-固定资产')
        .slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('keeps a leftover ledger column as an extra column of the sheet, written as text', () => {
    const bundle = setUp();
    const { emu } = bundle;
    const ledger = assetLedger();
    for (const row of ledger.slice(4)) if (String(row[0]).startsWith('ZC')) row[4] = '0012';
    // The office's sheet holds the department code as text.
    emu.spreadsheet.insertSheet('资产台账').getRange('E:E').setNumberFormat('@');
    ledgerSheet(emu, '资产台账', ledger);
    const p = preview(bundle, { source: '资产台账', target: 'assets' }).preview;
    expect(p.leftovers).toEqual([4]);
    expect(write(bundle, { source: '资产台账', target: 'assets', keepExtra: [4] })).toMatchObject({
      ok: true,
    });
    const assets = values(emu, '固定资产');
    expect(assets[0]!.at(-1)).toBe('使用部门');
    expect(assets.slice(1).map((r) => r.at(-1))).toEqual(Array(8).fill('0012'));
    // Again: the column is found by its header, not added twice.
    write(bundle, { source: '资产台账', target: 'assets', keepExtra: [4] });
    expect(values(emu, '固定资产')).toEqual(assets);
  });

  it('a stock book brings its items and one opening movement each', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '库存表', stockBook());
    expect(write(bundle, { source: '库存表', target: 'stockItems' })).toMatchObject({ ok: true });
    expect(
      values(emu, '物资库存')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['WZ-001', 'WZ-002', 'WZ-003']);
    const moves = values(emu, '出入库记录').slice(1);
    expect(moves.map((r) => [r[1], r[2], r[3], r[12]])).toEqual([
      ['WZ-001', '盘点调整', 120, '期初余额（导入）'],
      ['WZ-002', '盘点调整', 50, '期初余额（导入）'],
    ]);
    write(bundle, { source: '库存表', target: 'stockItems' });
    expect(values(emu, '出入库记录')).toHaveLength(3);
  });

  it('refuses while another holds the lock, writing nothing', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '资产台账', assetLedger());
    emu.lock.holdByOther(true);
    const snap = emu.calls.snapshot();
    expect(write(bundle, { source: '资产台账', target: 'assets' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('另一项操作正在进行'),
    });
    expect(writesSince(emu, snap)).toEqual({});
  });

  it('refuses a crafted request and a source it cannot use, writing nothing', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '资产台账', assetLedger());
    const snap = emu.calls.snapshot();
    for (const bad of [
      { source: '资产台账', target: 'settings' },
      { source: '', target: 'assets' },
      'x',
      { source: '资产台账', target: 'assets', mapping: { name: -1 } },
    ])
      expect(write(bundle, bad)).toMatchObject({ ok: false });
    expect(write(bundle, { source: '没有这张表', target: 'assets' })).toEqual({
      ok: false,
      message: '找不到来源工作表「没有这张表」。',
    });
    expect(write(bundle, { source: '固定资产', target: 'assets' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('来源不能是'),
    });
    expect(writesSince(emu, snap)).toEqual({});
  });
});

describe('hostile ledgers end in a clear message or as plain text; nothing runs', () => {
  it('formulas and markup are stored as the text they are; a 10,000-character cell waits on the fix sheet', () => {
    const bundle = setUp();
    const { emu } = bundle;
    const header = ['资产编号', '资产名称', '类别', '存放地点', '保管人', '状态'];
    ledgerSheet(emu, '恶意', [
      header,
      ['H-1', '\'=IMPORTXML("http://evil","//a")', '家具', '101', '王老师', '在用'],
      ['H-2', '<script>alert(1)</script>', '家具', '101', '王老师', '在用'],
      ['H-3', 'x'.repeat(10_000), '家具', '101', '王老师', '在用'],
    ]);
    // The sheet holds a formula's text as a person pasted it: a string starting with '='.
    emu.spreadsheet
      .getSheetByName('恶意')!
      .getRange('B2')
      .setNumberFormat('@')
      .setValue('=IMPORTXML("http://evil","//a")');
    const done = write(bundle, { source: '恶意', target: 'assets' });
    expect(done.ok).toBe(true);
    const assets = emu.spreadsheet.getSheetByName('固定资产')!;
    expect(assets.getRange('B2').getFormula()).toBe('');
    expect(assets.getRange('B2').getValue()).toBe('=IMPORTXML("http://evil","//a")');
    expect(assets.getRange('B3').getValue()).toBe('<script>alert(1)</script>');
    expect(values(emu, '固定资产')).toHaveLength(3);
    expect(String(values(emu, '待修正-固定资产')[1]!.at(-1))).toContain('最多 100 个字');
  });

  it('a 100,000-row source is refused before it is read, with what to do', () => {
    const bundle = setUp();
    const { emu } = bundle;
    const big = emu.spreadsheet.insertSheet('巨大');
    big.insertRowsAfter(big.getMaxRows(), 100_000 - big.getMaxRows());
    big.getRange(100_000, 1).setValue('x');
    const snap = emu.calls.snapshot();
    const cells = emu.calls.cellsRead();
    const reply = write(bundle, { source: '巨大', target: 'assets' });
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('请分成几张表分别导入') });
    expect(writesSince(emu, snap)).toEqual({});
    expect(emu.calls.cellsRead() - cells).toBeLessThan(50_000);
  });
});

describe('service calls do not grow with the ledger', () => {
  function ledgerOf(n: number): unknown[][] {
    const rows = syntheticRows('assets', n).map((r) => [
      '',
      r.assetId,
      r.name,
      r.category,
      r.location,
      r.custodian,
      r.purchaseDate,
      r.value,
      r.status,
    ]);
    return [
      ['台账', '', '', '', '', '', '', '', ''],
      ['序号', '卡片编号', '资产名称', '资产分类', '存放地点', '使用人', '取得日期', '原值', '使用状况'],
      ...rows,
    ];
  }

  it('makes the same calls to preview and to import 100 rows as 3,000', () => {
    const measure = (n: number) => {
      const bundle = setUp();
      const { emu } = bundle;
      fillSheet(emu, 'roster', syntheticRows('roster', 8));
      ledgerSheet(emu, '资产台账', ledgerOf(n));
      const assets = emu.spreadsheet.getSheetByName('固定资产')!;
      assets.insertRowsAfter(assets.getMaxRows(), 5000);
      let snap = emu.calls.snapshot();
      const p = preview(bundle, { source: '资产台账', target: 'assets' });
      expect(p.preview.counts.add).toBe(n);
      const previewCalls = emu.calls.since(snap);
      snap = emu.calls.snapshot();
      expect(write(bundle, { source: '资产台账', target: 'assets' }).ok).toBe(true);
      const writeCalls = emu.calls.since(snap);
      expect(values(emu, '固定资产')).toHaveLength(n + 1);
      return { previewCalls, writeCalls };
    };
    const small = measure(100);
    // The rows (one block per run of the template's columns the ledger fills), the log's header
    // (its first import) and the log line: a handful of writes, the same for 3,000 rows.
    expect(small.writeCalls['Range.setValues']).toBeLessThanOrEqual(4);
    expect(measure(3000)).toEqual(small);
  });
});

describe('nothing of the office’s is overwritten', () => {
  const HEADER = ['资产编号', '资产名称', '类别', '规格型号', '存放地点', '保管人', '状态'];
  const ledger = (n: number, model: (i: number) => string) => [
    HEADER,
    ...Array.from({ length: n }, (_, i) => [
      `A${String(i + 1).padStart(3, '0')}`,
      '课桌',
      '家具',
      model(i + 1),
      '101',
      '王老师',
      '在用',
    ]),
  ];

  it('an update writes only changed cells; a formula, a note and a format among them are kept', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(
      emu,
      '台账',
      ledger(50, () => ''),
    );
    write(bundle, { source: '台账', target: 'assets' });
    const assets = emu.spreadsheet.getSheetByName('固定资产')!;
    assets.getRange('D3').setFormula('=UPPER("x")');
    assets.getRange('D5').setNote('办公室的批注').setBackground('#ffff00');
    assets.getRange('N1').setValue('我的列');
    assets.getRange('N2').setFormula('=A2&"!"');
    // The new ledger gives a model for every odd asset: 25 rows apart from each other.
    ledgerSheet(
      emu,
      '台账',
      ledger(50, (i) => (i % 2 ? `M${i}` : '')),
    );
    const snap = emu.calls.snapshot();
    const done = write(bundle, { source: '台账', target: 'assets' });
    expect(done.message).toContain('更新 25 行');
    // Each changed cell alone (each holds its own value), never a cell between them,
    // so no formula needs putting back; the log line is the one block written.
    const calls = emu.calls.since(snap);
    expect(calls['Range.setValues']).toBe(1);
    expect(calls['Range.setValue']).toBe(25);
    expect(calls['Range.setFormula']).toBeUndefined();
    expect(assets.getRange('D2').getValue()).toBe('M1');
    expect(assets.getRange('D50').getValue()).toBe('M49');
    expect(assets.getRange('D3').getFormula()).toBe('=UPPER("x")');
    expect(assets.getRange('D5').getNote()).toBe('办公室的批注');
    expect(assets.getRange('D5').getBackground()).toBe('#ffff00');
    expect(assets.getRange('N2').getFormula()).toBe('=A2&"!"');
  });

  it('a sheet of the office’s that bears the log’s or the fix sheet’s name is never written to', () => {
    const bundle = setUp();
    const { emu } = bundle;
    ledgerSheet(emu, '导入记录', [
      ['日期', '内容'],
      ['八月一日', '办公室自己的记录'],
    ]);
    ledgerSheet(emu, '待修正-固定资产', [['事项'], ['修好窗户']]);
    const ledger = assetLedger();
    ledger[5]![0] = '';
    ledgerSheet(emu, '资产台账', ledger);
    const done = write(bundle, { source: '资产台账', target: 'assets' });
    expect(done.message).toContain('「待修正-固定资产 (2)」');
    expect(values(emu, '导入记录')).toEqual([
      ['日期', '内容'],
      ['八月一日', '办公室自己的记录'],
    ]);
    expect(values(emu, '待修正-固定资产')).toEqual([['事项'], ['修好窗户']]);
    expect(values(emu, '导入记录 (2)')).toHaveLength(2);
    expect(values(emu, '待修正-固定资产 (2)')[1]!.at(-1)).toBe('缺少「资产编号」');
  });

  it('set-up leaves a sheet under Houqin’s name with a title row as it is, and import says what to do', () => {
    const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
    const bundle = loadBundle(emu);
    bundle.open();
    // The office's own ledger already carries the template's name.
    const own = emu.spreadsheet.insertSheet('固定资产');
    const ledger = assetLedger();
    own.getRange(1, 1, ledger.length, 13).setValues(ledger);
    own.getRange('A1').setNote('财务室导出');
    own.getRange('K5:K20').setNumberFormat('#,##0.00');
    const before = {
      values: values(emu, '固定资产'),
      notes: own.getDataRange().getNotes(),
      formats: own.getDataRange().getNumberFormats(),
    };
    bundle.call('menuSetUpWorkbook');
    const told = emu.ui.alerts.at(-1)!.prompt;
    expect(told).toContain('「固定资产」的第 1 行不是后勤助手的表头');
    expect(values(emu, '固定资产')).toEqual(before.values);
    expect(own.getDataRange().getNotes()).toEqual(before.notes);
    expect(own.getDataRange().getNumberFormats()).toEqual(before.formats);
    ledgerSheet(emu, '台账', ledger);
    expect(write(bundle, { source: '台账', target: 'assets' })).toEqual({
      ok: false,
      message: expect.stringContaining('「固定资产」的第 1 行没有「资产编号」列'),
    });
    // The way out the messages give: rename it, set up, import from it.
    own.setName('原固定资产');
    bundle.call('menuSetUpWorkbook');
    expect(write(bundle, { source: '原固定资产', target: 'assets' })).toMatchObject({ ok: true });
    expect(values(emu, '固定资产')).toHaveLength(9);
    expect(values(emu, '原固定资产')).toEqual(before.values);
  });
});
