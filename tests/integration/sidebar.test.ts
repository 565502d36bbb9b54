import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, type Emulator } from '../../emulator';
import { openSidebarPage } from '../../playground/bridge';
import { messages } from '../../src/core/i18n';
import { LANGS } from '../../src/core/lang';
import { pageCatalog } from '../../src/core/sidebar/embed';
import { columnHeader } from '../../src/core/table/labels';
import { DIST, loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting, syntheticRows, syntheticWorkbook } from '../support/workbook';

const TZ = 'Asia/Shanghai';
const REPAIR = { location: '食堂', description: '灯管不亮' };

function setUp(rows = 0): Bundle {
  const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.call('menuSetUpWorkbook');
  if (rows) syntheticWorkbook(emu, rows);
  else fillSheet(emu, 'roster', syntheticRows('roster', 8));
  return bundle;
}

const values = (emu: Emulator, name: string) =>
  emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();

/** Service calls made by `fn`. */
function callsOf(emu: Emulator, fn: () => unknown): number {
  const before = emu.calls.total();
  fn();
  return emu.calls.total() - before;
}

describe('the sidebar page as the bundle serves it', () => {
  const catalogOf = (html: string): unknown =>
    JSON.parse(/<script id="houqin-catalog" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!);

  it('ships without text and is served with the Settings language only, under 80 KB', () => {
    const file = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    for (const lang of LANGS) expect(file).not.toContain(messages(lang).sidebar.languageChanged);
    const bundle = setUp();
    const zh = openSidebarPage(bundle);
    expect(catalogOf(zh)).toEqual({ lang: 'zh-CN', catalog: pageCatalog(messages('zh-CN')) });
    // The request page's text and other server-only sections stay on the server.
    expect(zh).not.toContain(messages('zh-CN').requests.mail.assignBody.slice(0, 12));
    setSetting(bundle.emu, '界面语言', 'English');
    const en = openSidebarPage(bundle);
    expect(catalogOf(en)).toEqual({ lang: 'en', catalog: pageCatalog(messages('en')) });
    expect(bundle.emu.ui.sidebars.at(-1)?.title).toBe('Houqin');
    for (const page of [zh, en]) expect(Buffer.byteLength(page)).toBeLessThan(80_000);
  });
});

describe('sidebar api against the built bundle', () => {
  it('makes the same service calls at 100 and at 5,000 rows', () => {
    const measure = (rows: number) => {
      const bundle = setUp(rows);
      // Spare rows in both cases: growing a full sheet is one more call, whatever its size.
      const repairs = bundle.emu.spreadsheet.getSheetByName('维修记录')!;
      repairs.insertRowsAfter(repairs.getMaxRows(), 10);
      const data = callsOf(bundle.emu, () => bundle.run('apiSidebarData'));
      let result: unknown;
      const submit = callsOf(bundle.emu, () => (result = bundle.run('apiSubmitReportRepair', REPAIR)));
      expect(result).toMatchObject({ ok: true });
      return { data, submit };
    };
    const small = measure(100);
    expect(measure(5000)).toEqual(small);
  });

  it('records a drill held last week, which the month’s safety report then lists', () => {
    const bundle = setUp();
    const drill = { date: '2026-08-28', kind: 'drill', topic: '消防疏散演练', participants: '1200' };
    expect(bundle.run('apiSubmitRecordDrill', drill)).toEqual({
      ok: true,
      message: '已记录演练：消防疏散演练。',
    });
    const [header, row] = values(bundle.emu, '演练培训记录');
    expect(header).toEqual(['日期', '类别', '内容', '组织人', '参加人数', '备注']);
    expect(row!.slice(1)).toEqual(['演练', '消防疏散演练', '', 1200, '']);
    expect(bundle.emu.spreadsheet.getSheetByName('演练培训记录')!.getRange('A2').getDisplayValue()).toBe(
      '2026-08-28',
    );
    // August is last month on 1 September: the report's drills part has it.
    bundle.call('menuPreviewSafetyReport');
    const report = bundle.emu.ui.dialogs.at(-1)!.html;
    expect(report).toContain('消防疏散演练');
    expect(report).toContain('应急演练');
    // A topic is asked for, as on the sheet.
    expect(bundle.run('apiSubmitRecordDrill', { ...drill, topic: '' })).toMatchObject({ ok: false });
    expect(values(bundle.emu, '演练培训记录')).toHaveLength(2);
  });

  it('refuses a submission while another holds the lock and writes nothing', () => {
    const bundle = setUp();
    const before = values(bundle.emu, '维修记录');
    bundle.emu.lock.holdByOther(true);
    const result = bundle.run('apiSubmitReportRepair', REPAIR) as { ok: boolean; message: string };
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('另一项操作正在进行');
    expect(values(bundle.emu, '维修记录')).toEqual(before);
    bundle.emu.lock.holdByOther(false);
    expect(bundle.run('apiSubmitReportRepair', REPAIR)).toMatchObject({ ok: true });
  });

  it('appends right after the last data row although row 500 carries formatting', () => {
    const bundle = setUp();
    fillSheet(bundle.emu, 'repairs', syntheticRows('repairs', 3));
    const sheet = bundle.emu.spreadsheet.getSheetByName('维修记录')!;
    if (sheet.getMaxRows() < 500) sheet.insertRowsAfter(sheet.getMaxRows(), 500 - sheet.getMaxRows());
    sheet.getRange('A500:F500').setBackground('#ffff00').setNumberFormat('0.00');
    expect(bundle.run('apiSubmitReportRepair', REPAIR)).toMatchObject({ ok: true });
    const rows = values(bundle.emu, '维修记录');
    expect(rows).toHaveLength(5);
    expect(rows[4]![0]).toBe('BX-20260901-001');
    expect(sheet.getRange('A500').getValue()).toBe('');
  });

  it('refuses a crafted call with wrong types or missing fields and changes nothing', () => {
    const bundle = setUp();
    fillSheet(bundle.emu, 'feeItems', [{ code: 'F01', name: '作业本费', kind: '代办费', standard: 12.5 }]);
    const snapshot = () => ['维修记录', '收费记录', '出入库记录'].map((n) => values(bundle.emu, n));
    const before = snapshot();
    const crafted: [string, unknown][] = [
      ['apiSubmitReportRepair', { location: '食堂', description: ['灯管不亮'] }],
      ['apiSubmitReportRepair', { location: { a: 1 }, description: '灯管不亮' }],
      ['apiSubmitReportRepair', {}],
      ['apiSubmitReportRepair', 'drop table'],
      ['apiSubmitTakeFee', { itemCode: 'F01', payer: '学生1', quantity: 'many' }],
      ['apiSubmitStockMove', { type: 'steal', itemId: 'WZ-01', quantity: -3 }],
      ['apiSubmitCompleteRepair', { repairId: 'BX-nope', cause: 'wear' }],
    ];
    for (const [name, payload] of crafted) {
      const result = bundle.run(name, payload) as { ok: boolean; message: string };
      expect(result.ok).toBe(false);
      expect(result.message).not.toBe('');
    }
    expect(snapshot()).toEqual(before);
  });

  it('lists my open tasks after generating the month and marks one done', () => {
    const bundle = setUp();
    fillSheet(bundle.emu, 'inspectionSchedules', syntheticRows('inspectionSchedules', 10));
    bundle.call('menuGenerateMonth');
    bundle.emu.setActiveUser('staff5@school.example'); // 杨磊, a guard (role of every 4th schedule)
    const mine = bundle.run('apiMyTasks') as { person: string; tasks: { taskId: string }[] };
    expect(mine.person).toBe('杨磊');
    expect(mine.tasks.length).toBeGreaterThan(0);
    const task = mine.tasks[0]!.taskId;
    expect(bundle.run('apiCompleteTask', task, 'pass')).toMatchObject({ ok: true });
    const rows = values(bundle.emu, '任务');
    const id = rows[0]!.indexOf(columnHeader('zh-CN', 'tasks', 'taskId'));
    const status = rows[0]!.indexOf(columnHeader('zh-CN', 'tasks', 'status'));
    expect(rows.find((r) => r[id] === task)![status]).toBe('已完成');
    const again = bundle.run('apiMyTasks') as { tasks: { taskId: string }[] };
    expect(again.tasks.map((t) => t.taskId)).not.toContain(task);
  });
});

describe('a stocktake task in 我的任务', () => {
  const HEAD = 'head@school.example';
  const STORE = 'store@school.example';
  type Mine = {
    tasks: { taskId: string; title: string; stocktake: string | null; handover: string | null }[];
  };

  /** December: the work calendar's 年终盘点 (Dec 22) goes to the storekeeper. */
  function december(): Bundle {
    const emu = createEmulator({ now: '2026-12-01T08:00:00+08:00', timeZone: TZ });
    const bundle = loadBundle(emu);
    bundle.open();
    bundle.call('menuSetUpWorkbook');
    setSetting(emu, '总务主任邮箱', HEAD);
    fillSheet(emu, 'roster', [
      { name: '王芳', role: '总务主任', email: HEAD, onDuty: true },
      { name: '赵敏', role: '保管员', email: STORE, onDuty: true },
    ]);
    fillSheet(emu, 'stockItems', [{ itemId: 'WZ-01', name: '粉笔', unit: '盒', location: '仓库A' }]);
    fillSheet(emu, 'stockMovements', [
      { date: new Date('2026-09-01T00:00:00+08:00'), itemId: 'WZ-01', type: '采购入库', quantity: 10 },
    ]);
    bundle.call('menuGenerateMonth');
    return bundle;
  }
  const stocktakeTasks = (bundle: Bundle) =>
    (bundle.run('apiMyTasks') as Mine).tasks.filter((t) => t.stocktake !== null);

  it('offers 开始盘点, runs the menu action through google.script.run, then offers to print and approve', () => {
    const bundle = december();
    bundle.emu.setActiveUser(STORE);
    const [task, ...others] = stocktakeTasks(bundle);
    expect(others).toEqual([]);
    expect(task!.title).toContain('年终盘点');
    expect(task!.stocktake).toBe('start');

    const started = bundle.run('apiStocktakeStep', 'start') as { ok: boolean; message: string };
    expect(started).toEqual({ ok: true, message: expect.stringContaining('已开始') });
    // The menu's own rows: one per stock item, counting.
    expect(values(bundle.emu, '盘点表').slice(1)).toHaveLength(1);
    expect(stocktakeTasks(bundle).map((t) => t.stocktake)).toEqual(['underWay']);

    // A second start is refused as the menu refuses it; nothing is added.
    expect(bundle.run('apiStocktakeStep', 'start')).toEqual({
      ok: false,
      message: expect.stringContaining('还有 1 行未审批'),
    });
    expect(values(bundle.emu, '盘点表').slice(1)).toHaveLength(1);

    // 打印盘点表 opens the count sheet in a dialog, as from the menu.
    expect(bundle.run('apiStocktakeStep', 'print')).toEqual({ ok: true, message: '' });
    expect(bundle.emu.ui.dialogs.at(-1)!.html).toContain('财产物资盘点表');

    // Only the office head approves.
    expect(bundle.run('apiStocktakeStep', 'approve')).toEqual({
      ok: false,
      message: '只有总务主任（设置中的总务主任邮箱）可以审批盘点。',
    });
    // The office head approves once every row is counted: the task then offers to start again.
    const sheet = bundle.emu.spreadsheet.getSheetByName('盘点表')!;
    const header = values(bundle.emu, '盘点表')[0]!;
    sheet.getRange(2, header.indexOf(columnHeader('zh-CN', 'stocktake', 'counted')) + 1).setValue(9);
    bundle.emu.setActiveUser(HEAD);
    expect(bundle.run('apiStocktakeStep', 'approve')).toEqual({
      ok: true,
      message: expect.stringContaining('盘点已审批'),
    });
    bundle.emu.setActiveUser(STORE);
    expect(stocktakeTasks(bundle).map((t) => t.stocktake)).toEqual(['start']);
  });

  it('refuses a step it does not know and changes nothing', () => {
    const bundle = december();
    const before = values(bundle.emu, '盘点表');
    for (const step of ['delete', '', { step: 'start' }, null])
      expect(bundle.run('apiStocktakeStep', step)).toMatchObject({ ok: false, message: expect.any(String) });
    expect(values(bundle.emu, '盘点表')).toEqual(before);
  });
});
