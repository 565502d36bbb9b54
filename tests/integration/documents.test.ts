import { instantOf } from '../../src/core/time';
import type { Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';
import { alertLog } from './alerts.fixture';
import { TZ, digestWorkbook } from './digest.fixture';

/** The morning the November report is due: the 1st of December, 06:00 school time. */
const DEC_1 = instantOf('2026-12-01', TZ, 6);
const BUREAU = 'anquan@jyj.example';
const HEAD = 'head@school.example';

/** The digest's term (twelve weeks to 2026-11-22), on the morning of December 1st, with a bureau address. */
function office(extra = 0): Bundle {
  const bundle = digestWorkbook(extra);
  setSetting(bundle.emu, '安全月报报送邮箱', BUREAU);
  bundle.emu.clock.set(DEC_1);
  return bundle;
}

const reports = (bundle: Bundle) => bundle.emu.mail.outbox.filter((m) => m.subject.includes('安全工作月报'));
const lastDialog = (bundle: Bundle) => bundle.emu.ui.dialogs.at(-1)!;

describe('the monthly safety report through the bundle', () => {
  it('previews last month from the menu: counts as by hand, a Print button, nothing sent or written', () => {
    const bundle = office();
    bundle.emu.calls.reset();
    bundle.clickMenu('预览上月安全月报');
    const dialog = lastDialog(bundle);
    expect(dialog.title).toBe('学校安全工作月报（2026年11月）');
    expect(dialog.html).toContain('window.print()');
    // November: weeks of 11-02, 11-09, 11-16; four inspections a week, 4, 3 and 2 done.
    expect(dialog.html).toContain('<td>消防器材检查</td><td class="r">3</td><td class="r">3</td>');
    expect(dialog.html).toContain('<td>宿舍门窗检查</td><td class="r">3</td><td class="r">1</td>');
    expect(dialog.html).toContain(
      '<td>合计</td><td class="r">12</td><td class="r">9</td><td class="r">75%</td>',
    );
    // The hazard found 11-11, due 11-14, still open at month end, 16 days late, 王芳 responsible.
    expect(dialog.html).toContain(
      '<td>2026-11-11</td><td>体育馆</td><td>看台栏杆松动（第 11 周）</td><td>2026-11-14</td><td>王芳</td><td class="r">16</td>',
    );
    // 3 + 4 + 5 repairs reported, the last week's open: 7 fixed; no cause written.
    expect(dialog.html).toContain('<td>未填写原因</td><td class="r">12</td><td class="r">7</td>');
    expect(dialog.html).toContain('本月没有演练或培训记录');
    expect(reports(bundle)).toHaveLength(0);
    expect(bundle.emu.calls.count('Range.setValues') + bundle.emu.calls.count('Range.setValue')).toBe(0);
  });

  it('counts the drills and trainings recorded in 演练培训记录 for that month only', () => {
    const bundle = office();
    fillSheet(bundle.emu, 'drills', [
      { date: instantOf('2026-11-09', TZ), kind: '演练', topic: '秋季消防疏散演练', participants: 1200 },
      { date: instantOf('2026-11-20', TZ), kind: '培训', topic: '食堂员工食品安全培训', participants: 12 },
      { date: instantOf('2026-10-15', TZ), kind: '演练', topic: '十月防震演练', participants: 1100 },
    ]);
    bundle.clickMenu('预览上月安全月报');
    const html = lastDialog(bundle).html;
    expect(html).toContain('秋季消防疏散演练');
    expect(html).toContain('食堂员工食品安全培训');
    expect(html).toContain('应急演练');
    expect(html).not.toContain('十月防震演练');
    expect(html).not.toContain('本月没有演练或培训记录');
  });

  it('sends one e-mail with the PDF to the bureau and the office head, however often it runs', () => {
    const bundle = office();
    bundle.call('onMonthlyTrigger');
    bundle.call('onMonthlyTrigger');
    bundle.clickMenu('发送上月安全月报');
    expect(bundle.emu.ui.alerts.at(-1)!.prompt).toBe('2026年11月安全月报已经发送过，没有重复发送。');
    const mails = reports(bundle);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toBe(`${BUREAU},${HEAD}`);
    expect(mail.subject).toBe('第一中学安全工作月报（2026年11月）');
    expect(mail.body).toContain(
      '安全检查完成 9/12；发现隐患 1 条，按期整改 0 条；月底未整改 1 条；演练培训 0 次；留样达标 0/0 天；报修 12 件，修复 7 件。',
    );
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments![0]!;
    expect([pdf.name, pdf.contentType]).toEqual(['安全月报-2026-11.pdf', 'application/pdf']);
    expect(pdf.html).toContain('<h1>学校安全工作月报</h1>');
    expect(pdf.html).not.toContain('window.print');
    const logged = alertLog(bundle.emu).filter((r) => r.itemKey === 'safety-report|2026-11');
    expect(logged.map((r) => [r.recipient, r.status])).toEqual([
      [BUREAU, '已发送'],
      [HEAD, '已发送'],
    ]);
  });

  it('waits for quota, logged 待发送, and goes with the next daily run, still once', () => {
    const bundle = office();
    bundle.emu.mail.setQuota(1);
    bundle.call('onMonthlyTrigger');
    expect(reports(bundle)).toHaveLength(0);
    const key = (r: { itemKey: string }) => r.itemKey === 'safety-report|2026-11';
    expect(
      alertLog(bundle.emu)
        .filter(key)
        .map((r) => r.status),
    ).toEqual(['待发送', '待发送']);
    bundle.emu.mail.setQuota(100);
    bundle.emu.clock.set(instantOf('2026-12-02', TZ, 7));
    bundle.call('onDailyTrigger');
    bundle.call('onDailyTrigger');
    expect(reports(bundle)).toHaveLength(1);
    expect(
      alertLog(bundle.emu)
        .filter(key)
        .map((r) => r.status),
    ).toEqual(['已发送', '已发送']);
  });

  it('reads each sheet once: the same service calls at 100 and at 5,000 more rows', () => {
    const calls = (extra: number) => {
      const bundle = office(extra);
      bundle.emu.calls.reset();
      bundle.clickMenu('发送上月安全月报');
      expect(reports(bundle)).toHaveLength(1);
      return bundle.emu.calls.snapshot();
    };
    expect(calls(5000)).toEqual(calls(100));
  });
});
