import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { createEmulator, type Emulator } from '../../emulator';
import { handleRun, RUN_ENDPOINT, serveSidebarHtml } from '../../playground/bridge';
import { readBody } from '../../playground/guard';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { loadBundle, type Bundle } from '../support/bundle';
import { assetLedger } from '../support/ledgers';

const TZ = 'Asia/Shanghai';

let bundle: Bundle;
let browser: Browser;
let page: Page;
let server: Server;
let url: string;

const values = (emu: Emulator, name: string) =>
  emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();

/** Serves the dialog the menu item showed, with the google.script.run shim, and answers its calls. */
async function serveDialog(): Promise<void> {
  server = createServer((req, res) => {
    const send = (status: number, type: string, text: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
      res.end(text);
    };
    if (req.method === 'POST' && req.url === RUN_ENDPOINT) {
      void readBody(req).then((body) => {
        const { status, json } = handleRun(bundle, body ?? '');
        send(status, 'application/json', JSON.stringify(json));
      });
      return;
    }
    const shown = bundle.emu.ui.dialogs.length;
    bundle.clickMenu('导入台账…');
    send(200, 'text/html', serveSidebarHtml(bundle.emu.ui.dialogs[shown]!.html));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  bundle = loadBundle(createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ }));
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  const ledger = assetLedger();
  const sheet = bundle.emu.spreadsheet.insertSheet('资产台账');
  sheet.getRange(1, 1, ledger.length, 13).setValues(ledger);
  await serveDialog();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 960, height: 680 } });
  page.setDefaultTimeout(8000);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('the import dialog in Chromium', () => {
  it('previews the ledger: header row, counts, columns by name, leftovers and skipped rows', async () => {
    await page.goto(url);
    await page.waitForSelector('#source');
    await expect(page.locator('#source').inputValue()).resolves.toBe('资产台账');
    await page.click('#preview');
    await page.waitForSelector('#counts');
    await expect(page.locator('#header-found').textContent()).resolves.toBe('表头在第 4 行');
    await expect(page.locator('[data-count="add"] b').textContent()).resolves.toBe('8');
    await expect(page.locator('[data-count="skipped"] b').textContent()).resolves.toBe('3');
    await expect(page.locator('select[data-field="custodian"]').inputValue()).resolves.toBe('6');
    await expect(page.locator('#leftovers').textContent()).resolves.toContain('使用部门');
    await expect(page.locator('#skipped li').allTextContents()).resolves.toEqual([
      '第 9 行：合计/小计行',
      '第 11 行：重复的表头行（分页打印）',
      '第 17 行：合计/小计行',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png'), fullPage: true });
    expect(values(bundle.emu, '固定资产')).toHaveLength(1);
  });

  it('a changed drop-down previews again; Import writes and says what it did', async () => {
    await page.selectOption('select[data-field="location"]', '4');
    await page.waitForFunction(() =>
      document.querySelector('select[data-field="location"]')?.closest('tr')?.textContent?.includes('已修改'),
    );
    await page.click('#import');
    await page.waitForSelector('.status.ok');
    await expect(page.locator('.status.ok').textContent()).resolves.toContain('新增 8 行');
    const assets = values(bundle.emu, '固定资产');
    expect(assets).toHaveLength(9);
    expect(assets[1]![4]).toBe('教务处');
    await page.screenshot({ path: join(ARTIFACTS, 'import-done.png'), fullPage: true });
  });

  it('shows each conflict with keep / take and imports only once every one has a choice', async () => {
    // The first import took 使用部门 as the place; this ledger's 存放地点 now differs on every row.
    bundle.emu.spreadsheet.getSheetByName('固定资产')!.getRange('E3').setValue('图书室');
    await page.goto(url);
    await page.waitForSelector('#source');
    await page.click('#preview');
    await page.waitForSelector('#conflicts');
    await expect(page.locator('[data-count="conflicts"] b').textContent()).resolves.toBe('8');
    await expect(page.locator('#import').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#conflicts li').nth(1).textContent()).resolves.toContain(
      'ZC00002「存放地点」：工作簿为「图书室」，台账为「102教室」',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'import-conflict.png'), fullPage: true });
    await page.check('#conflicts li:nth-child(1) input[data-choice="take"]');
    await page.waitForFunction(() => document.querySelector('#conflicts input[data-choice="take"]:checked'));
    await expect(page.locator('#import').isDisabled()).resolves.toBe(true);
    await page.click('#keep-all');
    await page.waitForFunction(
      () => !(document.querySelector('#import') as HTMLButtonElement | null)?.disabled,
    );
    await page.click('#import');
    await page.waitForSelector('.status.ok');
    const assets = values(bundle.emu, '固定资产');
    expect(assets.slice(1).map((r) => r[4])).toEqual(['教务处', '图书室', ...Array(6).fill('教务处')]);
  });
});
