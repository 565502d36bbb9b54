import { assets } from '../../src/core/sheets';
import { mapHeaders, patchRow, readRows } from '../../src/core/table/mapping';

describe('row <-> record mapping', () => {
  const header = [
    '备注',
    'Asset ID',
    '资产名称',
    '我的列',
    '类别',
    '存放地点',
    '保管人',
    '金额（元）',
    '状态',
  ];

  it('finds columns by header text in either language, in any order, ignoring the office’s own', () => {
    const layout = mapHeaders(assets, header);
    expect(layout.index.note).toBe(0);
    expect(layout.index.assetId).toBe(1);
    expect(layout.index.value).toBe(7);
    expect(layout.unknown).toEqual([{ index: 3, header: '我的列' }]);
    expect(layout.missing.map((c) => c.key)).toEqual([
      'model',
      'purchaseDate',
      'quantity',
      'scrapDate',
      'serviceDue',
      'acceptedBy',
      'acceptedDate',
      'invoiceNo',
    ]);
  });

  it('reads records with their sheet row numbers and skips blank rows without renumbering', () => {
    const layout = mapHeaders(assets, header);
    const rows = readRows(layout, [
      ['', 'A-001', '投影仪', 'x', '电教/信息设备', '101', '王老师', 3200, '在用'],
      ['', '', '', '', '', '', '', '', ''],
      ['', 'A-002', '课桌', '', '家具', '102', '李老师', 150, '在用'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[1]!.cells.assetId).toBe('A-002');
    expect(rows[1]!.cells.model).toBe('');
  });

  it('patches declared cells and keeps the office’s own columns untouched', () => {
    const layout = mapHeaders(assets, header);
    const row = patchRow(layout, ['n', 'A-001', '投影仪', 'mine', 'c', 'l', 'p', 1, '在用'], {
      status: '维修中',
    });
    expect(row).toEqual(['n', 'A-001', '投影仪', 'mine', 'c', 'l', 'p', 1, '维修中']);
  });
});
