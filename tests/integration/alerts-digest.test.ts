import { fillSheet } from '../support/workbook';
import { HEAD, at, overdueWorkbook, runTriggers, setSetting, settingValue } from './alerts.fixture';

/** Last week = 2026-09-07 … 09-13 for a digest sent on Monday 2026-09-14. */
function digestWorkbook() {
  return overdueWorkbook((emu) => {
    setSetting(emu, '界面语言', 'English');
    fillSheet(emu, 'repairs', [
      {
        repairId: 'R1',
        reportedAt: at('2026-09-08', 8),
        reporter: 'a',
        location: 'Room 1',
        description: 'lamp',
        status: '已完成',
        completedAt: at('2026-09-08', 12),
      },
      {
        repairId: 'R2',
        reportedAt: at('2026-09-09', 8),
        reporter: 'a',
        location: 'Room 2',
        description: 'tap',
        status: '已完成',
        completedAt: at('2026-09-10', 8),
      },
      {
        repairId: 'R3',
        reportedAt: at('2026-09-10', 9),
        reporter: 'a',
        location: 'Room 3',
        description: 'door <b>lock</b>',
        status: '已报修',
      },
      {
        repairId: 'R4',
        reportedAt: at('2026-09-01', 8),
        reporter: 'a',
        location: 'Room 4',
        description: 'old',
        status: '已完成',
        completedAt: at('2026-09-02', 8),
      },
    ]);
    fillSheet(emu, 'tasks', [
      {
        taskId: 'I1',
        dueDate: at('2026-09-08', 0),
        title: 'Fire check',
        source: '巡检',
        assignee: '王芳',
        status: '已完成',
      },
      {
        taskId: 'I2',
        dueDate: at('2026-09-11', 0),
        title: 'Wiring check',
        source: '巡检',
        assignee: '王芳',
        status: '待办',
      },
      {
        taskId: 'N1',
        dueDate: at('2026-09-15', 0),
        title: 'Stocktake',
        source: '行事历',
        assignee: '李强',
        status: '待办',
      },
      {
        taskId: 'N2',
        dueDate: at('2026-09-18', 0),
        title: 'Service boiler',
        source: '行事历',
        assignee: '王芳',
        status: '待办',
      },
      {
        taskId: 'N3',
        dueDate: at('2026-09-14', 0),
        title: 'Patrol',
        source: '行事历',
        assignee: '王芳',
        status: '待办',
      },
      {
        taskId: 'N4',
        dueDate: at('2026-09-21', 0),
        title: 'Too late',
        source: '行事历',
        assignee: '王芳',
        status: '待办',
      },
    ]);
    fillSheet(emu, 'inspectionResults', [
      { date: at('2026-09-08', 0), location: 'Stairs', inspector: '王芳', result: '合格' },
      {
        date: at('2026-09-09', 0),
        location: 'Gym',
        inspector: '王芳',
        result: '发现隐患',
        finding: 'loose rail',
        fixDeadline: at('2026-09-20', 0),
        responsible: '王芳',
      },
    ]);
    fillSheet(emu, 'feePayments', [
      {
        receiptNo: 'S1',
        date: at('2026-09-08', 0),
        itemCode: 'F01',
        payer: 'p1',
        amount: 100,
        collector: '王芳',
        depositDate: at('2026-09-08', 0),
      },
      {
        receiptNo: 'S2',
        date: at('2026-09-08', 0),
        itemCode: 'F01',
        payer: 'p2',
        amount: 50,
        collector: '王芳',
        depositDate: at('2026-09-09', 0),
      },
      {
        receiptNo: 'S3',
        date: at('2026-09-09', 0),
        itemCode: 'F01',
        payer: 'p3',
        amount: 20.5,
        collector: '王芳',
      },
      {
        receiptNo: 'S4',
        date: at('2026-09-01', 0),
        itemCode: 'F01',
        payer: 'p4',
        amount: 999,
        collector: '王芳',
      },
    ]);
    fillSheet(emu, 'canteenSamples', [
      {
        date: at('2026-09-08', 0),
        meal: '午餐',
        dish: 'rice',
        weight: 130,
        sampledAt: at('2026-09-08', 11, 30),
        discardedAt: at('2026-09-10', 12),
      },
      {
        date: at('2026-09-08', 0),
        meal: '午餐',
        dish: 'soup',
        weight: 150,
        sampledAt: at('2026-09-08', 11, 30),
      },
      {
        date: at('2026-09-09', 0),
        meal: '午餐',
        dish: 'fish',
        weight: 100,
        sampledAt: at('2026-09-09', 11, 30),
      },
    ]);
  });
}

describe('weekly digest through the bundle', () => {
  it('reports last week as computed by hand, on Monday 07:30 school time, to the office list in one e-mail', () => {
    const bundle = digestWorkbook();
    const { emu } = bundle;
    bundle.clickMenu('启用/停用自动提醒');
    emu.mail.outbox.length = 0;
    const ran = runTriggers(bundle, at('2026-09-13', 23), at('2026-09-14', 8));
    expect(ran).toEqual(['onDailyTrigger', 'onWeeklyTrigger']);
    const digest = emu.mail.outbox.filter((m) => m.to.includes(','));
    expect(digest).toHaveLength(1);
    const mail = digest[0]!;
    expect(mail.to).toBe(`office@school.example,${HEAD}`);
    expect(mail.sentAt.toISOString()).toBe(at('2026-09-14', 7, 30).toISOString());
    const body = mail.body;
    expect(mail.subject).toContain('2026-09-07 – 2026-09-13');
    // The band: R3 became overdue on 09-11; the week before had nothing overdue, S4's ¥999 late.
    expect(body).toContain('Overdue repairs: 1 (+1 on last week)');
    expect(body).toContain('Inspections done: 1/2 (last week none planned)');
    expect(body).toContain('Fees not banked same day: ¥70.50 (−¥928.50 on last week)');
    expect(body).toContain('Tasks done: 1/2 (last week none planned)');
    // Trends from the first week with records (R4 and S4 on 09-01): R4, then R1–R3 reported, R1, R2 fixed.
    expect(body).toContain('Repairs reported and fixed (reported/fixed), oldest first: 1/1 3/2');
    expect(body).toContain('Hazards open (at week end) (open), oldest first: 0 1');
    expect(body).toContain('Repairs fixed last week took 14 h from report to fix (median).');
    expect(body).toContain('2 checks recorded last week; 0 schedules overdue.');
    expect(body).toContain('1 loans past due.');
    expect(body).toContain('Collected ¥170.50 last week, banked the same day ¥100.00.');
    expect(body).toContain('2026-09-08 王芳: ¥50.00 not deposited the same day');
    expect(body).toContain('2026-09-09 王芳: ¥20.50 not deposited the same day');
    expect(body).toContain('Days with all samples kept: 1/2');
    expect(body).toContain('1. 2026-09-09: canteen samples fell short, please check');
    expect(body).toContain('李强: 09-15 Stocktake');
    expect(body).toContain('王芳: 09-14 Patrol; 09-18 Service boiler');
    expect(body).not.toContain('Too late');
    // The fixture names fee item F01 without declaring it: the validation says so, with the sheet.
    expect(body).toContain('Fee payments Row 2: Item code F01 is not in Fee items');
    expect(body).toContain(`Open the workbook: ${emu.spreadsheet.getUrl()}`);
    expect(mail.htmlBody).toContain('door &lt;b&gt;lock&lt;/b&gt;');
    expect(mail.htmlBody).not.toContain('<b>lock');
    expect(String(settingValue(emu, '后勤周报上次运行'))).toContain('sent to 2 addresses');
  });

  it('previews in a dialog without sending or writing anything', () => {
    const bundle = digestWorkbook();
    const { emu } = bundle;
    emu.clock.set(at('2026-09-14', 9));
    emu.calls.reset();
    bundle.clickMenu('预览后勤周报');
    expect(emu.mail.outbox).toHaveLength(0);
    expect(emu.calls.count('Range.setValues') + emu.calls.count('Range.setValue')).toBe(0);
    expect(emu.ui.dialogs.at(-1)!.html).toContain('took 14 h from report to fix');
  });

  it('sends the digest now from the menu and says so when the office list is empty', () => {
    const bundle = digestWorkbook();
    bundle.clickMenu('发送后勤周报');
    expect(bundle.emu.mail.outbox).toHaveLength(1);
    setSetting(bundle.emu, '后勤处邮件列表', '');
    bundle.clickMenu('发送后勤周报');
    expect(bundle.emu.mail.outbox).toHaveLength(1);
    expect(bundle.emu.ui.alerts.at(-1)!.prompt).toMatch(/empty/);
  });
});
