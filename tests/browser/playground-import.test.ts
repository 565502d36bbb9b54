// The playground's whole import path in Chromium: a GBK .csv uploaded on the page becomes a sheet,
// 导入台账… opens the real dialog, its preview and Import run through the built bundle.
import { join } from 'node:path';
import { encode } from 'iconv-lite';
import { type Browser, type Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../playground/server';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { assetLedger } from '../support/ledgers';

let running: RunningPlayground;
let browser: Browser;
let page: Page;

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

const csv = () =>
  assetLedger()
    .map((r) =>
      r
        .map((v) => (v instanceof Date ? '2022/3/5' : /[",]/.test(String(v)) ? `"${String(v)}"` : String(v)))
        .join(','),
    )
    .join('\r\n');

describe('importing a file in the playground', () => {
  it('uploads a GBK .csv, previews it in the import dialog and imports 8 assets', async () => {
    await page.setInputFiles('#upload', {
      name: '资产台账.csv',
      mimeType: 'text/csv',
      buffer: encode(csv(), 'gbk'),
    });
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent?.includes('资产台账'));
    await page.waitForSelector('#tabs button[data-sheet="资产台账"]');
    await page.click('#menu-buttons button:text-is("导入台账…")');
    await page.waitForSelector('#dialog[open]');
    const dialog = page.frameLocator('#dialog-frame');
    await expect(dialog.locator('#source').inputValue()).resolves.toBe('资产台账');
    await dialog.locator('#preview').click();
    await expect(dialog.locator('[data-count="add"] b').textContent()).resolves.toBe('8');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-import-preview.png') });
    await dialog.locator('#import').click();
    await expect(dialog.locator('.status.ok').textContent()).resolves.toContain('新增 8 行');
    const ids = running.playground.emu.spreadsheet
      .getSheetByName('固定资产')!
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    expect(ids).toContain('ZC00008');
  });

  it('says why a file that is not an .xlsx is refused, adding no sheet', async () => {
    const sheets = () => running.playground.emu.spreadsheet.getSheets().length;
    const before = sheets();
    await page.setInputFiles('#upload', {
      name: 'ledger.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a zip'),
    });
    await page.waitForFunction(() =>
      document.querySelector('#notice.error')?.textContent?.includes('不是 .xlsx'),
    );
    expect(sheets()).toBe(before);
  });
});
