import { createEmulator } from '../../emulator';
import { loadBundle } from '../support/bundle';

describe('onOpen and the menu', () => {
  it('builds the add-on menu in Chinese even in AuthMode.NONE, touching no properties', () => {
    const bundle = loadBundle();
    bundle.emu.calls.reset();
    bundle.open('NONE');
    const items = bundle.emu.ui.allMenuItems();
    expect(items.map((i) => i.path[i.path.length - 1])).toContain('初始化工作簿');
    expect(bundle.emu.calls.count('PropertiesService.getDocumentProperties')).toBe(0);
    expect(bundle.emu.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('names only functions that exist in the bundle', () => {
    const bundle = loadBundle();
    bundle.open('LIMITED');
    const items = bundle.emu.ui.allMenuItems();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(typeof bundle.context[item.functionName]).toBe('function');
  });

  it('onInstall builds the same menu as onOpen', () => {
    const bundle = loadBundle();
    const scriptApp = bundle.emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    bundle.call('onInstall', [{ authMode: scriptApp.AuthMode.FULL }]);
    expect(bundle.emu.ui.allMenuItems().length).toBeGreaterThan(0);
  });

  it('speaks English once the office chose English', () => {
    const bundle = loadBundle();
    bundle.open();
    bundle.clickMenu('初始化工作簿');
    bundle.emu.spreadsheet.getSheetByName('设置')!.getRange('B2').setValue('English');
    bundle.clickMenu('初始化工作簿');
    bundle.open();
    const captions = bundle.emu.ui.allMenuItems().map((i) => i.path[i.path.length - 1]);
    expect(captions).toContain('Set up workbook');
  });

  it('follows a language switched in Settings at the next open, without setting up again', () => {
    const bundle = loadBundle();
    bundle.open();
    bundle.clickMenu('初始化工作簿');
    const captions = () => bundle.emu.ui.allMenuItems().map((i) => i.path[i.path.length - 1]);
    const language = bundle.emu.spreadsheet.getSheetByName('设置')!.getRange('B2');
    language.setValue('English');
    bundle.open();
    expect(captions()).toContain("Generate this month's tasks");
    expect(captions()).not.toContain('初始化工作簿');
    // Back to Chinese; and a menu item run in between keeps speaking the Settings language.
    language.setValue('简体中文');
    bundle.open();
    expect(captions()).toContain('初始化工作簿');
    // One read of the Settings sheet, whatever the workbook holds.
    bundle.emu.calls.reset();
    bundle.open();
    expect(bundle.emu.calls.count('Range.getValues')).toBe(1);
  });

  it('runs every menu item without an error dialog on a set-up workbook', () => {
    const bundle = loadBundle(createEmulator());
    bundle.open();
    bundle.clickMenu('初始化工作簿');
    const alertsBefore = bundle.emu.ui.alerts.length;
    for (const item of bundle.emu.ui.allMenuItems()) bundle.call(item.functionName);
    const texts = bundle.emu.ui.alerts.slice(alertsBefore).map((a) => a.prompt);
    for (const t of texts) expect(t).not.toMatch(/出错了|Something went wrong/);
  });
});
