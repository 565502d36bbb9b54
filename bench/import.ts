import type { Bundle } from '../emulator/bundle';
import { fillSheet, syntheticRows } from '../emulator/fixtures';
import { sheetName } from '../src/core/table/labels';

export const LEDGER = '资产台账';

/**
 * A fixed-asset ledger of `rows` assets as an asset system exports it: a title and a unit line,
 * 卡片编号 / 使用人 / 取得日期 / 原值 headers, a subtotal and the header again every 50 rows (a
 * printed page), dates typed 2023.09.01 and 2023年9月1日, amounts with thousands separators.
 */
export function assetLedger(rows: number): unknown[][] {
  const header = [
    '卡片编号',
    '资产名称',
    '资产分类',
    '使用部门',
    '存放地点',
    '使用人',
    '取得日期',
    '数量',
    '单价',
    '原值(元)',
    '使用状况',
  ];
  const out: unknown[][] = [
    ['某某市第一中学固定资产台账', '', '', '', '', '', '', '', '', '', ''],
    ['单位：某某市第一中学', '', '', '', '', '', '', '', '', '', '截止日期：2026年8月31日'],
    header,
  ];
  const people = syntheticRows('roster', 8).map((r) => r.name);
  for (let i = 0; i < rows; i++) {
    if (i && i % 50 === 0) out.push(['', '小计', '', '', '', '', '', '', '', '', ''], header);
    const price = 100 + (i % 97) * 37.5;
    out.push([
      `ZC${String(i + 1).padStart(6, '0')}`,
      ['投影仪', '课桌', '篮球架', '显微镜', '钢琴', '书架'][i % 6],
      ['电子设备', '家具用具', '体育器材', '实验仪器', '音体美器材', '图书档案'][i % 6],
      '教务处',
      `${100 + (i % 40)}教室`,
      people[i % people.length],
      i % 2 ? `2023.${(i % 12) + 1}.${(i % 28) + 1}` : `2022年${(i % 12) + 1}月${(i % 28) + 1}日`,
      1,
      price,
      price.toLocaleString('en', { minimumFractionDigits: 2 }),
      '在用',
    ]);
  }
  out.push(['合计', '', '', '', '', '', '', rows, '', '', '']);
  return out;
}

/** A set-up workbook with a roster and the ledger pasted on a sheet of its own. */
export function ledgerWorkbook(bundle: Bundle, rows: number): void {
  bundle.call('menuSetUpWorkbook');
  const { emu } = bundle;
  fillSheet(emu, 'roster', syntheticRows('roster', 8));
  const values = assetLedger(rows);
  const sheet = emu.spreadsheet.insertSheet(LEDGER);
  sheet.insertRowsAfter(sheet.getMaxRows(), values.length);
  sheet.getRange(1, 1, values.length, values[0]!.length).setValues(values);
  const assets = emu.spreadsheet.getSheetByName(sheetName('zh-CN', 'assets'))!;
  assets.insertRowsAfter(assets.getMaxRows(), rows);
}
