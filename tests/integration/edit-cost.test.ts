import { columnLetter } from '../../src/core/table/a1';
import { createEmulator, type Emulator } from '../../emulator';
import { sheetDecl } from '../../src/core/sheets';
import { sheetName } from '../../src/core/table';
import { MARK_BACKGROUND } from '../../src/core/validate/marks';
import { pastedAssets } from '../../bench/messy';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, syntheticRows, syntheticWorkbook } from '../support/workbook';

const ASSETS = '固定资产';
const TAG = '【后勤助手】⚠ ';
const PASTE = pastedAssets(500).map((r) => sheetDecl('assets').columns.map((c) => r[c.key] ?? ''));
/** The last column of the assets template: a paste covers every column. */
const LAST = columnLetter(PASTE[0]!.length);

/** A set-up workbook of about `rows` rows: half of them assets, the rest repairs and fee payments. */
function workbookOf(rows: number): Bundle {
  const bundle = loadBundle(createEmulator());
  syntheticWorkbook(bundle.emu, rows);
  bundle.call('menuSetUpWorkbook');
  return bundle;
}

function measure(bundle: Bundle, run: () => void) {
  bundle.emu.calls.reset();
  run();
  return {
    calls: bundle.emu.calls.snapshot(),
    total: bundle.emu.calls.total(),
    cells: bundle.emu.calls.cellsRead(),
  };
}

describe('what an edit costs', () => {
  it('a one-cell edit and a 500-row paste at 10,000 rows: the same few calls as at 100, reading the id column, not the sheets', () => {
    const small = workbookOf(100);
    const big = workbookOf(10_000);
    const assets = 5_000;
    // In the middle of the assets: row 26 of 51, row 2,501 of 5,001.
    const middle = (b: Bundle) => Math.round(b.emu.spreadsheet.getSheetByName(ASSETS)!.getLastRow() / 2);
    const cell = (b: Bundle) => {
      const row = middle(b);
      return measure(b, () => b.edit(ASSETS, `A${row}`, 'ZC-000001'));
    };
    const paste = (b: Bundle) => {
      const row = middle(b);
      return measure(b, () => b.edit(ASSETS, `A${row}:${LAST}${row + PASTE.length - 1}`, PASTE));
    };
    const [bigCell, bigPaste] = [cell(big), paste(big)];
    cell(small);
    // An id made a duplicate: its row and its twin (row 2) marked.
    expect(big.emu.spreadsheet.getSheetByName(ASSETS)!.getRange('A2').getBackground()).toBe(MARK_BACKGROUND);
    expect(bigCell.calls).toEqual(cell(workbookOf(100)).calls);
    expect(bigPaste.calls).toEqual(paste(small).calls);
    // The cell: its tab (2); the header, the edited row, the id column, the time zone (4); the
    // Roster's names and Settings (4); the row's marks and the twin's, each read and written (10).
    // No lock: it writes no value.
    expect(bigCell.total).toBeLessThanOrEqual(20);
    expect(bigCell.calls['LockService.getDocumentLock']).toBeUndefined();
    // The paste: the same reads, the lock (4), the tidied values (4), one mark write (5).
    expect(bigPaste.total).toBeLessThanOrEqual(23);
    // The id column (5,000), the Roster's names (40), headers, Settings and the edited row; never
    // the 65,000 cells of the assets sheet, nor the repairs and fee payments sheets.
    expect(bigCell.cells).toBeLessThan(assets + 300);
    // Plus the pasted block: its values, formulas, backgrounds and notes.
    expect(bigPaste.cells).toBeLessThan(assets + 300 + PASTE.length * PASTE[0]!.length * 4);
  });

  it('an edit on a tab Houqin does not know, or on Settings, costs one call and writes nothing', () => {
    const bundle = workbookOf(100);
    bundle.emu.spreadsheet.insertSheet('我的统计');
    const cost = measure(bundle, () => bundle.edit('我的统计', 'B3', '=SUM(1,2)'));
    expect(cost.calls).toEqual({ 'Spreadsheet.getSheetName': 1 });
    // Settings, which no handler checks as it is typed, stops at its name too.
    const settings = sheetName('zh-CN', 'settings');
    expect(measure(bundle, () => bundle.edit(settings, 'B2', 'x')).calls).toEqual({
      'Spreadsheet.getSheetName': 1,
    });
  });

  it('a header edit re-checks its sheet under the lock, reading each sheet it needs once and naming no tab', () => {
    const bundle = workbookOf(1_000);
    const cost = measure(bundle, () => bundle.edit(ASSETS, 'B1', '资产名称'));
    expect(cost.total).toBeLessThanOrEqual(17);
    expect(cost.calls['Lock.tryLock']).toBe(1);
    expect((cost.calls['Sheet.getName'] ?? 0) + (cost.calls['Spreadsheet.getSheets'] ?? 0)).toBe(0);
  });

  it('a clean edit of a clean row reads its notes, writes nothing and leaves Settings and the lock alone', () => {
    const bundle = workbookOf(10_000);
    const row = Math.round(bundle.emu.spreadsheet.getSheetByName(ASSETS)!.getLastRow() / 2);
    const cost = measure(bundle, () => bundle.edit(ASSETS, `B${row}`, '椅子'));
    expect(cost.total).toBeLessThanOrEqual(10);
    expect(Object.keys(cost.calls).filter((k) => /\.set|LockService|getBackgrounds/.test(k))).toEqual([]);
    expect(cost.calls['Range.getNotes']).toBe(1);
    // The Roster's names for the row's custodian; not Settings, which no rule of the row needs.
    expect(cost.calls['Spreadsheet.getSheetByName']).toBe(1);
  });
});

/** A set-up workbook with 8 people on the Roster and 3 assets. */
function assetsWorkbook() {
  const emu = createEmulator();
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  fillSheet(emu, 'roster', syntheticRows('roster', 8));
  fillSheet(emu, 'assets', syntheticRows('assets', 3));
  return { emu, bundle, assets: emu.spreadsheet.getSheetByName(ASSETS)! };
}

describe('the lock on an edit', () => {
  it('is taken to store a tidied value, and not for marks alone', () => {
    const { emu, bundle, assets } = assetsWorkbook();
    const before = emu.lock.acquisitions();
    bundle.edit(ASSETS, 'H2', -5);
    expect(assets.getRange('H2').getBackground()).toBe(MARK_BACKGROUND);
    expect(emu.lock.acquisitions()).toBe(before);
    bundle.edit(ASSETS, 'H2', '１，２００元');
    expect(assets.getRange('H2').getValue()).toBe(1200);
    expect(assets.getRange('H2').getBackground()).toBe('#ffffff');
    expect(emu.lock.acquisitions()).toBe(before + 1);
  });

  it('stores what the cell holds once the lock is taken, when another writer changed it meanwhile', () => {
    const { emu, bundle, assets } = assetsWorkbook();
    // Another writer changes the cell while the edit waits for the lock.
    const service = emu.globals.LockService as { getDocumentLock(): GoogleAppsScript.Lock.Lock };
    const lockOf = service.getDocumentLock.bind(service);
    service.getDocumentLock = () => {
      const lock = lockOf();
      return Object.assign(Object.create(lock) as GoogleAppsScript.Lock.Lock, {
        tryLock: (ms: number) => {
          assets.getRange('H2').setValue('２，４００元');
          return lock.tryLock(ms);
        },
        releaseLock: () => lock.releaseLock(),
      });
    };
    bundle.edit(ASSETS, 'H2', '１，２００元');
    expect(assets.getRange('H2').getValue()).toBe(2400);
    expect(assets.getRange('H2').getNote()).toBe('【后勤助手】✎ 已将「２，４００元」规范为 2400');
  });

  it('held by another run: a bad cell is still marked, and a value to tidy is left as typed for Check all', () => {
    const { emu, bundle, assets } = assetsWorkbook();
    emu.lock.holdByOther(true);
    bundle.edit(ASSETS, 'A3', 'ZC-000001');
    expect(assets.getRange('A2:A3').getBackgrounds().flat()).toEqual([MARK_BACKGROUND, MARK_BACKGROUND]);
    bundle.edit(ASSETS, 'H2', '１，２００元');
    expect(assets.getRange('H2').getValue()).toBe('１，２００元');
    expect(assets.getRange('H2').getNote()).toBe('');
  });
});

/**
 * Bad edits and the marks the handler has always made for them (cell → note), worked out from the
 * rules and the catalogue's words, not captured from a run.
 */
describe('every mark an edit made before is still made', () => {
  function setUp(): { emu: Emulator; edit: Bundle['edit'] } {
    const { emu, bundle } = assetsWorkbook();
    fillSheet(emu, 'stockItems', [{ itemId: 'WZ-1', name: '粉笔' }]);
    fillSheet(emu, 'stockMovements', [
      { date: '2026-09-01', itemId: 'WZ-1', type: '采购入库', quantity: 10 },
    ]);
    return { emu, edit: bundle.edit };
  }
  const marks = (emu: Emulator, sheet: string, a1: string) => {
    const range = emu.spreadsheet.getSheetByName(sheet)!.getRange(a1);
    const notes = range.getNotes().flat();
    return range
      .getBackgrounds()
      .flat()
      .map((bg, i) =>
        bg === MARK_BACKGROUND ? notes[i] : bg === '#ffffff' && !notes[i] ? '' : `${bg} ${notes[i]}`,
      );
  };

  it('marks each bad cell with its note, and only it', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'F3', '王小明');
    edit(ASSETS, 'J4', '已报废');
    edit(ASSETS, 'J2', '维修中');
    edit(ASSETS, 'G4', '3/5');
    edit(ASSETS, 'A5:M6', [
      ['P-1', '课桌', '家具', '', '初一(1)班', '王芳', '', 'abc', 1, '在用', '', '', ''],
      ['p-1', '课桌', '家具', '', '初一(1)班', '王芳', '', '', 1, '在用', '', '', ''],
    ]);
    expect(marks(emu, ASSETS, 'A2:M2')).toEqual([
      ...Array(9).fill(''),
      `${TAG}「状态」为「维修中」，但「维修记录」中没有该资产未完成的维修`,
      '',
      '',
      '',
    ]);
    expect(marks(emu, ASSETS, 'A3:M3')).toEqual([
      ...Array(5).fill(''),
      `${TAG}「保管人」王小明 不在「人员名册」中`,
      ...Array(7).fill(''),
    ]);
    expect(marks(emu, ASSETS, 'A4:M4')).toEqual([
      ...Array(6).fill(''),
      `${TAG}「购置日期」的「3/5」看不出年月日，请写成 2026-03-05`,
      '',
      '',
      '',
      `${TAG}「状态」为「已报废」，须填写「报废日期」`,
      '',
      '',
    ]);
    expect(marks(emu, ASSETS, 'A5:M5')).toEqual([
      `${TAG}「资产编号」P-1 与第 6 行重复，应唯一`,
      ...Array(6).fill(''),
      `${TAG}「原值（元）」应为数字，现为「abc」`,
      ...Array(5).fill(''),
    ]);
    expect(marks(emu, ASSETS, 'A6:M6')).toEqual([
      `${TAG}「资产编号」P-1 与第 5 行重复，应唯一`,
      ...Array(12).fill(''),
    ]);
  });

  it('marks a duplicate id and its twin, and clears both when the id is fixed', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'A3', 'ZC-000001');
    expect(marks(emu, ASSETS, 'A2:A3')).toEqual([
      `${TAG}「资产编号」ZC-000001 与第 3 行重复，应唯一`,
      `${TAG}「资产编号」ZC-000001 与第 2 行重复，应唯一`,
    ]);
    edit(ASSETS, 'A3', 'ZC-000009');
    expect(marks(emu, ASSETS, 'A2:A3')).toEqual(['', '']);
  });

  it('finds the Roster’s names where the office moved them', () => {
    const { emu, edit } = setUp();
    const roster = emu.spreadsheet.getSheetByName('人员名册')!;
    roster.insertColumnBefore(1);
    roster.getRange('A1').setValue('工号');
    edit(ASSETS, 'F3', '王小明');
    expect(marks(emu, ASSETS, 'F3')).toEqual([`${TAG}「保管人」王小明 不在「人员名册」中`]);
    edit(ASSETS, 'F3', '李强');
    expect(marks(emu, ASSETS, 'F3')).toEqual(['']);
  });

  it('marks a movement that takes the stock below zero, from the item’s earlier movements', () => {
    const { emu, edit } = setUp();
    edit('出入库记录', 'A3:D3', [['2026-09-02', 'WZ-1', '领用', 15]]);
    expect(marks(emu, '出入库记录', 'D3')).toEqual([
      `${TAG}按日期顺序，物品 WZ-1 的库存在此行变为 -5，库存不能为负`,
    ]);
  });
});
