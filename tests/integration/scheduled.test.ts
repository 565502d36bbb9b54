import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Execution, TriggerRecord } from '../../emulator';
import { DIST, type Bundle } from '../support/bundle';
import { fillSheet } from '../support/workbook';
import { at, overdueWorkbook, settingValue } from './alerts.fixture';

const TASKS_STATUS = '月度任务上次自动生成';
const ALERTS_STATUS = '逾期提醒上次运行';
const BUSY = '工作簿正忙';

const invoke = (bundle: Bundle) => (name: string, event: Record<string, unknown>) =>
  bundle.call(name, [event]);
const trigger = (bundle: Bundle, handler: string): TriggerRecord =>
  bundle.emu.triggers.list().find((t) => t.handlerFunction === handler)!;
const statuses = (runs: Execution[]) => runs.map((r) => `${r.handlerFunction} ${r.status}`);

/** The office's workbook with automation turned on from the menu. */
function automated(): Bundle {
  const bundle = overdueWorkbook();
  bundle.clickMenu('启用/停用自动提醒');
  return bundle;
}

describe('time-driven triggers, as Apps Script runs them', () => {
  it('all three work on the spreadsheet the script is bound to, without opening it by id', () => {
    const bundle = automated();
    const { emu } = bundle;
    // Nothing but the bound spreadsheet tells a job where to work: not even the links kept per trigger.
    for (const key of Object.keys(emu.properties.user)) delete emu.properties.user[key];
    emu.calls.reset();
    const runs = emu.triggers.runDue(at('2026-09-30', 8), at('2026-10-05', 8), invoke(bundle));
    expect(new Set(statuses(runs))).toEqual(
      new Set(['onMonthlyTrigger Completed', 'onDailyTrigger Completed', 'onWeeklyTrigger Completed']),
    );
    expect(emu.calls.count('SpreadsheetApp.openById')).toBe(0);
    expect(emu.mail.outbox.length).toBeGreaterThan(0);
    expect(String(settingValue(emu, TASKS_STATUS))).toMatch(
      /^2026-10-01 06:00：2026-10 的任务已生成：新增 \d+ 项/,
    );
  });

  it('ask only for this spreadsheet, not for every spreadsheet of the account', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  it('a monthly run that fails says why in Settings and fails its execution, so the owner hears of it', () => {
    const bundle = automated();
    const { emu } = bundle;
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName('任务')!);
    const run = emu.triggers.fire(trigger(bundle, 'onMonthlyTrigger'), at('2026-10-01', 6), invoke(bundle));
    expect(run.status).toBe('Failed');
    expect(String(settingValue(emu, TASKS_STATUS))).toBe(
      '2026-10-01 06:00：还没有找到后勤助手的工作表，请先运行「初始化工作簿」。',
    );
  });

  it('a run that finds the workbook busy says so in Settings, is not a failure, and runs at its next time', () => {
    const bundle = automated();
    const { emu } = bundle;
    emu.lock.holdByOther(true);
    const busy = emu.triggers.runDue(at('2026-09-10', 6), at('2026-09-10', 8), invoke(bundle));
    expect(statuses(busy)).toEqual(['onDailyTrigger Completed']);
    expect(emu.mail.outbox).toHaveLength(0);
    expect(String(settingValue(emu, ALERTS_STATUS))).toMatch(new RegExp(`^2026-09-10 07:00：${BUSY}`));

    emu.lock.holdByOther(false);
    const next = emu.triggers.runDue(at('2026-09-10', 8), at('2026-09-11', 8), invoke(bundle));
    expect(statuses(next)).toEqual(['onDailyTrigger Completed']);
    expect(emu.mail.outbox.map((m) => m.to).sort()).toEqual([
      'li@school.example',
      'wang@school.example',
      'zhang@school.example',
    ]);
    expect(String(settingValue(emu, ALERTS_STATUS))).toMatch(/^2026-09-11 07:00：.*发送 3 封/);
  });
});

describe('simple triggers', () => {
  it('an edit gives up on a busy workbook within the 30 seconds Apps Script allows it, and says so', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    fillSheet(emu, 'tasks', [
      { taskId: 'T1', dueDate: at('2026-09-09', 0), title: '检查门窗', assignee: '李强', status: '待办' },
    ]);
    const header = emu.spreadsheet.getSheetByName('任务')!.getRange('1:1').getValues()[0]!;
    const status = String.fromCharCode(65 + header.indexOf('状态'));
    emu.lock.holdByOther(true);
    const before = emu.clock.now().getTime();
    // The status column is watched twice: by validation and by the task handler; both wait.
    bundle.edit('任务', `${status}2`, '已完成');
    expect(emu.clock.now().getTime() - before).toBeLessThan(30_000);
    expect(emu.ui.alerts.at(-1)!.prompt).toContain('另一项操作正在进行');
  });
});

describe('menu items', () => {
  it('each one that writes reports a busy workbook in the Settings language, in a dialog', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    bundle.clickMenu('初始化工作簿');
    const settings = emu.spreadsheet.getSheetByName('设置')!;
    const labels = settings
      .getRange('A:A')
      .getValues()
      .map((r) => r[0]);
    settings.getRange(labels.indexOf('界面语言') + 1, 2).setValue('English');
    emu.lock.holdByOther(true);
    for (const name of [
      'menuSetUpWorkbook',
      'menuCheckAllSheets',
      'menuGenerateMonth',
      'menuSendAlertsNow',
      'menuSendDigestNow',
      'menuToggleAutomation',
    ]) {
      const shown = emu.ui.alerts.length;
      bundle.call(name);
      expect(emu.ui.alerts.slice(shown).map((a) => a.prompt)).toEqual([
        'Another operation is running. Please try again in a moment.',
      ]);
    }
    expect(emu.mail.outbox).toHaveLength(0);
    expect(emu.triggers.list()).toHaveLength(0);
  });
});
