import { createEmulator } from '../../emulator';
import { stockBalances } from '../../src/core/domain/stock';
import { movementsOf } from '../../src/core/overdue/expiry';
import { tableOf, typedRecords } from '../../src/core/table/record';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';

const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
const HEAD = 'head@school.example';

function store(): Bundle {
  const bundle = loadBundle(createEmulator({ now: '2026-12-30T09:00:00+08:00', timeZone: 'Asia/Shanghai' }));
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(bundle.emu, '学校名称', '第一中学');
  setSetting(bundle.emu, '总务主任邮箱', HEAD);
  fillSheet(bundle.emu, 'roster', [{ name: '王芳', role: '总务主任', email: HEAD, onDuty: true }]);
  fillSheet(bundle.emu, 'stockItems', [
    { itemId: 'WZ-01', name: '粉笔', unit: '盒', location: '仓库A' },
    { itemId: 'WZ-02', name: '扫帚', unit: '把', location: '仓库B' },
    { itemId: 'WZ-03', name: '<script>灯管</script>', unit: '支', location: '仓库A' },
  ]);
  fillSheet(bundle.emu, 'stockMovements', [
    { date: day('2026-08-30'), itemId: 'WZ-01', type: '采购入库', quantity: 10 },
    { date: day('2026-09-02'), itemId: 'WZ-01', type: '领用', quantity: 3 },
    { date: day('2026-09-02'), itemId: 'WZ-02', type: '采购入库', quantity: 5 },
    { date: day('2026-09-03'), itemId: 'WZ-03', type: '采购入库', quantity: 4 },
  ]);
  fillSheet(bundle.emu, 'assets', [
    {
      assetId: 'ZC-001',
      name: '课桌椅',
      category: '家具',
      location: '初一(1)班',
      custodian: '王芳',
      quantity: 45,
      status: '在用',
    },
    {
      assetId: 'ZC-002',
      name: '投影仪',
      category: '家具',
      location: '初一(1)班',
      custodian: '王芳',
      quantity: 1,
      status: '在用',
    },
    {
      assetId: 'ZC-003',
      name: '旧黑板',
      category: '家具',
      location: '初一(1)班',
      custodian: '王芳',
      quantity: 1,
      status: '已报废',
    },
  ]);
  return bundle;
}

const sheet = (bundle: Bundle, name: string) => bundle.emu.spreadsheet.getSheetByName(name)!;
const values = (bundle: Bundle, name: string) => sheet(bundle, name).getDataRange().getValues();
const told = (bundle: Bundle) => bundle.emu.ui.alerts.at(-1)!.prompt;

describe('a stocktake through the bundle', () => {
  it('counts, is approved by the office head, and its adjustments make the ledger equal the count', () => {
    const bundle = store();
    bundle.clickMenu('开始盘点');
    expect(told(bundle)).toContain('盘点表中新增 5 行');
    const rows = () => values(bundle, '盘点表').slice(1);
    expect(rows().map((r) => [r[1], r[2], r[4], r[6], r[9]])).toEqual([
      ['物资', 'WZ-01', '仓库A', 7, '盘点中'],
      ['物资', 'WZ-03', '仓库A', 4, '盘点中'],
      ['物资', 'WZ-02', '仓库B', 5, '盘点中'],
      ['固定资产', 'ZC-001', '初一(1)班', 45, '盘点中'],
      ['固定资产', 'ZC-002', '初一(1)班', 1, '盘点中'],
    ]);
    // A second start while one is under way adds nothing.
    bundle.clickMenu('开始盘点');
    expect(told(bundle)).toContain('还有 5 行未审批');
    expect(rows()).toHaveLength(5);
    // Not counted yet: nothing changes.
    bundle.clickMenu('审批盘点并调整账目');
    expect(told(bundle)).toBe(
      '还有 5 行没有填实盘数量（WZ-01、WZ-03、WZ-02、ZC-001、ZC-002……），没有调整任何账目。',
    );

    // The office counts; meanwhile work goes on: a broom is issued the next day.
    sheet(bundle, '盘点表')
      .getRange('H2:H6')
      .setValues([[6], [0], [7], [43], [0]]);
    const ledger = sheet(bundle, '出入库记录');
    ledger.getRange(6, 1, 1, 4).setValues([[day('2026-12-31'), 'WZ-02', '领用', 1]]);

    bundle.clickMenu('打印盘点表');
    const html = bundle.emu.ui.dialogs.at(-1)!.html;
    expect(html).toContain('财产物资盘点表');
    expect(html).toContain('&lt;script&gt;灯管&lt;/script&gt;');
    expect(html).toContain('<td class="r">7</td><td class="r">6</td><td class="r">-1</td>');
    expect(html).toContain('盘点人（签字）');

    // Only the office head approves.
    setSetting(bundle.emu, '总务主任邮箱', 'someone@school.example');
    bundle.clickMenu('审批盘点并调整账目');
    expect(told(bundle)).toBe('只有总务主任（设置中的总务主任邮箱）可以审批盘点。');
    setSetting(bundle.emu, '总务主任邮箱', HEAD);
    bundle.clickMenu('审批盘点并调整账目');
    expect(told(bundle)).toBe(
      '盘点已审批：5 行，盘盈 1 行，盘亏 4 行；写入出入库记录 3 条，调整固定资产 2 项（未找到的资产转为已报废，未删除）。',
    );
    expect(rows().map((r) => [r[2], r[8], r[9]])).toEqual([
      ['WZ-01', -1, '已调整'],
      ['WZ-03', -4, '已调整'],
      ['WZ-02', 2, '已调整'],
      ['ZC-001', -2, '已调整'],
      ['ZC-002', -1, '已调整'],
    ]);
    const moves = values(bundle, '出入库记录');
    const note = moves[0]!.indexOf('备注');
    expect(moves.slice(6).map((r) => [r[1], r[2], r[3], r[note]])).toEqual([
      ['WZ-01', '盘点调整', 6, '盘亏 1（2026-12-30 盘点）'],
      ['WZ-03', '报损', 4, '盘亏 4（2026-12-30 盘点）'],
      ['WZ-02', '盘点调整', 7, '盘盈 2（2026-12-30 盘点）'],
    ]);
    // The ledger now says what was counted on the day, and the next day's issue on top of it.
    const balances = stockBalances(
      movementsOf(typedRecords(tableOf('stockMovements', moves), 'Asia/Shanghai')),
    );
    expect(Object.fromEntries(balances)).toEqual({ 'WZ-01': 6, 'WZ-02': 6, 'WZ-03': 0 });
    // Assets: the count's quantity; the one not found is scrapped with its date, never deleted.
    const assets = values(bundle, '固定资产').slice(1);
    expect(assets.map((r) => [r[0], r[8], r[9]])).toEqual([
      ['ZC-001', 43, '在用'],
      ['ZC-002', 1, '已报废'],
      ['ZC-003', 1, '已报废'],
    ]);
    expect((assets[1]![10] as Date).toISOString()).toBe('2026-12-29T16:00:00.000Z');

    // Approving again finds nothing under way and writes nothing.
    bundle.clickMenu('审批盘点并调整账目');
    expect(told(bundle)).toBe('没有正在进行的盘点。请先「开始盘点」。');
    expect(values(bundle, '出入库记录')).toHaveLength(moves.length);
  });
});
