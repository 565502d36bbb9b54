import { logChanges, planAlerts, renderAlert, type LogEntry, type Message } from '../../src/core/alerts';
import { LINES_PER_KIND } from '../../src/core/alerts/plan';
import type { OverdueItem } from '../../src/core/overdue';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { addDays, instantOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';
const settings = { ...DEFAULT_SETTINGS, officeHead: 'head@school.example' };
const at = (day: string) => instantOf(day, TZ, 7);

function item(key: string, over: Partial<OverdueItem> = {}): OverdueItem {
  return {
    key,
    kind: 'task',
    sheet: 'tasks',
    row: 5,
    title: key,
    detail: '',
    due: '2026-09-09',
    daysOverdue: 1,
    person: '王芳',
    email: 'wang@school.example',
    toHead: false,
    ...over,
  };
}

function sent(itemKey: string, recipient: string, day: string, escalated = false, row = 2): LogEntry {
  return { row, time: at(day), recipient, itemKey, status: 'sent', escalated };
}

describe('planAlerts', () => {
  it('sends one message per recipient, grouped by kind and oldest first', () => {
    const plan = planAlerts(
      [
        item('task:a', { due: '2026-09-08', daysOverdue: 2 }),
        item('repair:b', { kind: 'repair', sheet: 'repairs' }),
        item('task:c', { due: '2026-09-01', daysOverdue: 9, email: 'li@school.example' }),
        item('task:d', { due: '2026-09-05', daysOverdue: 5 }),
      ],
      [],
      at('2026-09-10'),
      TZ,
      { ...settings, escalationDays: 30 },
    );
    expect(plan.map((m) => m.to)).toEqual(['li@school.example', 'wang@school.example']);
    expect(plan[1]!.lines.map((l) => l.item.key)).toEqual(['repair:b', 'task:d', 'task:a']);
  });

  it('does not nag within the interval, re-sends after it, and escalates to the head', () => {
    const items = [item('task:a', { daysOverdue: 2 }), item('repair:b', { kind: 'repair', daysOverdue: 4 })];
    const log = [
      sent('task:a', 'wang@school.example', '2026-09-09'),
      sent('repair:b', 'wang@school.example', '2026-09-09'),
    ];
    const plan = planAlerts(items, log, at('2026-09-10'), TZ, settings);
    // The repair interval (1 day) has passed; the task's (3 days) has not; the repair escalates.
    expect(plan.map((m) => [m.to, m.lines.map((l) => [l.item.key, l.escalated])])).toEqual([
      ['head@school.example', [['repair:b', true]]],
      ['wang@school.example', [['repair:b', false]]],
    ]);
    const later = planAlerts(
      items,
      [...log, sent('repair:b', 'head@school.example', '2026-09-10', true)],
      at('2026-09-10'),
      TZ,
      settings,
    );
    expect(later.find((m) => m.to === 'head@school.example')).toBeUndefined();
  });

  it('escalates an item already going to the head even within its interval', () => {
    const i = item('task:a', { email: 'head@school.example', toHead: true, daysOverdue: 4 });
    const plan = planAlerts(
      [i],
      [sent('task:a', 'head@school.example', '2026-09-09')],
      at('2026-09-10'),
      TZ,
      settings,
    );
    expect(plan[0]!.lines[0]!.escalated).toBe(true);
  });

  it('lists the longest overdue of each kind in one e-mail, counts the rest, and mails a person once a day', () => {
    const repairs = Array.from({ length: 40 }, (_, i) =>
      item(`repair:${i}`, {
        kind: 'repair',
        sheet: 'repairs',
        due: addDays('2026-09-10', i - 100),
        daysOverdue: 100 - i,
      }),
    );
    const tasks = [item('task:a'), item('task:b')];
    const plan = planAlerts([...tasks, ...repairs], [], at('2026-09-10'), TZ, {
      ...settings,
      escalationDays: 365,
    });
    const [mail] = plan;
    expect(mail!.lines).toHaveLength(LINES_PER_KIND + 2);
    expect(mail!.lines.slice(0, 3).map((l) => l.item.daysOverdue)).toEqual([100, 99, 98]);
    expect(mail!.more).toEqual({ repair: 40 - LINES_PER_KIND });
    // Only what was listed is logged as sent, and a person mailed today gets nothing more today.
    const log = mail!.lines.map((l, i) => sent(l.item.key, l.item.email, '2026-09-10', false, i + 2));
    const again = { ...settings, escalationDays: 365 };
    expect(planAlerts([...tasks, ...repairs], log, at('2026-09-10'), TZ, again)).toEqual([]);
    // Tomorrow the repairs' daily interval has passed (the tasks' 3 days have not): the longest overdue lead again.
    const [tomorrow] = planAlerts([...tasks, ...repairs], log, at('2026-09-11'), TZ, again);
    expect(tomorrow!.lines.map((l) => l.item.kind)).toEqual(Array(LINES_PER_KIND).fill('repair'));
    expect(tomorrow!.lines[0]!.item.daysOverdue).toBe(100);
    expect(tomorrow!.more).toEqual({ repair: 40 - LINES_PER_KIND });
  });
});

describe('logChanges', () => {
  const m: Message = {
    to: 'wang@school.example',
    lines: [{ item: item('task:a'), escalated: false }],
    more: {},
  };
  it('logs sent, pending and failed, and settles a waiting row in place', () => {
    const now = at('2026-09-10');
    expect(logChanges([m], [{ sent: true }], [], now, 'en').append[0]).toMatchObject({
      status: 'Sent',
      itemKey: 'task:a',
      kind: 'Overdue tasks',
      sheet: 'Tasks',
    });
    expect(logChanges([m], [undefined], [], now, 'zh-CN').append[0]).toMatchObject({ status: '待发送' });
    expect(logChanges([m], [{ sent: false, error: 'boom' }], [], now, 'en').append[0]).toMatchObject({
      status: 'Failed',
      note: 'boom',
    });
    const waiting: LogEntry = {
      row: 7,
      time: now,
      recipient: 'wang@school.example',
      itemKey: 'task:a',
      status: 'pending',
      escalated: false,
    };
    expect(logChanges([m], [undefined], [waiting], now, 'en')).toEqual({ append: [], update: [] });
    const settled = logChanges([m], [{ sent: true }], [waiting], now, 'en');
    expect(settled.append).toEqual([]);
    expect(settled.update).toEqual([{ row: 7, patch: expect.objectContaining({ status: 'Sent' }) }]);
  });
});

describe('renderAlert', () => {
  it('escapes every user value and links each row', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const mail = renderAlert(
      {
        to: 'wang@school.example',
        lines: [{ item: item('task:a', { title: hostile, detail: '"&', person: hostile }), escalated: true }],
        more: {},
      },
      {
        lang: 'zh-CN',
        schoolName: '<b>一中</b>',
        escalationDays: 3,
        links: { url: 'https://docs.google.com/spreadsheets/d/X/edit', gid: { tasks: 42 } },
        nameOf: () => hostile,
      },
    );
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/X/edit#gid=42&amp;range=A5"',
    );
    expect(mail.body).toContain(hostile);
    expect(mail.body).toContain('#gid=42&range=A5');
    expect(mail.subject).toContain('1');
  });

  it('counts the items it does not list, in the subject and under their kind, with a link to the workbook', () => {
    const lines = [1, 2].map((n) => ({
      item: item(`repair:${n}`, { kind: 'repair', sheet: 'repairs' }),
      escalated: false,
    }));
    const mail = renderAlert(
      { to: 'wang@school.example', lines, more: { repair: 23 } },
      {
        lang: 'zh-CN',
        schoolName: '一中',
        escalationDays: 3,
        links: { url: 'https://docs.google.com/spreadsheets/d/X/edit', gid: {} },
        nameOf: () => '王芳',
      },
    );
    expect(mail.subject).toContain('逾期事项 25 项');
    expect(mail.htmlBody).toContain('已逾期（2）');
    expect(mail.body).toContain(
      '另有 23 项「逾期维修」未列出（逾期较短），请在工作簿中查看。\n  https://docs.google.com/spreadsheets/d/X/edit',
    );
  });

  it('puts what to do first on top: safety and what the office head was told, then late, then coming due', () => {
    const lines = [
      { item: item('task:late', { daysOverdue: 2, title: '检查门窗' }), escalated: false },
      {
        item: item('certificate:soon', { kind: 'certificate', daysOverdue: -10, title: '健康证 李强' }),
        escalated: false,
      },
      { item: item('repair:old', { kind: 'repair', daysOverdue: 9, title: '灯管不亮' }), escalated: true },
      { item: item('hazard:rail', { kind: 'hazard', daysOverdue: 1, title: '栏杆松动' }), escalated: false },
      {
        item: item('lowStock:chalk', { kind: 'lowStock', daysOverdue: 0, title: '粉笔', detail: '3 / 5 盒' }),
        escalated: false,
      },
    ];
    const mail = renderAlert(
      { to: 'head@school.example', lines, more: {} },
      {
        lang: 'zh-CN',
        schoolName: '一中',
        escalationDays: 3,
        links: { url: 'https://docs.google.com/spreadsheets/d/X/edit', gid: {} },
        nameOf: () => '赵主任',
      },
    );
    const headed = mail.body.split('\n').filter((l) => /^(\S.*（\d+）|- )/.test(l));
    expect(headed).toEqual([
      '请先处理（2）',
      '- 灯管不亮（已报总务主任）',
      '- 栏杆松动',
      '已逾期（2）',
      '- 检查门窗',
      '- 粉笔 — 3 / 5 盒',
      '即将到期（1）',
      '- 健康证 李强',
    ]);
    expect(mail.body).toContain('低于最低库存，请补货 · 负责人：王芳');
    expect(mail.body).toContain('10 天后到期（期限 2026-09-09）');
    expect(mail.body).not.toMatch(/\[|升级/);
  });
});
