import type { Emulator } from '../emulator';
import type { Bundle } from '../emulator/bundle';
import { defaultCalendarRows, defaultSchoolYearRows } from '../src/core/setup/defaults';
import { sheetDecl, type SheetKey } from '../src/core/sheets';
import { sheetName } from '../src/core/table/labels';
import { fillSheet, syntheticRows, syntheticWorkbook } from '../emulator/fixtures';
import { messyWorkbook, pastedAssets } from './messy';
import { LEDGER, ledgerWorkbook } from './import';

/** One operation the benchmark measures: prepare a workbook of about `rows` rows, then run it once. */
export interface BenchOperation {
  readonly name: string;
  readonly sizes: readonly number[];
  prepare(bundle: Bundle, rows: number): void;
  run(bundle: Bundle, rows: number): void;
  /** What the run produced, to show it did the work (problems listed, mails sent…). */
  outcome?(emu: Emulator): string;
}

const SIZES = [1_000, 10_000, 50_000];
const EDIT_SIZES = [1_000, 50_000];
const IMPORT_SIZES = [1_000, 20_000];
const ASSETS = sheetName('zh-CN', 'assets');

/**
 * A synthetic workbook with an office head, an office list and an empty Alert log, seen in late
 * November: a third of the synthetic repairs are open and weeks late.
 */
function mailingWorkbook(emu: Emulator, rows: number, fill = syntheticWorkbook): void {
  emu.clock.set('2026-11-23T07:30:00+08:00');
  fill(emu, rows);
  fillSheet(emu, 'settings', [
    { setting: '总务主任邮箱', value: 'head@school.example' },
    { setting: '后勤处邮件列表', value: 'office@school.example' },
  ]);
  fillSheet(emu, 'alertLog', []);
}

/** A synthetic workbook with the sample school year and work calendar, 30 schedules and an empty Tasks sheet. */
function monthWorkbook(emu: Emulator, rows: number, fill = syntheticWorkbook): void {
  fill(emu, rows);
  fillSheet(emu, 'schoolYear', defaultSchoolYearRows('zh-CN', 'Asia/Shanghai'));
  fillSheet(emu, 'calendar', defaultCalendarRows('zh-CN'));
  fillSheet(emu, 'inspectionSchedules', syntheticRows('inspectionSchedules', 30));
  fillSheet(emu, 'tasks', []);
}

/** A workbook the office has set up, where edits arrive. */
function setUpWorkbook(bundle: Bundle, rows: number): void {
  syntheticWorkbook(bundle.emu, rows);
  bundle.call('menuSetUpWorkbook');
}

/** The sheet row in the middle of the synthetic assets (half the workbook's rows). */
const middleRow = (rows: number) => Math.max(2, Math.round(rows / 4));

const ASSET_COLUMNS = sheetDecl('assets').columns;
const LAST_COLUMN = String.fromCharCode(64 + ASSET_COLUMNS.length);
const PASTE = pastedAssets(500).map((r) => ASSET_COLUMNS.map((c) => r[c.key] ?? ''));

const dataRows = (emu: Emulator, key: SheetKey) =>
  (emu.spreadsheet.getSheetByName(sheetName('zh-CN', key))?.getLastRow() ?? 1) - 1;
const problemsListed = (emu: Emulator) => `${dataRows(emu, 'problems').toLocaleString('en')} problems`;

const mailsSent = (emu: Emulator) => `e-mails: ${emu.mail.outbox.length}`;
const tasksWritten = (emu: Emulator) => `${dataRows(emu, 'tasks').toLocaleString('en')} tasks`;

/** A menu item run on a workbook `fill` writes. */
function menu(
  name: string,
  functionName: string,
  fill: (emu: Emulator, rows: number) => void,
  outcome?: (emu: Emulator) => string,
): BenchOperation {
  return {
    name,
    sizes: SIZES,
    prepare: (bundle, rows) => fill(bundle.emu, rows),
    run: (bundle) => bundle.call(functionName),
    ...(outcome && { outcome }),
  };
}

/** The mailing workbook on the 1st of December, with a bureau address: November's report is due. */
function safetyWorkbook(emu: Emulator, rows: number): void {
  mailingWorkbook(emu, rows);
  fillSheet(emu, 'settings', [
    { setting: '总务主任邮箱', value: 'head@school.example' },
    { setting: '后勤处邮件列表', value: 'office@school.example' },
    { setting: '安全月报报送邮箱', value: 'anquan@jyj.example' },
  ]);
  emu.clock.set('2026-12-01T06:00:00+08:00');
}

/** `rows` assets in 300 rooms (室101 …), 30 custodians; the print asks for every room. */
function roomsWorkbook(emu: Emulator, rows: number): void {
  const assets = syntheticRows('assets', rows).map((a, i) => ({
    ...a,
    location: `室${101 + (i % 300)}`,
    custodian: `老师${i % 30}`,
  }));
  fillSheet(emu, 'assets', assets);
  emu.ui.answerPrompts({ button: 'OK', text: '' });
}

const dialogBytes = (emu: Emulator) =>
  `dialog: ${Math.round(Buffer.byteLength(emu.ui.dialogs.at(-1)?.html ?? '') / 1024).toLocaleString('en')} KB`;

export const OPERATIONS: readonly BenchOperation[] = [
  menu('Set up workbook (existing data)', 'menuSetUpWorkbook', syntheticWorkbook),
  menu('Check all sheets', 'menuCheckAllSheets', syntheticWorkbook, problemsListed),
  menu('Check all sheets, messy data', 'menuCheckAllSheets', messyWorkbook, problemsListed),
  {
    name: 'Edit one cell (an asset id made a duplicate)',
    sizes: EDIT_SIZES,
    prepare: setUpWorkbook,
    run: (bundle, rows) => bundle.edit(ASSETS, `A${middleRow(rows)}`, 'ZC-000001'),
  },
  {
    name: 'Paste 500 asset rows (half with a problem)',
    sizes: EDIT_SIZES,
    prepare: setUpWorkbook,
    run: (bundle, rows) => {
      const top = middleRow(rows);
      bundle.edit(ASSETS, `A${top}:${LAST_COLUMN}${top + PASTE.length - 1}`, PASTE);
    },
  },
  menu('Send overdue alerts (daily job)', 'menuSendAlertsNow', mailingWorkbook, mailsSent),
  menu(
    'Send overdue alerts, messy data',
    'menuSendAlertsNow',
    (emu, rows) => mailingWorkbook(emu, rows, messyWorkbook),
    mailsSent,
  ),
  menu('Send weekly digest', 'menuSendDigestNow', mailingWorkbook, mailsSent),
  menu(
    'Send weekly digest, messy data',
    'menuSendDigestNow',
    (emu, rows) => mailingWorkbook(emu, rows, messyWorkbook),
    mailsSent,
  ),
  menu('Generate month', 'menuGenerateMonth', monthWorkbook, tasksWritten),
  menu(
    'Generate month, messy data',
    'menuGenerateMonth',
    (emu, rows) => monthWorkbook(emu, rows, messyWorkbook),
    tasksWritten,
  ),
  {
    name: 'Import an asset ledger: preview',
    sizes: IMPORT_SIZES,
    prepare: ledgerWorkbook,
    run: (bundle) => bundle.run('apiImportPreview', { source: LEDGER, target: 'assets' }),
  },
  {
    name: 'Import an asset ledger: write',
    sizes: IMPORT_SIZES,
    prepare: ledgerWorkbook,
    run: (bundle) => bundle.run('apiImportWrite', { source: LEDGER, target: 'assets' }),
    outcome: (emu) => `${dataRows(emu, 'assets').toLocaleString('en')} assets`,
  },
  menu('Preview safety report (last month)', 'menuPreviewSafetyReport', safetyWorkbook, dialogBytes),
  menu('Send safety report (PDF)', 'menuSendSafetyReport', safetyWorkbook, mailsSent),
  {
    name: 'Print handover lists, every room (300 rooms)',
    sizes: [1_000, 5_000, 10_000],
    prepare: (bundle, rows) => roomsWorkbook(bundle.emu, rows),
    run: (bundle) => bundle.call('menuPrintHandover'),
    outcome: dialogBytes,
  },
  {
    name: 'Start a stocktake (stores and assets)',
    sizes: SIZES,
    prepare: (bundle, rows) => {
      syntheticWorkbook(bundle.emu, rows);
      fillSheet(bundle.emu, 'stocktake', []);
    },
    run: (bundle) => bundle.call('menuStartStocktake'),
    outcome: (emu) => `${dataRows(emu, 'stocktake').toLocaleString('en')} rows`,
  },
  {
    name: 'Print monthly fee accounts',
    sizes: SIZES,
    prepare: (bundle, rows) => {
      syntheticWorkbook(bundle.emu, rows);
      bundle.emu.ui.answerPrompts({ button: 'OK', text: '2026-09' });
    },
    run: (bundle) => bundle.call('menuPrintFeeAccounts'),
    outcome: dialogBytes,
  },
  {
    // A class of an eighth of the payers: its own purchase and the school's order shared out.
    name: 'Print an agency-fee statement (one class)',
    sizes: SIZES,
    prepare: (bundle, rows) => {
      syntheticWorkbook(bundle.emu, rows);
      fillSheet(bundle.emu, 'feeItems', [{ code: 'F01', name: '作业本费', kind: '代办费', standard: 120 }]);
      const day = new Date('2026-09-20T00:00:00+08:00');
      fillSheet(bundle.emu, 'agencySpending', [
        {
          date: day,
          className: '初一(1)班',
          itemCode: 'F01',
          amount: 1000,
          purchase: '作业本',
          handler: '王芳',
        },
        { date: day, itemCode: 'F01', amount: 5000.01, purchase: '作业本', handler: '王芳' },
      ]);
      bundle.emu.ui.answerPrompts({ button: 'OK', text: '初一(1)班' });
    },
    run: (bundle) => bundle.call('menuPrintAgencyStatement'),
    outcome: dialogBytes,
  },
  {
    name: 'Print the count sheet (stocktake under way)',
    sizes: SIZES,
    prepare: (bundle, rows) => {
      syntheticWorkbook(bundle.emu, rows);
      fillSheet(bundle.emu, 'stocktake', []);
      bundle.call('menuStartStocktake');
    },
    run: (bundle) => bundle.call('menuPrintStocktake'),
    outcome: dialogBytes,
  },
  menu('Print the fee notice', 'menuPrintFeeNotice', syntheticWorkbook, dialogBytes),
  menu('Print damage by class (last month, this term)', 'menuPrintDamage', syntheticWorkbook, dialogBytes),
  {
    // What 下载 PDF in the every-room dialog asks: the lists rebuilt from the register, then converted.
    name: 'Download handover lists as PDF, every room (300 rooms)',
    sizes: [1_000, 5_000, 10_000],
    prepare: (bundle, rows) => roomsWorkbook(bundle.emu, rows),
    run: (bundle) => bundle.run('apiDocumentPdf', { kind: 'handover', who: '' }),
  },
];
