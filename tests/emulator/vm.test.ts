import * as vm from 'node:vm';
import { createEmulator } from '../../emulator';

describe('running a bundle in a vm context', () => {
  test('Date is clock-aware and values are instances of it', () => {
    const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00' });
    const sheet = emu.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').setValue('2026-03-05');
    const context = vm.createContext({ ...emu.globals });
    vm.runInContext(
      `function probe() {
        const v = SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValues()[0][0];
        return { now: new Date().toISOString(), nowMs: Date.now(), isDate: v instanceof Date,
                 withArgs: new Date(2020, 0, 1) instanceof Date, iso: v.toISOString(),
                 user: Session.getActiveUser().getEmail() };
      }`,
      context,
    );
    const r1 = vm.runInContext('probe()', context) as Record<string, unknown>;
    expect(r1).toEqual({
      now: '2026-09-01T00:00:00.000Z',
      nowMs: Date.parse('2026-09-01T00:00:00Z'),
      isDate: true,
      withArgs: true,
      iso: '2026-03-04T16:00:00.000Z',
      user: 'head@school.example',
    });
    emu.clock.advanceDays(2);
    expect(vm.runInContext('new Date().toISOString()', context)).toBe('2026-09-03T00:00:00.000Z');
    // Dates created inside the vm can be written back
    vm.runInContext(
      `SpreadsheetApp.getActive().getSheets()[0].getRange('B1').setValue(new Date(2026, 8, 10))`,
      context,
    );
    expect(sheet.getRange('B1').getValue()).toBeInstanceOf(Date);
    expect(emu.calls.count('Range.getValues')).toBe(1);
  });

  // Its speed is shown by `npm run bench`, not asserted here: a timed test fails on a loaded machine.
  test('a 50,000 x 15 sheet reads back whole in one call, dates as dates', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.insertSheet('Big');
    sheet.insertRowsAfter(1000, 49_000);
    const rows: unknown[][] = [];
    const d = new Date('2026-03-05T00:00:00+08:00');
    for (let i = 0; i < 50_000; i++) {
      rows.push([`A${i}`, i, d, 'x', 'y', 1.5, true, '', 'z', i * 2, 'a', 'b', 'c', 'd', d]);
    }
    const range = sheet.getRange(1, 1, 50_000, 15);
    range.setValues(rows);
    emu.calls.reset();
    const values = range.getValues();
    expect(values).toHaveLength(50_000);
    expect(values[49_999]![2]).toBeInstanceOf(Date);
    expect(values[49_999]![9]).toBe(99_998);
    expect(emu.calls.total()).toBe(1);
    expect(emu.calls.cellsRead()).toBe(750_000);
  });
});

describe('isolation and clock class', () => {
  test('two emulators count calls and keep clocks separately', () => {
    const a = createEmulator({ now: '2026-01-01T00:00:00Z' });
    const b = createEmulator({ now: '2027-01-01T00:00:00Z' });
    a.spreadsheet.getSheets()[0]!.getRange('A1').getValue();
    expect(a.calls.count('Range.getValue')).toBe(1);
    expect(b.calls.count('Range.getValue')).toBe(0);
    const DateA = a.globals.Date as DateConstructor;
    const DateB = b.globals.Date as DateConstructor;
    expect(new DateA().getUTCFullYear()).toBe(2026);
    expect(new DateB().getUTCFullYear()).toBe(2027);
    expect(new DateA(0).getTime()).toBe(0);
    expect(new DateA(2026, 0, 2, 3)).toBeInstanceOf(Date);
    expect(typeof (DateA as unknown as () => string)()).toBe('string');
    expect(DateA.UTC(2026, 0, 1)).toBe(Date.UTC(2026, 0, 1));
  });

  test('time-driven context: no UI, no active user, FULL auth; clockEvent', () => {
    const emu = createEmulator();
    const g = emu.globals as { ScriptApp: GoogleAppsScript.Script.ScriptApp };
    g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    const [due] = emu.triggers.due(new Date('2026-09-01T00:00:00Z'), new Date('2026-09-02T00:00:00Z'));
    expect(due!.at.toISOString()).toBe('2026-09-01T23:00:00.000Z');
    const ev = emu.triggers.clockEvent(due!, due!.at);
    expect(ev).toMatchObject({ authMode: 'FULL', triggerUid: due!.uid, hour: 23, timezone: 'UTC' });
    emu.setActiveUser('');
    emu.setUiAvailable(false);
    const ctx = vm.createContext({ ...emu.globals });
    expect(vm.runInContext('Session.getActiveUser().getEmail()', ctx)).toBe('');
    expect(() => vm.runInContext('SpreadsheetApp.getUi()', ctx)).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  test('getSheetValues', () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getSheets()[0]!;
    sh.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sh.getSheetValues(1, 1, -1, -1)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
