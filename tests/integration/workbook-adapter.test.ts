import { createEmulator } from '../../emulator';
import { appendRecords, updateRecords, Workbook } from '../../src/server/adapters/workbook';
import { fillSheet } from '../support/workbook';

/**
 * The shell's one read per sheet: a run that writes rows and then asks for the sheet's records again
 * (a second step of the same run) must see what it wrote, not the rows as first read.
 */
describe('a table read once per run', () => {
  function repairs() {
    const emu = createEmulator();
    emu.spreadsheet.insertSheet('维修记录');
    fillSheet(emu, 'repairs', [{ repairId: 'WX-001', location: '三年级2班', description: '灯不亮' }]);
    return { emu, table: new Workbook(emu.spreadsheet).table('repairs')! };
  }

  it('lists the rows appended during the run after its first look', () => {
    const { emu, table } = repairs();
    expect(table.rows.map((r) => r.cells.repairId)).toEqual(['WX-001']);
    appendRecords(table, [{ repairId: 'WX-002', location: '操场', description: '篮球架松动' }]);
    expect(table.rows.map((r) => [r.row, r.cells.repairId])).toEqual([
      [2, 'WX-001'],
      [3, 'WX-002'],
    ]);
    expect(emu.spreadsheet.getSheetByName('维修记录')!.getRange('A3').getValue()).toBe('WX-002');
  });

  it('gives the changed cells of updated rows after its first look', () => {
    const { table } = repairs();
    expect(table.rows[0]!.cells.location).toBe('三年级2班');
    updateRecords(table, [{ row: 2, patch: { location: '三年级3班' } }]);
    expect(table.rows[0]!.cells.location).toBe('三年级3班');
  });
});
