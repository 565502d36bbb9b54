import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../src/core/i18n';
import { DIST } from '../support/bundle';
import { fillSheet, setSetting, syntheticRows } from '../support/workbook';
import { APP_URL, openPage, REQUEST, repairRows, requestWorkbook, ROOM, submit } from './requests.fixture';

const zh = messages('zh-CN').requests;

describe('the request page as doGet serves it', () => {
  it('fills in the room of the QR code and offers only its assets, in the Settings language', () => {
    const bundle = requestWorkbook();
    const { data, html } = openPage(bundle, { room: ROOM });
    expect(data.view).toBe('form');
    expect(data.lang).toBe('zh-CN');
    expect(data.room?.room).toBe(ROOM);
    expect(data.room?.assets.map((a) => a.id)).toEqual(['ZC-001', 'ZC-002']);
    expect(data.account?.email).toBe('teacher@school.example');
    expect(data.account?.name).toBe('张老师');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img|@import|url\(http/i);
    const en = openPage(requestWorkbook({ lang: 'en' }), { room: ROOM }).data;
    expect(en.text.submit).toBe(messages('en').requests.submit);
  });

  it('says a room that does not exist is unknown and offers the list instead', () => {
    const { data } = openPage(requestWorkbook(), { room: '不存在的教室<script>' });
    expect(data.room).toBeNull();
    expect(data.unknownRoom).toBe('不存在的教室<script>');
    expect(data.rooms).toEqual(['初一(1)班', '音乐教室']);
  });

  it('never lets text from the address close its data script', () => {
    const { html } = openPage(requestWorkbook(), { room: '</script><script>alert(1)</script>' });
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it('says on a plain page, in the Settings language, when it cannot open, rather than Google’s error', () => {
    const bundle = requestWorkbook();
    const sheets = bundle.emu.spreadsheet;
    const original = sheets.getSheets.bind(sheets);
    sheets.getSheets = () => {
      throw new Error('Service Spreadsheets failed');
    };
    const out = bundle.call('doGet', [{ parameter: { room: ROOM }, queryString: '' }]) as {
      getContent(): string;
      getTitle(): string;
    };
    sheets.getSheets = original;
    expect(out.getContent()).toContain(zh.unavailable.replace('{message}', 'Service Spreadsheets failed'));
    expect(out.getTitle()).toBe(zh.title);
    expect(openPage(bundle, { room: ROOM }).data.view).toBe('form');
  });

  it('ships one HTML file with no outside resources, under 40 KB', () => {
    const file = readFileSync(join(DIST, 'Request.html'), 'utf8');
    expect(Buffer.byteLength(file)).toBeLessThan(40_000);
    expect(file).not.toContain(messages('zh-CN').sidebar.title);
  });
});

describe('submitting a request', () => {
  it('lands one row with id, reporter, room, asset, 24-hour deadline, status and assignee', () => {
    const bundle = requestWorkbook();
    const result = submit(bundle, REQUEST);
    expect(result).toMatchObject({
      ok: true,
      id: 'BX-20260901-001',
      due: '2026-09-02 08:00',
      duplicate: false,
    });
    const rows = repairRows(bundle).filter((r) => r[0]);
    expect(rows).toHaveLength(1);
    const [id, at, reporter, room, assetId, description, assignee, contractor, deadline, status] = rows[0]!;
    expect([id, reporter, room, assetId, assignee, contractor, status]).toEqual([
      'BX-20260901-001',
      '张老师（初一(1)班）',
      ROOM,
      'ZC-001',
      '李强',
      false,
      '已报修',
    ]);
    expect(String(description)).toContain('投影仪不亮');
    expect((at as Date).toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect((deadline as Date).toISOString()).toBe('2026-09-02T00:00:00.000Z');
  });

  it('e-mails the assignee once and the reporter a receipt with the status link, and logs both', () => {
    const bundle = requestWorkbook();
    const result = submit(bundle, REQUEST);
    const outbox = bundle.emu.mail.outbox;
    expect(outbox.map((m) => m.to).sort()).toEqual(['li@school.example', 'teacher@school.example']);
    const receipt = outbox.find((m) => m.to === 'teacher@school.example')!;
    expect(result.ok && receipt.body).toContain(result.ok ? result.link : '-');
    expect(result.ok && result.link.startsWith(`${APP_URL}?r=BX-20260901-001&t=`)).toBe(true);
    const log = bundle.emu.spreadsheet.getSheetByName('提醒记录')!.getDataRange().getValues().slice(1);
    expect(log.map((r) => [r[1], r[3], r[6]])).toEqual([
      ['li@school.example', 'request:BX-20260901-001', '已发送'],
      ['teacher@school.example', 'request-receipt:BX-20260901-001', '已发送'],
    ]);
  });

  it('sends a safety hazard to the office head too', () => {
    const bundle = requestWorkbook();
    submit(bundle, { ...REQUEST, urgency: 'hazard' });
    const office = bundle.emu.mail.outbox.filter((m) => m.to !== 'teacher@school.example');
    expect(office.map((m) => m.to).sort()).toEqual(['head@school.example', 'li@school.example']);
    expect(office.every((m) => m.subject.startsWith('【安全隐患】'))).toBe(true);
  });

  it('lands one row when the same form is sent twice', () => {
    const bundle = requestWorkbook();
    const first = submit(bundle, REQUEST);
    const second = submit(bundle, REQUEST);
    expect(second).toEqual(first);
    expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(1);
    expect(bundle.emu.mail.outbox).toHaveLength(2);
  });

  it('links an open repair of the same room and asset instead of doubling it', () => {
    const bundle = requestWorkbook();
    submit(bundle, REQUEST);
    const again = submit(bundle, { ...REQUEST, nonce: 'n-2', description: '还是不亮' });
    expect(again).toMatchObject({ ok: true, id: 'BX-20260901-001', duplicate: true });
    expect(again.ok && again.link).toMatch(/^https:.*\?r=BX-20260901-001&t=[\w-]{22}$/);
    expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(1);
    const { data } = openPage(bundle, { room: ROOM });
    expect(data.room?.open).toEqual([
      expect.objectContaining({ id: 'BX-20260901-001', assetId: 'ZC-001', due: '2026-09-02 08:00' }),
    ]);
  });

  it('keeps formulas, scripts and 10,000 characters out of the sheet', () => {
    const bundle = requestWorkbook();
    const long = 'x'.repeat(10_000);
    const refused = submit(bundle, { ...REQUEST, description: long, name: long, contact: long });
    expect(refused).toMatchObject({ ok: false, message: zh.refused });
    expect(!refused.ok && Object.keys(refused.errors ?? {}).sort()).toEqual([
      'contact',
      'description',
      'name',
    ]);
    expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(0);
    const formula = '=HYPERLINK("http://evil.example","点我")';
    const ok = submit(bundle, {
      ...REQUEST,
      description: formula,
      name: '<script>x</script>',
      group: '+SUM(1)',
    });
    expect(ok.ok).toBe(true);
    const sheet = bundle.emu.spreadsheet.getSheetByName('维修记录')!;
    expect(
      sheet
        .getRange(2, 1, 1, 17)
        .getFormulas()[0]!
        .every((f) => f === ''),
    ).toBe(true);
    const row = repairRows(bundle)[0]!;
    expect(String(row[5]).startsWith(formula)).toBe(true);
    expect(row[2]).toBe('<script>x</script>（+SUM(1)）');
    const mail = bundle.emu.mail.outbox.find((m) => m.to === 'li@school.example')!;
    expect(mail.htmlBody).toContain('&lt;script&gt;');
    expect(mail.htmlBody).not.toContain('<script>');
  });

  it('refuses a room that does not exist, and a filled spam trap, writing nothing', () => {
    const bundle = requestWorkbook();
    const nowhere = submit(bundle, { ...REQUEST, room: '火星', assetId: '' });
    expect(nowhere).toMatchObject({ ok: false, errors: { room: expect.stringContaining('火星') } });
    expect(submit(bundle, { ...REQUEST, trap: 'http://spam' })).toMatchObject({
      ok: false,
      message: zh.refused,
    });
    expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(0);
    expect(bundle.emu.mail.outbox).toHaveLength(0);
  });

  it('refuses the 11th request of a visitor within an hour, and takes them again the next hour', () => {
    const bundle = requestWorkbook();
    const results = Array.from({ length: 100 }, (_, i) =>
      submit(bundle, { ...REQUEST, assetId: '', description: `第${i}次`, nonce: `n-${i}` }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results[10]).toMatchObject({ ok: false, message: zh.tooMany });
    expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(10);
    bundle.emu.clock.advance(3_600_000);
    expect(submit(bundle, { ...REQUEST, assetId: '', nonce: 'later' }).ok).toBe(true);
  });

  it('says the workbook is busy and writes nothing when the lock is held', () => {
    const bundle = requestWorkbook();
    bundle.emu.lock.holdByOther(true);
    expect(submit(bundle, REQUEST)).toMatchObject({ ok: false, message: zh.busy });
    bundle.emu.lock.holdByOther(false);
    expect(submit(bundle, REQUEST).ok).toBe(true);
  });

  it('says the repairs sheet is missing rather than losing the request silently', () => {
    const bundle = requestWorkbook();
    bundle.emu.spreadsheet.deleteSheet(bundle.emu.spreadsheet.getSheetByName('维修记录')!);
    expect(submit(bundle, REQUEST)).toMatchObject({ ok: false, message: zh.notSetUp });
  });

  it('makes the same service calls at 100 and at 5,000 repairs', () => {
    const measure = (rows: number) => {
      const bundle = requestWorkbook();
      fillSheet(bundle.emu, 'repairs', syntheticRows('repairs', rows));
      const sheet = bundle.emu.spreadsheet.getSheetByName('维修记录')!;
      sheet.insertRowsAfter(sheet.getMaxRows(), 10);
      bundle.emu.calls.reset();
      openPage(bundle, { room: ROOM });
      const result = submit(bundle, { ...REQUEST, assetId: 'ZC-002' });
      expect(result.ok).toBe(true);
      return bundle.emu.calls.total();
    };
    const small = measure(100);
    expect(measure(5_000)).toBe(small);
    expect(small).toBeLessThan(150);
  });
});

describe('the status page', () => {
  const link = (bundle: ReturnType<typeof requestWorkbook>) => {
    const result = submit(bundle, REQUEST);
    if (!result.ok) throw new Error(result.message);
    const url = new URL(result.link);
    return { r: url.searchParams.get('r')!, t: url.searchParams.get('t')! };
  };

  it('shows received and assigned, then repaired once the office completes it, and tells the reporter', () => {
    const bundle = requestWorkbook();
    const params = link(bundle);
    const before = openPage(bundle, params).data;
    expect(before.view).toBe('status');
    expect(before.progress?.steps).toEqual([
      { key: 'received', at: '2026-09-01 08:00' },
      { key: 'assigned', at: '2026-09-01 08:00' },
      { key: 'repaired', at: '' },
    ]);
    bundle.emu.clock.advance(5 * 3_600_000);
    const done = bundle.run('apiSubmitCompleteRepair', { repairId: params.r, cause: 'wear' }) as {
      ok: boolean;
    };
    expect(done.ok).toBe(true);
    expect(openPage(bundle, params).data.progress?.steps[2]).toEqual({
      key: 'repaired',
      at: '2026-09-01 13:00',
    });
    const told = bundle.emu.mail.outbox.filter((m) => m.subject === `报修已修好：${params.r}`);
    expect(told.map((m) => m.to)).toEqual(['teacher@school.example']);
    // The daily run does not tell them twice.
    bundle.call('onDailyTrigger');
    expect(bundle.emu.mail.outbox.filter((m) => m.subject.startsWith('报修已修好'))).toHaveLength(1);
  });

  it('a request turned down by typing in the sheet says why, through the daily run', () => {
    const bundle = requestWorkbook();
    const params = link(bundle);
    const sheet = bundle.emu.spreadsheet.getSheetByName('维修记录')!;
    sheet.getRange('J2').setValue('已取消');
    sheet.getRange('Q2').setValue('属于个人物品，不在学校维修范围');
    bundle.call('onDailyTrigger');
    const mail = bundle.emu.mail.outbox.find((m) => m.subject === `报修未受理：${params.r}`)!;
    expect(mail.body).toContain('属于个人物品，不在学校维修范围');
    expect(openPage(bundle, params).data.progress?.declined).toBe('属于个人物品，不在学校维修范围');
  });

  it('refuses a forged or altered token and shows nothing of the workbook', () => {
    const bundle = requestWorkbook();
    const params = link(bundle);
    for (const forged of [
      { r: params.r, t: 'A'.repeat(22) },
      { r: 'BX-20260901-002', t: params.t },
      { r: params.r, t: '' },
      { r: params.r },
    ]) {
      const { data, html } = openPage(bundle, forged as Record<string, string>);
      expect(data.view).toBe('badLink');
      expect(data.progress).toBeNull();
      expect(html).not.toContain('投影仪不亮');
    }
    const { html } = openPage(bundle, params);
    expect(html).not.toContain('投影仪不亮');
    expect(html).not.toContain('13800138000');
  });
});

describe('visitors Google does not identify, and the limits that still hold', () => {
  it('takes a report without an account, with a receipt only when the contact is an e-mail', () => {
    const bundle = requestWorkbook({ activeUser: '' });
    expect(openPage(bundle, { room: ROOM }).data.account).toBeNull();
    expect(submit(bundle, { ...REQUEST, contact: '13800138000' }).ok).toBe(true);
    expect(bundle.emu.mail.outbox.map((m) => m.to)).toEqual(['li@school.example']);
    expect(
      submit(bundle, { ...REQUEST, assetId: 'ZC-002', nonce: 'n-2', contact: 'parent@example.com' }).ok,
    ).toBe(true);
    expect(bundle.emu.mail.outbox.map((m) => m.to)).toContain('parent@example.com');
  });

  it('refuses the 21st report of one place within an hour, whoever sends it', () => {
    const bundle = requestWorkbook();
    const results = Array.from({ length: 25 }, (_, i) => {
      bundle.emu.setActiveUser(`visitor${i}@school.example`);
      return submit(bundle, { ...REQUEST, assetId: '', nonce: `room-${i}` });
    });
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results[20]).toMatchObject({ ok: false, message: zh.tooMany });
    expect(submit(bundle, { ...REQUEST, room: '音乐教室', assetId: '', nonce: 'other-room' }).ok).toBe(true);
  });

  it('still lands the row when the day’s mail quota is spent, and logs the e-mails as waiting', () => {
    const bundle = requestWorkbook();
    bundle.emu.mail.setQuota(0);
    expect(submit(bundle, REQUEST).ok).toBe(true);
    expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(1);
    const log = bundle.emu.spreadsheet.getSheetByName('提醒记录')!.getDataRange().getValues().slice(1);
    expect(log.map((r) => r[6])).toEqual(['待发送', '待发送']);
  });
});

describe('the office side', () => {
  it('counts a web report on the sidebar dashboard until someone starts on it', () => {
    const bundle = requestWorkbook();
    submit(bundle, REQUEST);
    const count = () =>
      (bundle.run('apiSidebarData') as { dashboard: { key: string; count: number }[] }).dashboard.find(
        (c) => c.key === 'newRequests',
      )!.count;
    expect(count()).toBe(1);
    bundle.emu.spreadsheet.getSheetByName('维修记录')!.getRange('J2').setValue('维修中');
    expect(count()).toBe(0);
  });

  it('says in the weekly digest how many reports nobody has started on', () => {
    const bundle = requestWorkbook();
    setSetting(bundle.emu, '后勤处邮件列表', 'office@school.example');
    submit(bundle, REQUEST);
    submit(bundle, { ...REQUEST, assetId: 'ZC-002', nonce: 'n-2' });
    bundle.emu.spreadsheet.getSheetByName('维修记录')!.getRange('J3').setValue('维修中');
    bundle.call('menuSendDigestNow');
    const digest = bundle.emu.mail.outbox.find((m) => m.to === 'office@school.example')!;
    expect(digest.body).toContain('新报修 1 件尚未派工处理');
  });
});
