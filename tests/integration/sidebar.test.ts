import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, type Emulator } from '../../emulator';
import { openSidebarPage } from '../../playground/bridge';
import { messages } from '../../src/core/i18n';
import { LANGS } from '../../src/core/lang';
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
    // Every section but those only the server uses (documents, menu, default rows, setup report).
    const { documents: zhDocs, menu: _zm, defaults: _zd, setup: _zs, ...zhPage } = messages('zh-CN');
    expect(catalogOf(zh)).toEqual({ lang: 'zh-CN', catalog: zhPage });
    expect(zhDocs.safety.title).not.toBe('');
    setSetting(bundle.emu, '界面语言', 'English');
    const en = openSidebarPage(bundle);
    const { documents: _enDocs, menu: _em, defaults: _ed, setup: _es, ...enPage } = messages('en');
    expect(catalogOf(en)).toEqual({ lang: 'en', catalog: enPage });
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
