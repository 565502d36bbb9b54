import type { Bundle } from '../support/bundle';
import { RUN, digestWorkbook } from './digest.fixture';

interface Week {
  from: string;
  repairsReported: number;
  repairsFixed: number;
  inspectionsPlanned: number;
  inspectionsDone: number;
  hazardsOpen: number;
}

function send(bundle: Bundle) {
  const { emu } = bundle;
  emu.mail.outbox.length = 0;
  bundle.clickMenu('发送后勤周报');
  expect(emu.mail.outbox).toHaveLength(1);
  return emu.mail.outbox[0]!;
}

describe('weekly digest of a term through the bundle', () => {
  it('counts twelve weeks of work as by hand, and the sidebar dashboard shows the same weeks', () => {
    const bundle = digestWorkbook();
    const mail = send(bundle);
    // Weekly: 2 + k % 4 reported, all fixed but the last week's; 4 inspections planned, 4 − k % 3 done.
    expect(mail.body).toContain(
      '报修与修好（件）（报修/修好），由远及近：2/2 3/3 4/4 5/5 2/2 3/3 4/4 5/5 2/2 3/3 4/4 5/0',
    );
    expect(mail.body).toContain(
      '安全检查：计划与完成（项）（计划/完成），由远及近：4/4 4/3 4/2 4/4 4/3 4/2 4/4 4/3 4/2 4/4 4/3 4/2',
    );
    // A hazard every other week, fixed the next week, the one of week 11 still open.
    expect(mail.body).toContain('未整改隐患（周末时）（未整改），由远及近：1 0 1 0 1 0 1 0 1 0 1 1');
    expect(mail.body).toContain('逾期维修：5（较上周 +5）');
    expect(mail.body).toContain('隐患逾期未整改：1（与上周持平）');
    expect(mail.body).toContain('安全检查完成：2/4（上周 3/4）');
    expect(mail.body).toContain('收费未当日上缴：¥120.00（与上周持平）');
    // Most urgent first: the hazard of week 11 (11-09), 9 days past its deadline of 11-14, repairs late more than 3 days, money.
    const attention = mail.body.split('需要关注\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(attention.map((l) => l.replace(/ https:\S+/, ''))).toEqual([
      '1. 隐患超过整改期限 9 天：看台栏杆松动（第 11 周）（体育馆 · 2026-11-11） · 负责人 王芳',
      '2. 维修逾期 6 天：BX-11-0 <script>alert("x")</script> 门锁（初一(1)班） · 负责人 王芳',
      '3. 维修逾期 5 天：BX-11-1 水龙头漏水（物理实验室） · 负责人 王芳',
      '4. 维修逾期 4 天：BX-11-2 门锁损坏（食堂） · 负责人 王芳',
      '5. 2026-11-17 张伟收费 ¥120.00 未当日上缴',
    ]);

    const data = bundle.run('apiSidebarData') as {
      trends: Week[];
      dashboard: { key: string; count: number }[];
    };
    const series = (pick: (w: Week) => string) => data.trends.map(pick).join(' ');
    expect(data.trends[0]!.from).toBe('2026-08-31');
    expect(mail.body).toContain(`由远及近：${series((w) => `${w.repairsReported}/${w.repairsFixed}`)}\n`);
    expect(mail.body).toContain(
      `由远及近：${series((w) => `${w.inspectionsPlanned}/${w.inspectionsDone}`)}\n`,
    );
    expect(mail.body).toContain(`由远及近：${series((w) => String(w.hazardsOpen))}\n`);
    const count = (key: string) => data.dashboard.find((c) => c.key === key)!.count;
    expect(mail.body).toContain(`目前逾期 ${count('overdueRepairs')} 件。`);
    // Nothing changed since Sunday night: the dashboard's open hazards are the last trend week's.
    expect(count('openHazards')).toBe(data.trends.at(-1)!.hazardsOpen);
    expect(count('openHazards')).toBe(1);
  });

  it('makes the same service calls at 100 and at 5,000 rows', () => {
    const calls = (rows: number) => {
      const bundle = digestWorkbook(rows);
      bundle.emu.calls.reset();
      send(bundle);
      expect(bundle.emu.calls.count('MailApp.sendEmail')).toBe(1);
      return bundle.emu.calls.snapshot();
    };
    expect(calls(5000)).toEqual(calls(100));
  });

  it('is sent at 07:30 on Monday with the week just ended', () => {
    const bundle = digestWorkbook();
    expect(RUN.toISOString()).toBe('2026-11-22T23:30:00.000Z');
    expect(send(bundle).subject).toBe('【后勤助手】第一中学后勤周报 2026-11-16 至 2026-11-22');
  });
});
