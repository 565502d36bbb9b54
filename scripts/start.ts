// `npm start`: runs the built add-on in the in-memory Apps Script emulator on a fresh workbook,
// as Google would (onOpen, then the menu item), and prints what it made.
import { createEmulator } from '../emulator';
import { loadBundle } from '../tests/support/bundle';

const emu = createEmulator({ spreadsheetName: '某某中学后勤工作簿' });
const bundle = loadBundle(emu);
bundle.open('NONE');
console.log('菜单 / Menu:');
for (const item of emu.ui.allMenuItems())
  console.log(`  ${item.path.join(' › ')}  →  ${item.functionName}()`);

bundle.clickMenu('初始化工作簿');
console.log(`\n${emu.ui.alerts.at(-1)?.prompt ?? ''}\n`);
for (const sheet of emu.spreadsheet.getSheets()) {
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getDisplayValues()[0]!;
  console.log(`${sheet.getName()}  (${sheet.getLastRow() - 1} 行)  ${header.join(' | ')}`);
}
const calendar = emu.spreadsheet.getSheetByName('行事历')!.getDataRange().getDisplayValues().slice(1, 8);
console.log('\n行事历（前 7 行）:');
for (const row of calendar) console.log(`  ${row.slice(0, 4).join('  ')}`);
console.log(`\nService calls: ${emu.calls.total()}`);
