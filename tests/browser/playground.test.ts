// The playground of `npm start`, in a real headless Chromium: the demo workbook, the menu run
// through the built bundle, a repair reported in the real sidebar, and a week on the clock that
// fires the weekly digest trigger into the outbox.
import { join } from 'node:path';
import { type Browser, type Frame, type Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../playground/server';
import { ARTIFACTS, launchChromium } from '../support/browser';

let running: RunningPlayground;
let browser: Browser;
let page: Page;

function sheetValues(name: string): unknown[][] {
  return running.playground.emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
}

async function clickMenu(caption: string): Promise<void> {
  const before = await page.getAttribute('body', 'data-version');
  await page.click(`#menu-buttons button:text-is("${caption}")`);
  await page.waitForFunction((v) => document.body.dataset.version !== v, before);
  await page.waitForSelector('#menu-buttons button:not([disabled])');
}

async function sidebar(): Promise<Frame> {
  const frame = page.frame({ url: /\/sidebar$/ });
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}

beforeAll(async () => {
  running = await startPlayground({ port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(10_000);
  await page.goto(running.url);
  await page.waitForSelector('table[data-sheet]');
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe('the playground in a real browser', () => {
  it('shows the demo workbook, one tab per sheet, and every item of the real menu', async () => {
    const tabs = await page.locator('#tabs button').allTextContents();
    expect(tabs).toEqual(running.playground.emu.spreadsheet.getSheets().map((s) => s.getName()));
    const menu = await page.locator('#menu-buttons button').allTextContents();
    expect(menu).toEqual(running.playground.emu.ui.allMenuItems().map((i) => i.path.at(-1)));
    expect(menu).toContain('检查全部工作表');
    await page.click('#tabs button[data-sheet="固定资产"]');
    await expect(page.locator('table[data-sheet="固定资产"] tbody tr').count()).resolves.toBe(60);
    expect(await page.isHidden('#banner')).toBe(true);
  });

  it('runs Set up workbook from the menu and shows its report', async () => {
    await clickMenu('初始化工作簿');
    await expect(page.locator('#notice').textContent()).resolves.toContain('工作簿已就绪');
    await expect(page.locator('#messages').textContent()).resolves.toContain('初始化工作簿');
  });

  it('runs Check all sheets: the problems are listed and the bad cells marked, with a note on hover', async () => {
    await clickMenu('检查全部工作表');
    // The add-on lists the problems in a dialog, as Google would show it; close it as a user does.
    await expect(page.locator('#dialog-title').textContent()).resolves.toBe('检查结果');
    await expect(page.frameLocator('#dialog-frame').locator('body').textContent()).resolves.toContain(
      '食堂留样',
    );
    await page.click('#dialog-close');
    await page.click('#tabs button[data-sheet="问题清单"]');
    const problems = sheetValues('问题清单').length - 1;
    expect(problems).toBeGreaterThan(0);
    await expect(page.locator('table[data-sheet="问题清单"] tbody tr').count()).resolves.toBe(problems);
    // The 100 g canteen sample of the demo is below the 125 g rule.
    await page.click('#tabs button[data-sheet="食堂留样"]');
    const marked = page.locator('table[data-sheet="食堂留样"] td.note').first();
    await expect(marked.getAttribute('title')).resolves.toMatch(/125/);
    await expect(marked.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.not.toBe(
      'rgba(0, 0, 0, 0)',
    );
  });

  it('reports a repair through the real sidebar, and the workbook shows the new row', async () => {
    const frame = await sidebar();
    await frame.click('[data-action="reportRepair"]');
    await frame.waitForSelector('#form-reportRepair');
    await frame.fill('#f-location', '初三(1)班');
    await frame.fill('#f-description', '窗户玻璃破裂');
    await frame.click('button[type=submit]');
    await frame.waitForSelector('.status.success');
    const reported = sheetValues('维修记录').filter((row) => row.includes('窗户玻璃破裂'));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('张伟'); // the reporter is the active user, the office head
    await page.click('#tabs button[data-sheet="维修记录"]');
    await page.waitForSelector('table[data-sheet="维修记录"] td:text-is("窗户玻璃破裂")');
  });

  it("asks a menu item's prompt in the browser, then runs the item with the answer", async () => {
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept('2026-10');
    });
    await clickMenu('生成其他月份任务…');
    expect(asked).toContain('本月任务');
    const months = sheetValues('任务')
      .slice(1)
      .map((row) => row[1]);
    expect(months).toContain('2026-10');
  });

  it('says on the page why it will not set the clock to 2100, and leaves the clock where it was', async () => {
    const today = await page.inputValue('#today');
    await page.fill('#today', '2100-01-01');
    await page.click('#set-today');
    await page.waitForSelector('#notice.error');
    await expect(page.locator('#notice').textContent()).resolves.toContain(
      '日期须在 2000-01-01 至 2099-12-31 之间',
    );
    await page.waitForFunction(
      (d) => (document.getElementById('today') as HTMLInputElement).value === d,
      today,
    );
    expect(running.playground.today()).toBe(today);
  });

  it('turns automation on, advances the clock a week and finds the weekly digest in the outbox', async () => {
    await clickMenu('启用/停用自动提醒');
    expect(running.playground.emu.triggers.list().length).toBeGreaterThanOrEqual(2);
    await expect(page.locator('#triggers').textContent()).resolves.toContain('已启用');
    const today = await page.inputValue('#today');
    await page.click('button.advance[data-days="7"]');
    await page.waitForFunction(
      (d) => (document.getElementById('today') as HTMLInputElement).value !== d,
      today,
    );
    expect(await page.inputValue('#today')).toBe('2026-09-21');
    await expect(page.locator('#notice').textContent()).resolves.toContain('每周任务');
    const subjects = await page.locator('#outbox .mail .subject').allTextContents();
    expect(subjects.some((s) => s.includes('后勤周报'))).toBe(true);
    // The digest was sent as the trigger sends it: to the office list, at Monday 07:30.
    const digest = running.playground.emu.mail.outbox.find((m) => m.subject.includes('后勤周报'))!;
    expect(digest.to).toContain('lina@school.example');
    expect(digest.sentAt.toISOString()).toBe('2026-09-20T23:30:00.000Z');
    await page.locator('#outbox .mail', { hasText: '后勤周报' }).locator('summary').click();
    await page.waitForSelector('#outbox .mail[open] iframe[sandbox=""]');
    // Rendered, not just listed: the opened message shows the digest of the week that just ended.
    const mail = page.locator('#outbox .mail[open] iframe');
    await expect(mail.contentFrame().locator('body').textContent()).resolves.toContain(
      '统计期间：2026-09-14 至 2026-09-20',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png') });
    await mail.screenshot({ path: join(ARTIFACTS, 'playground-digest.png') });
  });

  it("previews last month's safety report in a dialog, and its PDF in the outbox shows as the page it prints", async () => {
    await clickMenu('预览上月安全月报');
    await expect(page.locator('#dialog-title').textContent()).resolves.toBe('学校安全工作月报（2026年8月）');
    await expect(page.frameLocator('#dialog-frame').locator('h1').textContent()).resolves.toBe(
      '学校安全工作月报',
    );
    // The dialog's PDF buttons reach the bundle through the playground's google.script.run.
    const dialog = page.frameLocator('#dialog-frame');
    const download = page.waitForEvent('download');
    await dialog.locator('button:text-is("下载 PDF")').click();
    expect((await download).suggestedFilename()).toBe('安全月报-2026-08.pdf');
    await expect(dialog.locator('#houqin-pdf-status').textContent()).resolves.toBe(
      '已下载 安全月报-2026-08.pdf。',
    );
    await page.locator('#dialog').screenshot({ path: join(ARTIFACTS, 'playground-dialog-pdf.png') });
    await page.click('#dialog-close');
    await clickMenu('发送上月安全月报');
    const mail = page.locator('#outbox .mail', { hasText: '安全工作月报' });
    await mail.locator('summary').click();
    await expect(mail.locator('.muted', { hasText: '附件' }).textContent()).resolves.toContain(
      '安全月报-2026-08.pdf',
    );
    const pdf = mail.locator('iframe.attachment');
    await expect(pdf.contentFrame().locator('h1').textContent()).resolves.toBe('学校安全工作月报');
    await pdf.screenshot({ path: join(ARTIFACTS, 'playground-safety-report.png') });
  });
});
