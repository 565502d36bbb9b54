import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createEmulator } from '../../emulator';
import { handleRun, RUN_ENDPOINT, serveSidebarHtml } from '../../playground/bridge';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { loadBundle, type Bundle } from '../support/bundle';
import { STAFF } from '../support/office';
import { printToPdf } from '../support/pdf';
import { fillSheet, setSetting } from '../support/workbook';

const ORIGIN = 'http://houqin.test';
const FILE = '财产交接单-三年级2班-第一学期.pdf';

let bundle: Bundle;
let browser: Browser;
let page: Page;
let dialogHtml: string;

beforeAll(async () => {
  bundle = loadBundle(createEmulator({ now: '2026-12-01T09:00:00+08:00', timeZone: 'Asia/Shanghai' }));
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(bundle.emu, '学校名称', '第一中学');
  fillSheet(bundle.emu, 'assets', [
    {
      assetId: 'ZC-001',
      name: '多媒体讲台',
      location: '三年级2班',
      custodian: '王芳',
      quantity: 1,
      status: '在用',
    },
    {
      assetId: 'ZC-002',
      name: '课桌椅',
      location: '三年级2班',
      custodian: '王芳',
      quantity: 45,
      status: '在用',
    },
  ]);
  bundle.emu.ui.answerPrompts({ button: 'OK', text: '三年级2班' });
  bundle.clickMenu('打印财产交接单…');
  dialogHtml = bundle.emu.ui.dialogs.at(-1)!.html;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 860, height: 640 } });
  page.setDefaultTimeout(5000);
  // The dialog as Apps Script serves it, its google.script.run carried to the bundle (the playground's bridge).
  await page.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && new URL(request.url()).pathname === RUN_ENDPOINT) {
      const { status, json } = handleRun(bundle, request.postData() ?? '');
      return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(json) });
    }
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: serveSidebarHtml(dialogHtml) });
  });
  await page.goto(`${ORIGIN}/dialog`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const status = () => page.locator('#houqin-pdf-status');

describe("a document's dialog in Chromium", () => {
  it('下载 PDF downloads the PDF under its Chinese file name and says so', async () => {
    const download = page.waitForEvent('download');
    await page.click('text=下载 PDF');
    const file = await download;
    expect(file.suggestedFilename()).toBe(FILE);
    const path = join(ARTIFACTS, 'dialog-download.pdf');
    await file.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The emulator's stand-in carries the page it was made from: the room's list, rebuilt by the server.
    const attached = join(ARTIFACTS, 'dialog-download-source.html');
    execFileSync('pdfdetach', ['-save', '1', '-o', attached, path]);
    expect(readFileSync(attached, 'utf8')).toContain('多媒体讲台');
    await expect(status().textContent()).resolves.toBe(`已下载 ${FILE}。`);
    await page.screenshot({ path: join(ARTIFACTS, 'dialog-pdf-buttons.png') });
  });

  it('the e-mail button works from the keyboard and names the address it sent to', async () => {
    const before = bundle.emu.mail.outbox.length;
    await page.focus('button[data-pdf="download"]');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '发送 PDF 到我的邮箱',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.getElementById('houqin-pdf-status')!.textContent!.startsWith('已把'),
    );
    await expect(status().textContent()).resolves.toBe(`已把 ${FILE} 发送到 ${STAFF.head}，请查收。`);
    expect(bundle.emu.mail.outbox).toHaveLength(before + 1);
    expect(bundle.emu.mail.outbox.at(-1)!.attachments![0]!.name).toBe(FILE);
  });

  it("short of today's quota: the dialog says so as an error, and nothing is sent", async () => {
    const before = bundle.emu.mail.outbox.length;
    bundle.emu.mail.setQuota(0);
    try {
      await page.click('text=发送 PDF 到我的邮箱');
      await page.waitForSelector('#houqin-pdf-status.error');
      await expect(status().textContent()).resolves.toContain('今天的邮件配额已经用完');
      await page.screenshot({ path: join(ARTIFACTS, 'dialog-pdf-quota.png') });
      expect(bundle.emu.mail.outbox).toHaveLength(before);
      await expect(page.isEnabled('button[data-pdf="email"]')).resolves.toBe(true);
    } finally {
      bundle.emu.mail.setQuota(100);
    }
  });

  it('the printed page has the document and none of the buttons', async () => {
    const pdf = await printToPdf(page, serveSidebarHtml(dialogHtml), 'dialog-printed');
    const text = pdf.pages.join('\n').replace(/\s+/g, '');
    expect(text).toContain('多媒体讲台');
    expect(text).toContain('第1页，共1页');
    for (const button of ['下载PDF', '发送PDF到我的邮箱', '打印时选择A4纸'])
      expect(text).not.toContain(button);
  });
});
