/** The empty template workbook: the real "Set up workbook" run on a new spreadsheet, as .xlsx. */
import { createEmulator } from '../emulator';
import { loadBundle } from '../emulator/bundle';
import { runMenuKey } from './menu';
import { toXlsx, type ConversionNotes } from './xlsx';

export async function templateXlsx(): Promise<{ bytes: Buffer; notes: ConversionNotes }> {
  const emu = createEmulator({ spreadsheetName: '后勤管理' });
  const bundle = loadBundle(emu);
  bundle.open('FULL');
  runMenuKey(bundle, 'setup');
  return toXlsx(emu.spreadsheet);
}
