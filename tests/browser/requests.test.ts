import { join } from 'node:path';
import jsQR from 'jsqr';
import { type Browser, type Locator } from 'playwright-core';
import { messages } from '../../src/core/i18n';
import { roomUrl } from '../../src/core/requests/labels';
import { startPlayground } from '../../playground/server';
import { startWebAppServer } from '../../playground/webapp';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { fillSheet, setSetting } from '../support/workbook';
import { asset, REQUEST, repairRows, requestWorkbook, ROOM } from '../integration/requests.fixture';

const zh = messages('zh-CN').requests;
const en = messages('en').requests;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe.each([
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
])('the request page on a %s', (device, viewport) => {
  it('takes a report from a QR code to a receipt and a status page that follows the repair', async () => {
    const bundle = requestWorkbook();
    const server = await startWebAppServer(bundle);
    const page = await browser.newPage({ viewport });
    try {
      // Scanning a room's code is opening its URL.
      await page.goto(`${server.url}/app?room=${encodeURIComponent(ROOM)}`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.textContent('h1')).toBe(zh.title);
      expect(await page.textContent('[data-room]')).toBe(ROOM);
      const options = await page.locator('select[name=assetId] option').allTextContents();
      expect(options).toEqual(['投影仪 (ZC-001)', '空调 (ZC-002)', zh.otherAsset]);
      expect(await page.inputValue('input[name=name]')).toBe('张老师');
      await page.fill('textarea[name=description]', REQUEST.description);
      await page.fill('input[name=group]', REQUEST.group);
      await page.check('input[name=urgency][value=hazard]');
      await page.screenshot({ path: join(ARTIFACTS, `request-form-${device}.png`), fullPage: true });
      await page.dblclick('button[type=submit]');
      await page.waitForSelector('[data-receipt]');
      expect(await page.textContent('[data-receipt]')).toBe('BX-20260901-001');
      await page.screenshot({ path: join(ARTIFACTS, `request-receipt-${device}.png`), fullPage: true });

      const rows = repairRows(bundle).filter((r) => r[0]);
      expect(rows).toHaveLength(1);
      expect((rows[0]![8] as Date).toISOString()).toBe('2026-09-02T00:00:00.000Z');
      expect(bundle.emu.mail.outbox.map((m) => m.to).sort()).toEqual([
        'head@school.example',
        'li@school.example',
        'teacher@school.example',
      ]);

      // The same asset again: the page says it is already reported before anyone submits.
      await page.goto(`${server.url}/app?room=${encodeURIComponent(ROOM)}`);
      expect(await page.textContent('[data-duplicate]')).toBe(
        zh.alreadyReported.replace('{asset}', '投影仪').replace('{due}', '2026-09-02 08:00'),
      );
      // An asset's own label chooses that asset.
      await page.goto(`${server.url}/app?room=${encodeURIComponent(ROOM)}&asset=ZC-002`);
      expect(await page.inputValue('select[name=assetId]')).toBe('ZC-002');

      const link = bundle.emu.mail.outbox
        .find((m) => m.to === 'teacher@school.example')!
        .body.match(/https?:\S+/)![0];
      await page.goto(link);
      expect(await page.locator('.steps li.done').count()).toBe(2);
      bundle.emu.clock.advance(3 * 3_600_000);
      bundle.run('apiSubmitCompleteRepair', { repairId: 'BX-20260901-001', cause: 'wear' });
      await page.reload();
      expect(await page.locator('.steps li.done').count()).toBe(3);
      expect(await page.textContent('[data-step=repaired] .at')).toBe('2026-09-01 11:00');
      await page.screenshot({ path: join(ARTIFACTS, `request-status-${device}.png`), fullPage: true });
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('the request page refusing and keeping what was typed', () => {
  it('shows the Settings language, a clear refusal and the form intact when the workbook is busy', async () => {
    const bundle = requestWorkbook();
    setSetting(bundle.emu, '界面语言', 'English');
    const server = await startWebAppServer(bundle);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${server.url}/app?room=${encodeURIComponent(ROOM)}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.textContent('button[type=submit]')).toBe(en.submit);
      await page.fill('textarea[name=description]', 'x'.repeat(400));
      // maxlength stops the typing at the limit; a blank name is refused on the page.
      expect((await page.inputValue('textarea[name=description]')).length).toBe(300);
      await page.fill('input[name=name]', '');
      await page.click('button[type=submit]');
      expect(await page.textContent('[data-field=name] .error')).toBe(en.required);
      await page.fill('input[name=name]', 'Ms Zhang');
      bundle.emu.lock.holdByOther(true);
      await page.click('button[type=submit]');
      await page.waitForSelector('.status');
      expect(await page.textContent('.status')).toBe(en.busy);
      expect(await page.inputValue('input[name=name]')).toBe('Ms Zhang');
      await page.screenshot({ path: join(ARTIFACTS, 'request-busy-phone.png'), fullPage: true });
      bundle.emu.lock.holdByOther(false);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-receipt]');
      expect(repairRows(bundle).filter((r) => r[0])).toHaveLength(1);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('the request page without a QR code', () => {
  it('says an unknown place is unknown, and offers the assets of the place picked from the list', async () => {
    const bundle = requestWorkbook();
    const server = await startWebAppServer(bundle);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${server.url}/app?room=${encodeURIComponent('火星<b>')}`);
      expect(await page.textContent('[data-field=room] .error')).toBe(
        zh.unknownRoom.replace('{room}', '火星<b>'),
      );
      expect(await page.locator('[data-field=room] b').count()).toBe(0);
      await page.selectOption('select[name=room]', '音乐教室');
      await page.waitForSelector('select[name=assetId] option[value="ZC-003"]', { state: 'attached' });
      expect(await page.locator('[data-field=room] .error').allTextContents()).toEqual(['']);
      expect(await page.locator('select[name=assetId] option').allTextContents()).toEqual([
        '钢琴 (ZC-003)',
        zh.otherAsset,
      ]);
      await page.screenshot({ path: join(ARTIFACTS, 'request-pick-room-phone.png'), fullPage: true });
    } finally {
      await page.close();
      await server.close();
    }
  });
});

/** The label's code drawn to a canvas at 4 pixels a module and decoded by a QR reader. */
async function decodeLabel(label: Locator): Promise<string | null> {
  const { width, pixels } = await label.locator('svg').evaluate(async (svg) => {
    const n = Number(svg.getAttribute('viewBox')!.split(' ')[2]) * 4;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = n;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, n, n);
    return { width: n, pixels: Array.from(context.getImageData(0, 0, n, n).data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels), width, width)?.data ?? null;
}

describe('the QR label sheet', () => {
  it('lays the codes out three to a row with the room under each, as printed on A4', async () => {
    const bundle = requestWorkbook();
    const server = await startWebAppServer(bundle);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const asked: string[] = [];
      page.on('request', (r) => asked.push(r.url()));
      await page.goto(`${server.url}/labels`);
      const names = await page.locator('.label b').allTextContents();
      // One response, nothing from anywhere else: the codes are drawn in the page.
      expect(asked).toEqual([`${server.url}/labels`]);
      expect(names.sort()).toEqual([ROOM, '音乐教室'].sort());
      const boxes = await page
        .locator('.label')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      // 70 mm at 96 dpi.
      for (const w of boxes) expect(Math.round(w)).toBe(265);
      await page.screenshot({ path: join(ARTIFACTS, 'request-labels.png') });
      // Each code, as Chromium drew it, reads back as its room's address (what a phone's camera does).
      for (const label of await page.locator('.label').all()) {
        const room = (await label.locator('b').textContent())!;
        expect(await decodeLabel(label)).toBe(roomUrl(`${server.url}/app`, room));
      }
      // 30 places print on two A4 sheets, 24 and 6.
      fillSheet(
        bundle.emu,
        'assets',
        Array.from({ length: 30 }, (_, i) => asset(`ZC-${i}`, '课桌', `教室${String(i).padStart(2, '0')}`)),
      );
      await page.goto(`${server.url}/labels`);
      expect(await page.locator('.sheet').evaluateAll((els) => els.map((e) => e.children.length))).toEqual([
        24, 6,
      ]);
      const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('the playground', () => {
  it('serves the request page beside the workbook: a scanned label opens its room, and a report lands', async () => {
    const running = await startPlayground({ port: 0 });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(new URL('/labels', running.url).href);
      const first = (await page.locator('.label b').first().textContent())!;
      const scanned = (await decodeLabel(page.locator('.label').first()))!;
      expect(scanned).toBe(roomUrl(new URL('/app', running.url).href, first));
      const before = running.playground.emu.spreadsheet.getSheetByName('维修记录')!.getLastRow();
      // Scanning is opening the encoded URL: the label sheet's codes point at this playground's /app.
      await page.goto(scanned);
      expect(await page.textContent('[data-room]')).toBe(first);
      await page.fill('textarea[name=description]', '门锁坏了');
      await page.fill('input[name=name]', '访客');
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-receipt]');
      expect(running.playground.emu.spreadsheet.getSheetByName('维修记录')!.getLastRow()).toBe(before + 1);
    } finally {
      await page.close();
      await running.close();
    }
  });
});
