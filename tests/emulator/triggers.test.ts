import * as vm from 'node:vm';
import type { Emulator } from '../../emulator';
import { setup } from './helpers';

/** A script in a vm whose globals are the emulator's services; `seen` collects what it observes. */
function script(emu: Emulator, source: string) {
  const seen: unknown[] = [];
  const context = vm.createContext({ ...emu.globals, seen });
  vm.runInContext(source, context);
  const invoke = (name: string, event: Record<string, unknown>) =>
    (context[name] as (e: unknown) => void)(event);
  return { seen, invoke };
}

const DAY = [new Date('2026-09-01T00:00:00Z'), new Date('2026-09-02T00:00:00Z')] as const;

describe('a time-driven trigger, as Apps Script runs it', () => {
  // Sources: https://developers.google.com/apps-script/guides/triggers/installable (it runs under
  // the account of the person who created it); https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
  // (time-driven triggers run in AuthMode.FULL); https://developers.google.com/apps-script/guides/bound
  // (a bound script's getActiveSpreadsheet() is available "from ... triggers");
  // https://developers.google.com/apps-script/guides/triggers/events (the event object).
  test('runs at its time, as its owner, with no person and no UI, on the bound spreadsheet', () => {
    const { emu, g, ss } = setup({ activeUser: 'head@school.example' });
    g.ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(7).create();
    emu.setActiveUser('teacher@school.example');
    const { seen, invoke } = script(
      emu,
      `function job(e) {
        seen.push(e.authMode, e.triggerUid, new Date().toISOString(), Session.getActiveUser().getEmail(),
          Session.getEffectiveUser().getEmail(), SpreadsheetApp.getActiveSpreadsheet().getId());
        SpreadsheetApp.getUi();
      }`,
    );
    const [due] = emu.triggers.due(...DAY);
    const run = emu.triggers.fire(due!, due!.at, invoke);
    expect(seen).toEqual([
      'FULL',
      due!.uid,
      '2026-09-01T23:00:00.000Z',
      '',
      'head@school.example',
      ss.getId(),
    ]);
    expect(run).toMatchObject({ handlerFunction: 'job', status: 'Failed' });
    expect((run.error as Error).message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(emu.triggers.executions).toEqual([run]);
    // The person at the sheet is back once the run is over.
    expect(g.Session.getActiveUser().getEmail()).toBe('teacher@school.example');
    expect(() => g.SpreadsheetApp.getUi()).not.toThrow();
  });

  test('a failed run is recorded and the next trigger due still runs; the clock ends where asked', () => {
    const { emu, g } = setup();
    g.ScriptApp.newTrigger('fails').timeBased().everyDays(1).atHour(6).create();
    g.ScriptApp.newTrigger('works').timeBased().everyDays(1).atHour(7).create();
    const { seen, invoke } = script(
      emu,
      `function fails() { throw new Error('broken'); }
       function works() { seen.push(new Date().toISOString()); }`,
    );
    const runs = emu.triggers.runDue(...DAY, invoke);
    expect(runs.map((r) => `${r.handlerFunction} ${r.status}`)).toEqual(['fails Failed', 'works Completed']);
    expect(seen).toEqual(['2026-09-01T23:00:00.000Z']);
    expect(emu.clock.now().toISOString()).toBe(DAY[1].toISOString());
  });
});

describe('a lock held by another run', () => {
  // Source: https://developers.google.com/apps-script/reference/lock/lock#trylocktimeoutinmillis
  // ("Attempts to acquire the lock, timing out after the provided number of milliseconds").
  test('tryLock waits its whole timeout before giving up; a free lock costs no time', () => {
    const { emu, g } = setup();
    const start = emu.clock.now().getTime();
    emu.lock.holdByOther(true);
    expect(g.LockService.getDocumentLock().tryLock(5_000)).toBe(false);
    expect(emu.clock.now().getTime() - start).toBe(5_000);
    expect(g.LockService.getDocumentLock().tryLock(-100)).toBe(false);
    expect(emu.clock.now().getTime() - start).toBe(5_000);
    emu.lock.holdByOther(false);
    expect(g.LockService.getDocumentLock().tryLock(5_000)).toBe(true);
    expect(emu.clock.now().getTime() - start).toBe(5_000);
  });
});
