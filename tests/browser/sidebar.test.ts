import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { createEmulator } from '../../emulator';
import { startSidebarServer } from '../../playground/bridge';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { fillOffice } from '../support/office';
import { dayOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';

let bundle: Bundle;
let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };

function rows(sheet: string): unknown[][] {
  return bundle.emu.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues().slice(1);
}

async function count(key: string): Promise<string> {
  return (await page.locator(`[data-count="${key}"] .number`).textContent()) ?? '';
}

async function openAction(action: string): Promise<void> {
  if (await page.locator('button.back').count()) await page.click('button.back');
  await page.click(`[data-action="${action}"]`);
  await page.waitForSelector(`#form-${action}`);
}

async function submitAndWait(): Promise<void> {
  await page.click('button[type=submit]');
  await page.waitForSelector('.status.success');
}

beforeAll(async () => {
  const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
  bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  fillOffice(emu);
  server = await startSidebarServer(bundle);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  page.setDefaultTimeout(5000);
  await page.goto(server.url);
  await page.waitForSelector('[data-count]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the sidebar in a real browser', () => {
  it('opens from the menu, titled in the Settings language', () => {
    bundle.clickMenu('打开后勤助手');
    expect(bundle.emu.ui.sidebars.at(-1)?.title).toBe('后勤助手');
  });

  it('shows the dashboard in Chinese with the active user', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe('后勤助手');
    await expect(page.locator('.header .gray').textContent()).resolves.toContain('王芳');
    expect(await count('overdueRepairs')).toBe('0');
    expect(await count('lowStock')).toBe('0');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-dashboard.png'), fullPage: true });
  });

  it('reports a repair: errors next to the field, then a row with reporter and deadline, formulas kept as text', async () => {
    await openAction('reportRepair');
    await page.click('button[type=submit]');
    await expect(page.locator('#f-location-error').textContent()).resolves.toContain('必填');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-form-errors.png'), fullPage: true });
    await page.fill('#f-location', '初一(1)班');
    await page.selectOption('#f-assetId', 'ZC-001');
    await page.fill('#f-description', '=HYPERLINK("http://x.example","点我")');
    await submitAndWait();
    const [row] = rows('维修记录');
    expect(row![2]).toBe('王芳');
    expect(row![5]).toBe('=HYPERLINK("http://x.example","点我")');
    expect(bundle.emu.spreadsheet.getSheetByName('维修记录')!.getRange('F2').getFormula()).toBe('');
    expect((row![8] as Date).getTime() - (row![1] as Date).getTime()).toBe(24 * 3_600_000);
  });

  it('counts an overdue repair after the deadline once refreshed', async () => {
    bundle.emu.clock.advanceDays(2);
    await page.click('#refresh');
    await page.waitForFunction(
      () => document.querySelector('[data-count="overdueRepairs"] .number')?.textContent === '1',
    );
    await page.click('[data-count="overdueRepairs"]');
    await expect(page.locator('.lines').textContent()).resolves.toContain('BX-20260901-001');
    await page.click('button.back');
  });

  it('completes the repair', async () => {
    await openAction('completeRepair');
    await page.selectOption('#f-repairId', 'BX-20260901-001');
    await page.fill('#f-cost', '35');
    await page.selectOption('#f-cause', 'wear');
    await submitAndWait();
    const [row] = rows('维修记录');
    expect(row![9]).toBe('已完成');
    expect(row![15]).toBe(35);
    expect(await count('overdueRepairs')).toBe('0');
  });

  it('records an inspection with a hazard and rolls the schedule', async () => {
    await openAction('recordInspection');
    await page.selectOption('#f-scheduleId', 'XJ-01');
    await expect(page.inputValue('#f-location')).resolves.toBe('教学楼');
    await page.selectOption('#f-result', 'hazard');
    await page.fill('#f-finding', '灭火器压力不足');
    await page.click('button[type=submit]');
    // A hazard's fix deadline is a rule across fields, checked on the page as the server checks it.
    await page.waitForSelector('#f-fixDeadline-error:not(:empty)');
    await page.fill('#f-fixDeadline', '2026-09-10');
    await page.fill('#f-responsible', '李强');
    await submitAndWait();
    const [result] = rows('安全检查记录');
    expect(result!.slice(1, 5)).toEqual(['XJ-01', '教学楼', '王芳', '发现隐患']);
    const [schedule] = rows('安全检查计划');
    expect(schedule![7]).toBeTruthy();
    expect(await count('openHazards')).toBe('1');
  });

  it('completes an inspection task from my tasks, asking what the inspection found', async () => {
    fillSheet(bundle.emu, 'tasks', [
      {
        taskId: 'T202609-0001',
        month: '2026-09',
        dueDate: new Date('2026-09-04T00:00:00+08:00'),
        title: '消防器材检查 教学楼',
        source: '巡检',
        ref: 'XJ-01',
        assignee: '王芳',
        status: '待办',
        key: 'inspection|XJ-01|2026-09-04',
      },
    ]);
    const recorded = rows('安全检查记录').length;
    if (await page.locator('button.back').count()) await page.click('button.back');
    await page.click('[data-action="myTasks"]');
    await page.click('[data-task="T202609-0001"]');
    await page.waitForSelector('#form-completeTask');
    await page.click('button[type=submit]');
    await expect(page.locator('#f-result-error').textContent()).resolves.toContain('必填');
    await page.selectOption('#f-result', 'hazard');
    await page.fill('#f-finding', '安全出口指示灯不亮');
    await page.click('button[type=submit]');
    await expect(page.locator('#f-fixDeadline-error').textContent()).resolves.toContain('整改期限');
    await expect(page.locator('#f-responsible-error').textContent()).resolves.toContain('责任人');
    expect(rows('安全检查记录')).toHaveLength(recorded);
    await page.fill('#f-fixDeadline', '2026-09-12');
    await page.fill('#f-responsible', '李强');
    await page.click('button[type=submit]');
    await expect(page.locator('.status.success').textContent()).resolves.toBe('任务已完成。');
    const record = rows('安全检查记录').at(-1)!;
    expect(record.slice(3, 8)).toEqual([
      '王芳',
      '发现隐患',
      '安全出口指示灯不亮',
      new Date('2026-09-12T00:00:00+08:00'),
      '李强',
    ]);
    expect(rows('任务')[0]![7]).toBe('已完成');
    await expect(page.locator('[data-task="T202609-0001"]').count()).resolves.toBe(0);
  });

  it('starts the year-end stocktake from its task, then offers to print and approve it', async () => {
    const title = '年终盘点，核对账物（菜单「开始盘点」生成盘点表，总务主任审批）';
    fillSheet(bundle.emu, 'tasks', [
      {
        taskId: 'T202612-0001',
        month: '2026-12',
        dueDate: new Date('2026-12-22T00:00:00+08:00'),
        title,
        source: '行事历',
        ref: title,
        assignee: '王芳',
        status: '待办',
        key: `calendar|${title}|2026-12-22`,
      },
    ]);
    if (await page.locator('button.back').count()) await page.click('button.back');
    await page.click('[data-action="myTasks"]');
    await page.click('[data-stocktake="start"]');
    await expect(page.locator('.status.success').textContent()).resolves.toContain('已开始');
    expect(rows('盘点表').length).toBeGreaterThan(0);
    // The stocktake is under way: the task now prints its count sheet and leads to the approval.
    await expect(page.locator('[data-stocktake="start"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-stocktake="approve"]').textContent()).resolves.toBe('审批盘点');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-stocktake-task.png') });
    const dialogs = bundle.emu.ui.dialogs.length;
    await page.click('[data-stocktake="print"]');
    for (let i = 0; i < 50 && bundle.emu.ui.dialogs.length === dialogs; i++) await page.waitForTimeout(100);
    expect(bundle.emu.ui.dialogs).toHaveLength(dialogs + 1);
    expect(bundle.emu.ui.dialogs.at(-1)!.html).toContain('财产物资盘点表');
  });

  it('issues stock, refusing more than there is', async () => {
    await openAction('stockMove');
    await page.selectOption('#f-type', 'issue');
    await page.selectOption('#f-itemId', 'WZ-01');
    await page.fill('#f-quantity', '50');
    await page.fill('#f-party', '初一(1)班');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => (document.querySelector('#f-quantity-error')?.textContent ?? '') !== '');
    expect(rows('出入库记录')).toHaveLength(1);
    await page.fill('#f-quantity', '7');
    await submitAndWait();
    expect(rows('出入库记录')[1]!.slice(1, 4)).toEqual(['WZ-01', '领用', 7]);
    expect(rows('物资库存')[0]![4]).toBe(3);
    expect(await count('lowStock')).toBe('1');
  });

  it('takes a fee at the approved standard with a suggested receipt, an agency fee only with its class', async () => {
    await openAction('takeFee');
    await page.selectOption('#f-itemCode', 'F01');
    await page.fill('#f-payer', '+SUM(1,2)');
    await page.fill('#f-quantity', '2');
    await expect(page.locator('#f-amount').textContent()).resolves.toContain('25.00');
    // 作业本费 is an agency fee, settled class by class: the class is asked for beside its field.
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () => (document.querySelector('#f-className-error')?.textContent ?? '') !== '',
    );
    await expect(page.locator('#f-className-error').textContent()).resolves.toContain('请填写班级');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-fee-class.png'), fullPage: true });
    expect(rows('收费记录')).toHaveLength(0);
    await page.fill('#f-className', '初一(1)班');
    await submitAndWait();
    const [row] = rows('收费记录');
    expect(row![0]).toBe('SJ-2026-0001');
    expect(row![3]).toBe('+SUM(1,2)');
    expect(row![4]).toBe('初一(1)班');
    expect(row![6]).toBe(25);
  });

  it('records a drill or training held, on today unless the day is changed', async () => {
    await openAction('recordDrill');
    // The day the page was last refreshed on (the clock moved on for the overdue repair above).
    await expect(page.inputValue('#f-date')).resolves.toBe(dayOf(bundle.emu.clock.now(), TZ));
    await page.fill('#f-date', '2026-08-28');
    await page.selectOption('#f-kind', 'training');
    await page.fill('#f-topic', '食品安全培训');
    await page.fill('#f-participants', '45');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-drill.png'), fullPage: true });
    await submitAndWait();
    await expect(page.locator('.status.success').textContent()).resolves.toContain(
      '已记录培训：食品安全培训',
    );
    const [row] = rows('演练培训记录');
    expect(row!.slice(1, 5)).toEqual(['培训', '食品安全培训', '', 45]);
    expect((row![0] as Date).getTime()).toBe(Date.parse('2026-08-28T00:00:00+08:00'));
  });

  it('records the canteen day: a light sample is refused next to its field', async () => {
    await openAction('canteenDaily');
    await page.selectOption('#f-meal', 'lunch');
    await page.fill('#f-dishes-0-dish', '红烧肉');
    await page.fill('#f-dishes-0-weight', '100');
    await page.click('#add-dish');
    await page.fill('#f-dishes-1-dish', '炒青菜');
    await page.selectOption('#f-method', 'steam');
    await page.check('#f-done');
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () => (document.querySelector('#f-dishes-0-weight-error')?.textContent ?? '') !== '',
    );
    expect(rows('食堂留样')).toHaveLength(0);
    await page.fill('#f-dishes-0-weight', '150');
    await submitAndWait();
    expect(rows('食堂留样').map((r) => r[2])).toEqual(['红烧肉', '炒青菜']);
    expect(rows('餐具消毒')[0]!.slice(2, 5)).toEqual(['餐具', '蒸汽', true]);
  });

  it('refuses a crafted google.script.run call with bad data and writes nothing', async () => {
    const before = rows('收费记录').length;
    const result = await page.evaluate(
      () =>
        new Promise((resolve) => {
          type Run = {
            withSuccessHandler(f: (r: unknown) => void): Run;
            withFailureHandler(f: (e: unknown) => void): Run;
            apiSubmitTakeFee(input: unknown): void;
          };
          (window as unknown as { google: { script: { run: Run } } }).google.script.run
            .withSuccessHandler(resolve)
            .withFailureHandler(resolve)
            .apiSubmitTakeFee({ itemCode: 'F01', payer: '', quantity: '-3' });
        }),
    );
    expect(result).toMatchObject({ ok: false });
    expect(Object.keys((result as { errors: object }).errors)).toEqual(
      expect.arrayContaining(['payer', 'quantity']),
    );
    expect(rows('收费记录')).toHaveLength(before);
  });

  it('keeps its language until reopened when Settings switch to English', async () => {
    setSetting(bundle.emu, '界面语言', 'English');
    await page.click('#refresh');
    await expect(page.locator('.status.failure').textContent()).resolves.toContain('请重新打开后勤助手');
    await expect(page.locator('h1').textContent()).resolves.toBe('后勤助手');
  });

  it('speaks English once reopened, field errors included', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-count]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Houqin');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.status.failure').count()).resolves.toBe(0);
    await openAction('reportRepair');
    await page.click('button[type=submit]');
    await expect(page.locator('#f-location-error').textContent()).resolves.toMatch(/ is required$/);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-english-form.png'), fullPage: true });
  });
});
