import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulator } from '../../emulator';
import { errorOf, setup } from './helpers';

describe('Ui', () => {
  test('menus are recorded; addToUi replaces a menu with the same caption', () => {
    const { emu, g } = setup({ addonName: '后勤' });
    const build = (): void => {
      const ui = g.SpreadsheetApp.getUi();
      ui.createAddonMenu()
        .addItem('打开侧栏', 'showSidebar')
        .addSeparator()
        .addSubMenu(ui.createMenu('设置').addItem('初始化', 'setup'))
        .addToUi();
    };
    build();
    build();
    expect(emu.ui.menus).toHaveLength(1);
    expect(emu.ui.menus[0]!.addon).toBe(true);
    expect(emu.ui.menus[0]!.caption).toBe('后勤');
    expect(emu.ui.menus[0]!.items[1]).toEqual({ separator: true });
    expect(emu.ui.findMenuItem(['后勤', '设置', '初始化'])).toEqual({
      caption: '初始化',
      functionName: 'setup',
    });
    expect(emu.ui.allMenuItems().map((i) => i.functionName)).toEqual(['showSidebar', 'setup']);
  });

  test('prompts and alerts return scripted answers, defaults otherwise', () => {
    const { emu, g } = setup();
    const ui = g.SpreadsheetApp.getUi();
    emu.ui.answerPrompts({ button: 'OK', text: '2026-09' });
    const r = ui.prompt('月份', '请输入月份', ui.ButtonSet.OK_CANCEL);
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    expect(r.getResponseText()).toBe('2026-09');
    const r2 = ui.prompt('again');
    expect(r2.getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(r2.getResponseText()).toBe('');
    emu.ui.answerAlerts('NO');
    expect(ui.alert('标题', '确定吗?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('hi')).toBe(ui.Button.OK);
    expect(emu.ui.alerts).toEqual([
      { title: '标题', prompt: '确定吗?', buttons: 'YES_NO' },
      { prompt: 'hi' },
    ]);
  });

  test('sidebars, dialogs, toasts and HtmlService', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-'));
    fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<p>hi</p>');
    const { emu, g, ss } = setup({ distDir: dir });
    const out = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('后勤').setWidth(320);
    g.SpreadsheetApp.getUi().showSidebar(out);
    expect(emu.ui.sidebars).toEqual([{ title: '后勤', html: '<p>hi</p>', width: 320 }]);
    g.SpreadsheetApp.getUi().showModalDialog(
      g.HtmlService.createHtmlOutput('<b>x</b>').appendUntrusted('<i>'),
      '导出',
    );
    expect(emu.ui.dialogs[0]).toMatchObject({ title: '导出', html: '<b>x</b>&lt;i&gt;' });
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow();
    const t = g.HtmlService.createTemplate('<?= name ?>|<?!= raw ?>|<? for (let i=0;i<2;i++) { ?>x<? } ?>');
    (t as unknown as Record<string, unknown>).name = '<b>';
    (t as unknown as Record<string, unknown>).raw = '<b>';
    expect(t.evaluate().getContent()).toBe('&lt;b&gt;|<b>|xx');
    ss.toast('已保存', '后勤', 3);
    expect(emu.ui.toasts).toEqual([{ msg: '已保存', title: '后勤', timeout: 3 }]);
  });

  test('getUi throws in a time-driven context', () => {
    const { emu, g } = setup();
    emu.ui.available = false;
    expect(errorOf(() => g.SpreadsheetApp.getUi())).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    emu.setUiAvailable(true);
    expect(g.SpreadsheetApp.getUi()).toBeDefined();
  });
});

describe('auth modes', () => {
  test('NONE: no document, no properties, no mail; menus allowed', () => {
    const { emu, g } = setup();
    emu.authMode.set('NONE');
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => g.SpreadsheetApp.getActive()).toThrow(/permission/);
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/permission/);
    expect(() => g.MailApp.sendEmail('a@b.example', 's', 'b')).toThrow(/permission/);
    g.SpreadsheetApp.getUi().createMenu('M').addItem('x', 'x').addToUi();
    expect(emu.ui.menus).toHaveLength(1);
    expect(emu.calls.count('PropertiesService.getDocumentProperties')).toBe(1);
  });

  test('LIMITED: properties and the sheet, but no mail and no triggers', () => {
    const { emu, g } = setup();
    emu.authMode.set('LIMITED');
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(g.SpreadsheetApp.getActive().getSheets()).toHaveLength(1);
    expect(errorOf(() => g.MailApp.sendEmail('a@b.example', 's', 'b'))).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => g.ScriptApp.newTrigger('f')).toThrow(/permission/);
    expect(emu.authMode.get()).toBe('LIMITED');
  });
});

describe('PropertiesService', () => {
  test('stores, nulls, bulk set and live views', () => {
    const { emu, g } = setup();
    const p = g.PropertiesService.getDocumentProperties();
    expect(p.getProperty('x')).toBeNull();
    p.setProperty('x', '1').setProperties({ y: '2', z: 3 as unknown as string });
    expect(p.getProperties()).toEqual({ x: '1', y: '2', z: '3' });
    expect(emu.properties.document).toEqual({ x: '1', y: '2', z: '3' });
    p.setProperties({ y: 'n' }, true);
    expect(p.getKeys()).toEqual(['y']);
    p.deleteProperty('y');
    g.PropertiesService.getUserProperties().setProperty('u', '1');
    g.PropertiesService.getScriptProperties().setProperty('s', '1');
    expect(emu.properties.user).toEqual({ u: '1' });
    expect(emu.properties.script).toEqual({ s: '1' });
    g.PropertiesService.getUserProperties().deleteAllProperties();
    expect(emu.properties.user).toEqual({});
    expect(emu.properties.document).toEqual({});
  });

  test('9 KB per value and 500 KB per store', () => {
    const { g } = setup();
    const p = g.PropertiesService.getScriptProperties();
    expect(errorOf(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1)))).toBe('Argument too large: value');
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => {
      for (let i = 0; i < 60; i++) p.setProperty('k' + i, 'y'.repeat(9000));
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
  });
});

describe('LockService', () => {
  test('contention, tryLock, release', () => {
    const { emu, g } = setup();
    const lock = g.LockService.getDocumentLock();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(emu.lock.isHeld()).toBe(true);
    expect(g.LockService.getDocumentLock().tryLock(100)).toBe(false);
    lock.releaseLock();
    expect(emu.lock.isHeld()).toBe(false);
    emu.lock.holdByOther(true);
    const l2 = g.LockService.getDocumentLock();
    expect(l2.tryLock(1000)).toBe(false);
    expect(errorOf(() => l2.waitLock(1000))).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    emu.lock.holdByOther(false);
    expect(l2.tryLock(1000)).toBe(true);
  });
});

describe('ScriptApp triggers', () => {
  test('create, list, delete, limit of 20', () => {
    const { emu, g, ss } = setup();
    const t = g.ScriptApp.newTrigger('dailyDigest').timeBased().atHour(7).everyDays(1).create();
    g.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect(g.ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual([
      'dailyDigest',
      'onEditInstalled',
    ]);
    expect(t.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    const edit = g.ScriptApp.getUserTriggers(ss)[0]!;
    expect(edit.getEventType()).toBe(g.ScriptApp.EventType.ON_EDIT);
    expect(edit.getTriggerSourceId()).toBe(ss.getId());
    g.ScriptApp.deleteTrigger(t);
    expect(emu.triggers.list()).toHaveLength(1);
    for (let i = 0; i < 19; i++)
      g.ScriptApp.newTrigger('f' + i)
        .timeBased()
        .everyHours(1)
        .create();
    expect(errorOf(() => g.ScriptApp.newTrigger('x').timeBased().everyHours(1).create())).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('due() lists fire instants in the trigger zone, in order', () => {
    const { emu, g } = setup({ now: '2026-09-01T08:00:00+08:00' });
    g.ScriptApp.newTrigger('daily').timeBased().atHour(7).nearMinute(30).everyDays(1).create();
    g.ScriptApp.newTrigger('weekly').timeBased().onWeekDay(g.ScriptApp.WeekDay.MONDAY).atHour(8).create();
    g.ScriptApp.newTrigger('monthly').timeBased().onMonthDay(1).atHour(6).create();
    g.ScriptApp.newTrigger('once')
      .timeBased()
      .after(60 * 60 * 1000)
      .create();
    const due = emu.triggers.due(new Date('2026-09-01T00:00:00Z'), new Date('2026-09-08T00:00:00Z'));
    expect(due.map((d) => [d.handlerFunction, d.at.toISOString()])).toEqual([
      ['once', '2026-09-01T01:00:00.000Z'],
      ['daily', '2026-09-01T23:30:00.000Z'],
      ['daily', '2026-09-02T23:30:00.000Z'],
      ['daily', '2026-09-03T23:30:00.000Z'],
      ['daily', '2026-09-04T23:30:00.000Z'],
      ['daily', '2026-09-05T23:30:00.000Z'],
      ['daily', '2026-09-06T23:30:00.000Z'],
      ['weekly', '2026-09-07T00:00:00.000Z'],
      ['daily', '2026-09-07T23:30:00.000Z'],
    ]);
    const monthly = emu.triggers.due(new Date('2026-09-02T00:00:00Z'), new Date('2026-10-31T00:00:00Z'));
    expect(monthly.filter((d) => d.handlerFunction === 'monthly').map((d) => d.at.toISOString())).toEqual([
      '2026-09-30T22:00:00.000Z',
    ]);
  });
});

describe('MailApp', () => {
  test('outbox, per-recipient quota, failNext, invalid address', () => {
    const { emu, g } = setup({ mailQuota: 5 });
    g.MailApp.sendEmail('a@school.example', '主题', '正文', {
      cc: 'b@school.example, c@school.example',
      name: '后勤',
    });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(2);
    g.MailApp.sendEmail({ to: 'd@school.example', subject: 's', body: 'b', htmlBody: '<b>b</b>' });
    expect(emu.mail.outbox).toHaveLength(2);
    expect(emu.mail.outbox[0]).toMatchObject({
      to: 'a@school.example',
      cc: 'b@school.example, c@school.example',
      name: '后勤',
    });
    expect(emu.mail.outbox[1]!.sentAt.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(errorOf(() => g.MailApp.sendEmail('x@s.example,y@s.example', 's', 'b'))).toBe(
      'Service invoked too many times for one day: email.',
    );
    expect(emu.mail.outbox).toHaveLength(2);
    expect(errorOf(() => g.MailApp.sendEmail('not-an-email', 's', 'b'))).toBe('Invalid email: not-an-email');
    emu.mail.setQuota(100);
    emu.mail.failNext(1, 'boom');
    expect(errorOf(() => g.MailApp.sendEmail('e@school.example', 's', 'b'))).toBe('boom');
    g.MailApp.sendEmail('e@school.example', 's', 'b');
    expect(emu.mail.outbox).toHaveLength(3);
    emu.clock.advanceDays(1);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
  });
});

describe('Session, Utilities, Logger, clock', () => {
  test('Session users and zones', () => {
    const { emu, g } = setup();
    expect(g.Session.getActiveUser().getEmail()).toBe('head@school.example');
    emu.setActiveUser('');
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('head@school.example');
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Shanghai');
  });

  test('Utilities.formatDate uses Java patterns and the given zone', () => {
    const { g } = setup();
    const d = new Date('2026-03-05T16:07:09Z');
    expect(g.Utilities.formatDate(d, 'Asia/Shanghai', "yyyy-MM-dd HH:mm:ss 'at' EEE EEEE a Z XXX")).toBe(
      '2026-03-06 00:07:09 at Fri Friday AM +0800 +08:00',
    );
    expect(g.Utilities.formatDate(d, 'UTC', 'yy/M/d h:mm a')).toBe('26/3/5 4:07 PM');
    expect(g.Utilities.formatDate(d, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm XXX')).toBe(
      '2026-03-05 08:07 -08:00',
    );
    expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('sleep advances the clock; Logger collects', () => {
    const { emu, g } = setup();
    const before = emu.clock.now().getTime();
    g.Utilities.sleep(1500);
    expect(emu.clock.now().getTime() - before).toBe(1500);
    emu.clock.set('2026-01-01T00:00:00Z');
    expect(emu.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    g.Logger.log('x=%s', 5);
    expect(emu.logs).toEqual(['x=5']);
  });
});

describe('call counting', () => {
  test('every public method call is counted by Class.method', () => {
    const { emu, g } = setup();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const sh = ss.getSheets()[0]!;
    sh.getRange(1, 1, 2, 2).getValues();
    sh.getRange('A1').setValue(1);
    g.PropertiesService.getDocumentProperties().getProperty('x');
    expect(emu.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(emu.calls.count('Sheet.getRange')).toBe(2);
    expect(emu.calls.count('Range.getValues')).toBe(1);
    expect(emu.calls.count('Range.setValue')).toBe(1);
    expect(emu.calls.count('Properties.getProperty')).toBe(1);
    const snap = emu.calls.snapshot();
    sh.getRange('A1').getValue();
    expect(emu.calls.since(snap)).toEqual({ 'Sheet.getRange': 1, 'Range.getValue': 1 });
    expect(emu.calls.count()).toBe(emu.calls.total());
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });
});

describe('edit()', () => {
  test('types as a user and returns the onEdit event', () => {
    const { emu, g, ss } = setup();
    const sh = ss.insertSheet('资产');
    sh.getRange('A2').setValue('old');
    const e = emu.edit('资产', 'A2', '00123');
    expect(sh.getRange('A2').getValue()).toBe(123);
    expect(e.value).toBe('123');
    expect(e.oldValue).toBe('old');
    expect(e.range.getA1Notation()).toBe('A2');
    expect(e.source.getId()).toBe(ss.getId());
    expect(e.user.getEmail()).toBe('head@school.example');
    expect(e.authMode).toBe(g.ScriptApp.AuthMode.LIMITED);
    const multi = emu.edit('资产', 'A3:B3', [['x', 'TRUE']]);
    expect(multi.value).toBeUndefined();
    expect(sh.getRange('B3').getValue()).toBe(true);
    sh.getRange('C:C').setNumberFormat('@');
    emu.edit('资产', 'C2', '00123');
    expect(sh.getRange('C2').getValue()).toBe('00123');
  });

  // Source: https://tanaikech.github.io/2017/07/20/benchmark-event-objects-for-google-apps-script/ (JSON.stringify(e)
  // of a live onEdit event: "range":{"columnStart":1,"rowStart":1,"rowEnd":1,"columnEnd":1});
  // https://developers.google.com/apps-script/guides/triggers/events. Not a shared case: a case cannot fire an edit.
  test("the event's range carries its bounds as plain properties, and the edited tab is the active sheet", () => {
    const { emu, ss } = setup();
    ss.insertSheet('资产');
    ss.insertSheet('其他');
    const e = emu.edit('资产', 'B3:D7', '');
    emu.calls.reset();
    const range = e.range as unknown as Record<string, unknown>;
    expect([range.rowStart, range.rowEnd, range.columnStart, range.columnEnd]).toEqual([3, 7, 2, 4]);
    expect(emu.calls.total()).toBe(0);
    expect(e.source.getSheetName()).toBe('资产');
    expect(e.source.getActiveSheet().getName()).toBe('资产');
  });
});

describe('cells read', () => {
  it('counts the cells a script reads through range getters, and resets with the call counts', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C4').getValues();
    sheet.getRange('B2').getValue();
    sheet.getRange('A1:B2').getFormulas();
    sheet.getRange('A1:D1').setValues([[1, 2, 3, 4]]);
    expect(emu.calls.cellsRead()).toBe(12 + 1 + 4);
    emu.calls.reset();
    expect(emu.calls.cellsRead()).toBe(0);
  });
});

describe("Blob.getAs('application/pdf'), Utilities.base64Encode and attachments, as a document's PDF uses them", () => {
  // https://developers.google.com/apps-script/reference/base/blob-source#getAs(String): "adds the
  // appropriate extension to the filename … 'ShoppingList.12.25.2014' becomes 'ShoppingList.12.25.pdf'".
  test('getAs names the PDF as the reference says and keeps the source page in the bytes', () => {
    const { g } = setup();
    const html = '<!DOCTYPE html><html><body><h1>财产交接单</h1></body></html>';
    const pdf = g.Utilities.newBlob(html, 'text/html', '财产交接单-三年级2班.html').getAs('application/pdf');
    expect([pdf.getName(), pdf.getContentType()]).toEqual(['财产交接单-三年级2班.pdf', 'application/pdf']);
    expect(
      g.Utilities.newBlob(html, 'text/html', 'ShoppingList.12.25.2014').getAs('application/pdf').getName(),
    ).toBe('ShoppingList.12.25.pdf');
    const bytes = Buffer.from(pdf.getBytes());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(bytes.toString('utf8')).toContain('<h1>财产交接单</h1>');
    expect(() => g.Utilities.newBlob(html, 'text/html', 'a.html').getAs('image/png')).toThrow(
      /not supported/,
    );
  });

  // https://developers.google.com/apps-script/reference/utilities/utilities#base64Encode(Byte): the
  // bytes Blob.getBytes() returns are Java's signed bytes; their base64 is that of the unsigned bytes.
  test('base64Encode of a PDF blob’s signed bytes decodes to the same bytes', () => {
    const { g } = setup();
    const pdf = g.Utilities.newBlob('<p>é</p>', 'text/html', 'x.html').getAs('application/pdf');
    const signed = pdf.getBytes();
    expect(signed.some((b) => b < 0)).toBe(true);
    const decoded = Buffer.from(g.Utilities.base64Encode(signed), 'base64');
    expect([...decoded]).toEqual(signed.map((b) => b & 0xff));
  });

  // https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object): attachments is
  // "an array of files to send with the email" (BlobSource[]).
  test('sendEmail carries the PDF as an attachment: its name, type and size', () => {
    const { emu, g } = setup();
    const pdf = g.Utilities.newBlob('<h1>盘点表</h1>', 'text/html', '盘点表.html').getAs('application/pdf');
    g.MailApp.sendEmail({ to: 'head@school.example', subject: '盘点表', body: '附件', attachments: [pdf] });
    const sent = emu.mail.outbox[0]!.attachments!;
    expect(sent).toEqual([
      {
        name: '盘点表.pdf',
        contentType: 'application/pdf',
        size: pdf.getBytes().length,
        html: '<h1>盘点表</h1>',
      },
    ]);
    expect(
      errorOf(() =>
        g.MailApp.sendEmail({
          to: 'head@school.example',
          subject: 's',
          body: 'b',
          attachments: ['<h1>'] as never,
        }),
      ),
    ).toMatch(/attachments/);
    expect(emu.mail.outbox).toHaveLength(1);
  });
});
