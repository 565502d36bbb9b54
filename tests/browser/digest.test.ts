import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { overdueWorkbook } from '../integration/alerts.fixture';
import { digestWorkbook } from '../integration/digest.fixture';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { fillSheet, syntheticRows } from '../support/workbook';

/** Gmail clips an HTML message past about 102 KB and hides the rest behind a link. */
const GMAIL_CLIP = 102 * 1024;

let browser: Browser;
let page: Page;
let html: string;

function digestHtml(
  rows: number,
  more?: Parameters<typeof digestWorkbook>[1],
): { html: string; body: string } {
  const bundle = digestWorkbook(rows, more);
  bundle.clickMenu('发送后勤周报');
  const mail = bundle.emu.mail.outbox.at(-1)!;
  return { html: mail.htmlBody!, body: mail.body };
}

async function show(markup: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${markup}</body>`);
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  html = digestHtml(0).html;
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the weekly digest in a real browser', () => {
  it.each([390, 760])('reads in one column at %i px, the band first', async (width) => {
    await show(html, width);
    await page.screenshot({ path: join(ARTIFACTS, `digest-${width}.png`), fullPage: true });
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const column = await page.locator('body > div').first().boundingBox();
    expect(column!.width).toBeLessThanOrEqual(600);
    const band = await page.locator('[data-band]').innerText();
    for (const text of [
      '逾期维修',
      '5',
      '较上周 +5',
      '隐患逾期未整改',
      '安全检查完成',
      '2/4',
      '上周 3/4',
      '¥120.00',
    ])
      expect(band).toContain(text);
    // The band comes before "needs attention", which comes before the trends.
    const top = async (sel: string) => (await page.locator(sel).first().boundingBox())!.y;
    expect(await top('[data-band]')).toBeLessThan(await top('[data-attention]'));
    expect(await top('[data-attention]')).toBeLessThan(await top('[data-chart]'));
    // Bad figures in red, good in green.
    const colour = (key: string) =>
      page.locator(`[data-figure="${key}"]`).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(await colour('overdueRepairs')).toBe('rgb(252, 232, 230)');
    expect(await colour('lowStock')).toBe('rgb(230, 244, 234)');
  });

  it('draws the trends without a single image, so blocked images lose nothing', async () => {
    await show(html, 390);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[data-chart]').count()).toBe(3);
    // The tallest bar of the repairs chart is the 5-repair weeks, drawn 48 px high.
    const heights = await page
      .locator('[data-chart="trendRepairs"] td[bgcolor]')
      .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().height)));
    expect(Math.max(...heights)).toBe(48);
    expect(heights).toHaveLength(24);
  });

  it('shows a <script> cell as text and runs nothing', async () => {
    await show(html, 760);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('<script>alert("x")</script> 门锁');
  });

  it('shows an alert e-mail on a phone with what to do first on top', async () => {
    const bundle = overdueWorkbook();
    bundle.emu.clock.set(new Date('2026-09-14T07:00:00+08:00'));
    bundle.clickMenu('立即发送逾期提醒');
    const head = bundle.emu.mail.outbox.find((m) => m.to === 'head@school.example')!;
    await show(head.htmlBody!, 390);
    await page.screenshot({ path: join(ARTIFACTS, 'alert-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const headings = await page.locator('h3').allInnerTexts();
    expect(headings[0]).toMatch(/^请先处理（\d+）$/);
    expect(await page.locator('body').innerText()).toContain('已报总务主任');
    // One line break between an item and its details, not an empty line.
    expect(await page.locator('li br').count()).toBe(await page.locator('li').count());
  });

  it('stays under the Gmail clipping size at 50,000 rows, long texts and long lists included', async () => {
    const long = '很长的说明文字'.repeat(30);
    const big = digestHtml(50_000, (emu) => {
      const tasks = syntheticRows('repairs', 3000).map((r, i) => ({
        taskId: `N-${i}`,
        dueDate: new Date('2026-11-24T00:00:00+08:00'),
        title: `${long}${i}`,
        source: '行事历',
        assignee: `老师${i % 50}`,
        status: '待办',
        ref: String(r.repairId),
      }));
      fillSheet(emu, 'tasks', tasks);
    });
    const bytes = Buffer.byteLength(big.html);
    console.log(`digest at 50,000 rows: ${bytes} bytes of HTML, ${Buffer.byteLength(big.body)} of text`);
    expect(bytes).toBeLessThan(GMAIL_CLIP);
    await show(big.html, 390);
    await page.screenshot({ path: join(ARTIFACTS, 'digest-50k-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(big.body).toContain('还有 2992 项，在工作簿中查看');
    // A cell's long text is cut to a phone line or two; the workbook has the rest.
    expect(big.body).toContain(`11-24 ${long.slice(0, 59)}…`);
    expect(big.body).not.toContain(long);
  }, 120_000);
});
