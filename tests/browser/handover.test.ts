import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createEmulator } from '../../emulator';
import { startSidebarServer } from '../../playground/bridge';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillOffice } from '../support/office';
import { fillSheet } from '../support/workbook';

let bundle: Bundle;
let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };

const dialogs = () => bundle.emu.ui.dialogs;

async function waitForDialog(count: number): Promise<void> {
  for (let i = 0; i < 100 && dialogs().length < count; i++) await page.waitForTimeout(50);
  expect(dialogs()).toHaveLength(count);
}

beforeAll(async () => {
  const emu = createEmulator({ now: '2027-01-20T08:00:00+08:00', timeZone: 'Asia/Shanghai' });
  bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  fillOffice(emu);
  fillSheet(emu, 'tasks', [
    {
      taskId: 'T202701-0001',
      month: '2027-01',
      dueDate: new Date('2027-01-20T00:00:00+08:00'),
      title: '期末清点、交还班级财产：初一(1)班',
      source: '学期事务',
      ref: 'end:王芳',
      assignee: '王芳',
      status: '待办',
      key: 'term|end:王芳|2027-01-20',
    },
    {
      taskId: 'T202701-0002',
      month: '2027-01',
      dueDate: new Date('2027-01-21T00:00:00+08:00'),
      title: '对照台账清点班级财产',
      source: '行事历',
      ref: '对照台账清点班级财产',
      assignee: '王芳',
      status: '待办',
      key: 'calendar|对照台账清点班级财产|2027-01-21',
    },
  ]);
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

describe('handover lists from the sidebar, in a real browser', () => {
  it('a term task leads to its custodian’s lists; printing opens the printable dialog', async () => {
    await page.click('[data-action="myTasks"]');
    // The work calendar's property duty leads to every room's lists; the term task to its custodian's.
    await page.click('li.task:has-text("对照台账清点班级财产") >> text=交接单…');
    await expect(page.inputValue('#handover-who')).resolves.toBe('');
    await page.click('button.back');
    await page.click('[data-action="myTasks"]');
    await page.click('li.task:has-text("期末清点、交还") >> text=交接单…');
    await expect(page.inputValue('#handover-who')).resolves.toBe('王芳');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-handover.png'), fullPage: true });
    await page.click('text=打印交接单');
    await waitForDialog(1);
    expect(dialogs()[0]!.title).toBe('班级（部门）财产交接单（王芳）');
    expect(dialogs()[0]!.html).toContain('<td>ZC-001</td><td>投影仪</td>');
  });

  it('an unknown room is said in the sidebar, and no dialog opens', async () => {
    await page.fill('#handover-who', '校长室');
    await page.click('text=打印交接单');
    await page.waitForSelector('.status.failure');
    await expect(page.locator('.status.failure').textContent()).resolves.toContain('校长室');
    expect(dialogs()).toHaveLength(1);
  });

  it('the check form records a damaged asset as a repair and closes the term task', async () => {
    await page.fill('#handover-who', '初一(1)班');
    await page.click('text=记录清点结果');
    await waitForDialog(2);
    // The dialog as Apps Script serves it, its google.script.run carried to the bundle.
    const form = await browser.newPage({ viewport: { width: 860, height: 640 } });
    await form.exposeFunction('__run', (name: string, args: unknown[]) => bundle.run(name, ...args));
    // google.script.run as Apps Script gives a dialog, carried to the bundle (JSON both ways).
    const stub = `<script>
      function runner(ok, fail) {
        return new Proxy({}, { get: function (_, name) {
          if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
          if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
          return function () { window.__run(name, [].slice.call(arguments)).then(ok, fail); };
        } });
      }
      window.google = { script: { run: runner(function () {}, function () {}) } };
    </script>`;
    await form.setContent(dialogs()[1]!.html.replace('<script>', `${stub}<script>`));
    await form.check('tr[data-id="ZC-001"] input[value="damaged"]');
    await form.fill('tr[data-id="ZC-001"] input[type=text]', '镜头破裂');
    await form.click('#send');
    await form.waitForFunction(() => document.getElementById('out')!.textContent!.startsWith('已保存'));
    await form.screenshot({ path: join(ARTIFACTS, 'handover-form.png'), fullPage: true });
    const repairs = bundle.emu.spreadsheet.getSheetByName('维修记录')!.getDataRange().getValues().slice(1);
    expect(repairs.map((r) => [r[4], r[9]])).toEqual([['ZC-001', '已报修']]);
    expect(String(repairs[0]![5])).toContain('镜头破裂');
    const tasks = bundle.emu.spreadsheet.getSheetByName('任务')!.getDataRange().getValues().slice(1);
    expect(tasks[0]![7]).toBe('已完成');
    await form.close();
  });
});
