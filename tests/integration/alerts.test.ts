import { createEmulator } from '../../emulator';
import { loadBundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';
import {
  HEAD,
  alertLog,
  at,
  linkedRows,
  overdueWorkbook,
  runTriggers,
  setSetting,
  settingValue,
} from './alerts.fixture';

const byRecipient = (outbox: { to: string; body: string }[]) =>
  Object.fromEntries(outbox.map((m) => [m.to, m.body]));

describe('overdue alerts through the bundle', () => {
  it('turns automation on once: three triggers, stored workbook id, no duplicates, off removes only ours', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    const scriptApp = emu.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    scriptApp.newTrigger('someoneElse').timeBased().everyHours(1).create();
    bundle.clickMenu('启用/停用自动提醒');
    const handlers = () =>
      emu.triggers
        .list()
        .map((t) => t.handlerFunction)
        .sort();
    expect(handlers()).toEqual(['onDailyTrigger', 'onMonthlyTrigger', 'onWeeklyTrigger', 'someoneElse']);
    const weekly = emu.triggers.list().find((t) => t.handlerFunction === 'onWeeklyTrigger')!;
    expect(weekly.schedule).toMatchObject({
      weekDay: 'MONDAY',
      hour: 7,
      minute: 30,
      timeZone: 'Asia/Shanghai',
    });
    expect(String(settingValue(emu, '自动提醒状态'))).toMatch(/^已启用/);
    // Off and on again: still exactly one trigger of each.
    bundle.clickMenu('启用/停用自动提醒');
    bundle.clickMenu('启用/停用自动提醒');
    expect(handlers()).toHaveLength(4);
    bundle.clickMenu('启用/停用自动提醒');
    expect(handlers()).toEqual(['someoneElse']);
    expect(String(settingValue(emu, '自动提醒状态'))).toMatch(/^已停用/);
  });

  it('sends one e-mail per person, not again the same day, again after the interval, and escalates', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    bundle.clickMenu('启用/停用自动提醒');
    const ran = runTriggers(bundle, at('2026-09-10', 6), at('2026-09-10', 8));
    expect(ran).toEqual(['onDailyTrigger']);
    expect(emu.mail.outbox.map((m) => m.to).sort()).toEqual([
      'li@school.example',
      'wang@school.example',
      'zhang@school.example',
    ]);
    const first = byRecipient(emu.mail.outbox);
    expect(linkedRows(first['wang@school.example']!)).toEqual([2]);
    expect(first['wang@school.example']).toContain('灯管不亮');
    expect(first['li@school.example']).toContain('检查门窗');
    expect(first['zhang@school.example']).toContain('WZ-1');
    expect(emu.mail.outbox[0]!.htmlBody).toContain('#gid=');
    expect(String(settingValue(emu, '逾期提醒上次运行'))).toContain('发送 3 封');

    // Same day, from the menu: nothing new.
    bundle.clickMenu('立即发送逾期提醒');
    expect(emu.mail.outbox).toHaveLength(3);

    // Next morning: only the repair (daily interval) goes again.
    runTriggers(bundle, at('2026-09-10', 8), at('2026-09-11', 8));
    expect(emu.mail.outbox.slice(3).map((m) => m.to)).toEqual(['wang@school.example']);

    // 12th: the loan is 4 days late (> 3): the head gets it, escalated.
    runTriggers(bundle, at('2026-09-11', 8), at('2026-09-12', 8));
    const day3 = emu.mail.outbox.slice(4);
    expect(day3.map((m) => m.to).sort()).toEqual([HEAD, 'wang@school.example']);
    expect(day3.find((m) => m.to === HEAD)!.body).toContain('WZ-1');
    expect(day3.find((m) => m.to === HEAD)!.body).toContain('已报总务主任');
    expect(
      alertLog(emu)
        .filter((r) => r.escalated)
        .map((r) => r.recipient),
    ).toEqual([HEAD]);
  });

  it('spends a quota of 2 on the most urgent, leaves the third pending and sends it next run', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    emu.mail.setQuota(2);
    bundle.clickMenu('立即发送逾期提醒');
    // Most urgent first: the loan (2 days), then by address.
    expect(emu.mail.outbox.map((m) => m.to)).toEqual(['zhang@school.example', 'li@school.example']);
    expect(alertLog(emu).map((r) => [r.recipient, r.status])).toEqual([
      ['zhang@school.example', '已发送'],
      ['li@school.example', '已发送'],
      ['wang@school.example', '待发送'],
    ]);
    emu.clock.set(at('2026-09-11', 7));
    bundle.clickMenu('立即发送逾期提醒');
    expect(emu.mail.outbox.slice(2).map((m) => m.to)).toEqual(['wang@school.example']);
    // The pending row was settled in place: nothing doubled.
    expect(alertLog(emu).map((r) => [r.recipient, r.status])).toEqual([
      ['zhang@school.example', '已发送'],
      ['li@school.example', '已发送'],
      ['wang@school.example', '已发送'],
    ]);
  });

  it('logs a throwing sendEmail as failed, not sent, and sends it on the next run', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    emu.mail.failNext(1);
    bundle.clickMenu('立即发送逾期提醒');
    expect(emu.mail.outbox).toHaveLength(2);
    const failed = alertLog(emu).filter((r) => r.status === '发送失败');
    expect(failed.map((r) => r.recipient)).toEqual(['zhang@school.example']);
    bundle.clickMenu('立即发送逾期提醒');
    expect(emu.mail.outbox.map((m) => m.to)).toContain('zhang@school.example');
    expect(alertLog(emu).filter((r) => r.status === '已发送')).toHaveLength(3);
  });

  it('escapes hostile cell values in the e-mail', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const bundle = overdueWorkbook((emu) =>
      fillSheet(emu, 'tasks', [
        { taskId: 'T1', dueDate: at('2026-09-09', 0), title: hostile, assignee: '李强', status: '待办' },
      ]),
    );
    bundle.clickMenu('立即发送逾期提醒');
    const mail = bundle.emu.mail.outbox.find((m) => m.to === 'li@school.example')!;
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.body).toContain(hostile);
  });

  it('writes subject and body in the Settings language', () => {
    const bundle = overdueWorkbook((emu) => setSetting(emu, '界面语言', 'English'));
    bundle.clickMenu('立即发送逾期提醒');
    expect(bundle.emu.mail.outbox[0]!.subject).toMatch(/overdue items/);
  });

  it('keeps service calls independent of row counts and sends one e-mail per recipient', () => {
    const calls = (rows: number) => {
      const emu = createEmulator({ now: at('2026-09-10', 7) });
      const bundle = loadBundle(emu);
      bundle.open();
      bundle.clickMenu('初始化工作簿');
      setSetting(emu, '总务主任邮箱', HEAD);
      fillSheet(emu, 'roster', syntheticRows('roster', 8));
      // A third of these repairs are open and late, assigned to nobody: all go to the head.
      fillSheet(emu, 'repairs', syntheticRows('repairs', rows));
      emu.calls.reset();
      bundle.clickMenu('立即发送逾期提醒');
      expect(emu.calls.count('MailApp.sendEmail')).toBe(1);
      return emu.calls.total();
    };
    expect(calls(5000)).toBe(calls(100));
  });

  it('loses and doubles nothing over 30 days of daily runs with a tight quota and failures', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    bundle.clickMenu('启用/停用自动提醒');
    let from = at('2026-09-10', 6);
    for (let d = 0; d < 30; d++) {
      emu.mail.setQuota(d % 5 === 2 ? 1 : 100);
      if (d % 7 === 3) emu.mail.failNext(1);
      const to = new Date(from.getTime() + 86_400_000);
      runTriggers(bundle, from, to);
      from = to;
    }
    // The monthly safety report (Oct 1st, to the office head) is logged by report, not by rows.
    const sent = alertLog(emu).filter(
      (r) => r.status === '已发送' && !r.itemKey.startsWith('safety-report|'),
    );
    // Every e-mail is in the log exactly as sent (same recipient, same rows), and nothing else is.
    const fromOutbox = emu.mail.outbox
      .filter((m) => !m.to.includes(',') && !m.attachments)
      .flatMap((m) => linkedRows(m.body).map((row) => `${m.to}|${row}|${m.sentAt.toISOString()}`))
      .sort();
    const fromLog = sent.map((r) => `${r.recipient}|${r.row}|${r.time.toISOString()}`).sort();
    expect(fromLog).toEqual(fromOutbox);
    // No pair was sent twice on one day; every responsible person heard at least every 3 days.
    const perDay = new Set<string>();
    for (const r of sent) {
      const key = `${r.recipient}|${r.itemKey}|${r.time.toISOString().slice(0, 10)}`;
      expect(perDay.has(key)).toBe(false);
      perDay.add(key);
    }
    for (const [who, key] of [
      ['wang@school.example', 'repair:BX-1'],
      ['li@school.example', 'task:T1'],
      ['zhang@school.example', expect.stringMatching(/^loan:/)],
    ] as const) {
      const days = sent.filter(
        (r) => r.recipient === who && (typeof key === 'string' ? r.itemKey === key : true),
      );
      const times = days.map((r) => r.time.getTime()).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(5 * 86_400_000);
      expect(times.length).toBeGreaterThanOrEqual(8);
    }
    // Nothing is left waiting at the end except what the last day could not send.
    expect(alertLog(emu).filter((r) => r.status !== '已发送').length).toBeLessThanOrEqual(3);
  });

  it('lists at most 15 repairs in one e-mail, counts the rest, and logs only what it listed', () => {
    const bundle = overdueWorkbook((emu) =>
      fillSheet(
        emu,
        'repairs',
        Array.from({ length: 40 }, (_, i) => ({
          repairId: `BX-${i + 1}`,
          reportedAt: at('2026-09-01', 8),
          reporter: '班主任',
          location: `实验楼 ${i + 1} 室`,
          description: '插座无电',
          assignee: '王芳',
          status: '已报修',
        })),
      ),
    );
    bundle.call('menuSendAlertsNow');
    const mail = bundle.emu.mail.outbox.find((m) => m.to === 'wang@school.example')!;
    expect(mail.subject).toContain('逾期事项 40 项');
    expect(linkedRows(mail.body)).toHaveLength(15);
    expect(mail.body).toContain('另有 25 项「逾期维修」未列出（逾期较短）');
    const logged = alertLog(bundle.emu).filter((r) => r.recipient === 'wang@school.example');
    expect(logged.map((r) => r.row).sort((a, b) => a - b)).toEqual(
      linkedRows(mail.body).sort((a, b) => a - b),
    );
    // Asked again the same day: no second e-mail, not even one listing the rows only counted.
    bundle.call('menuSendAlertsNow');
    expect(bundle.emu.mail.outbox.filter((m) => m.to === 'wang@school.example')).toHaveLength(1);
  });
});
