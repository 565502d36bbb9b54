import { at, overdueWorkbook } from './alerts.fixture';
import { fillSheet } from '../support/workbook';

const ALERTS = '立即发送逾期提醒';

/** The new workbook's sample year: the national-day holiday runs 1–7 October 2026. */
function withDuty() {
  return overdueWorkbook((emu) =>
    fillSheet(emu, 'duty', [
      // 王芳 leads the week from tomorrow (one row for the week); 李强 has the gate tomorrow.
      { date: at('2026-09-11', 0), endDate: at('2026-09-17', 0), kind: '行政值周', person: '王芳' },
      { date: at('2026-09-11', 0), kind: '门卫值班', person: '李强', phone: '13800000000' },
      // Today's duty, already told yesterday.
      { date: at('2026-09-10', 0), kind: '门卫值班', person: '张伟' },
      { date: at('2026-10-01', 0), endDate: at('2026-10-03', 0), kind: '节假日值班', person: '王芳' },
    ]),
  );
}

describe('duty rosters (值班)', () => {
  it('sets up the duty sheet with its kinds as a drop-down', () => {
    const { emu } = withDuty();
    const sheet = emu.spreadsheet.getSheetByName('值班表')!;
    expect(sheet.getRange(1, 1, 1, 6).getValues()[0]).toEqual([
      '日期',
      '结束日期',
      '值班类别',
      '值班人',
      '联系电话',
      '备注',
    ]);
    const rule = sheet.getRange('C2').getDataValidation()!;
    expect(rule.getCriteriaValues()[0]).toEqual(['行政值周', '节假日值班', '门卫值班']);
  });

  it('reminds the person on duty tomorrow in the daily e-mail, still one e-mail per person a day', () => {
    const bundle = withDuty();
    const { emu } = bundle;
    bundle.clickMenu(ALERTS);
    const to = emu.mail.outbox.map((m) => m.to).sort();
    expect(to).toEqual([...new Set(to)]);
    const wang = emu.mail.outbox.find((m) => m.to === 'wang@school.example')!;
    // The late repair and tomorrow's duty, in one e-mail.
    expect(wang.body).toContain('灯管不亮');
    expect(wang.body).toContain('行政值周：2026-09-11 起由您值班');
    expect(wang.body).toContain('明天值班（2026-09-11）');
    const li = emu.mail.outbox.find((m) => m.to === 'li@school.example')!;
    expect(li.body).toContain('门卫值班：2026-09-11 起由您值班');
    // Today's duty was for yesterday's run; the holiday duty waits for 30 September.
    expect(emu.mail.outbox.find((m) => m.to === 'zhang@school.example')!.body).not.toContain('值班');
    expect(wang.body).not.toContain('2026-10-01');
    const sent = emu.mail.outbox.length;
    bundle.clickMenu(ALERTS);
    expect(emu.mail.outbox).toHaveLength(sent);
  });

  it('the digest flags a holiday two weeks ahead with days nobody is on duty', () => {
    const bundle = withDuty();
    const { emu } = bundle;
    emu.clock.set(at('2026-09-21', 9));
    bundle.clickMenu('预览后勤周报');
    const html = emu.ui.dialogs.at(-1)!.html;
    expect(html).toContain(
      '国庆节（2026-10-01 起）有 4 天无人值班：2026-10-04、2026-10-05、2026-10-06、2026-10-07',
    );
  });

  it('generating September gives the office head a task listing the uncovered days, gone once covered', () => {
    const bundle = withDuty();
    const { emu } = bundle;
    bundle.clickMenu('生成本月任务');
    const titles = () =>
      emu.spreadsheet
        .getSheetByName('任务')!
        .getDataRange()
        .getValues()
        .map((r) => `${String(r[3])}|${String(r[7])}`);
    expect(titles().filter((t) => t.includes('无人值班'))).toEqual([
      '国庆节值班表还有 4 天无人值班：2026-10-04、2026-10-05、2026-10-06、2026-10-07|待办',
    ]);
    fillSheet(emu, 'duty', [
      { date: at('2026-10-01', 0), endDate: at('2026-10-07', 0), kind: '节假日值班', person: '王芳' },
    ]);
    bundle.clickMenu('生成本月任务');
    expect(titles().filter((t) => t.includes('无人值班'))).toEqual([
      '国庆节值班表还有 4 天无人值班：2026-10-04、2026-10-05、2026-10-06、2026-10-07|来源已删除',
    ]);
  });

  it('the sidebar dashboard shows who is on duty today', () => {
    const bundle = withDuty();
    const data = bundle.run('apiSidebarData') as {
      dashboard: { key: string; count: number; alert: boolean; lines: { title: string; detail: string }[] }[];
    };
    const today = data.dashboard.find((c) => c.key === 'dutyToday')!;
    expect(today).toMatchObject({ count: 1, alert: false });
    expect(today.lines.map((l) => `${l.title} ${l.detail}`)).toEqual(['张伟 门卫值班']);
  });
});
