import { createEmulator, Emulator, EmulatorOptions } from '../../emulator';

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
}

export function setup(options?: EmulatorOptions): {
  emu: Emulator;
  g: Services;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
} {
  const emu = createEmulator(options);
  return { emu, g: emu.globals as unknown as Services, ss: emu.spreadsheet };
}

/** The message of the error thrown by fn (fails the test if nothing is thrown). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
