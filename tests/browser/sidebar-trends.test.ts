import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startSidebarServer } from '../../playground/bridge';
import { digestWorkbook } from '../integration/digest.fixture';
import { ARTIFACTS, launchChromium } from '../support/browser';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await startSidebarServer(digestWorkbook());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dashboard trends in the sidebar', () => {
  it("draws the digest's twelve weeks as SVG bars, with last week's figures in words", async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('[data-trend]');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-trends.png'), fullPage: true });
    await expect(page.locator('.trends h2').textContent()).resolves.toBe('近 12 周趋势');
    // Two bars a week for repairs and inspections, one for hazards.
    const bars = (t: string) => page.locator(`[data-trend="${t}"] rect`).count();
    expect([await bars('trendRepairs'), await bars('trendInspections'), await bars('trendHazards')]).toEqual([
      24, 24, 12,
    ]);
    await expect(page.locator('[data-trend="trendRepairs"] .gray').textContent()).resolves.toBe(
      '上周 报修 5 · 修好 0',
    );
    // The tallest repairs bar (5) fills the chart; the 2-repair weeks are two fifths of it.
    const heights = await page
      .locator('[data-trend="trendRepairs"] rect')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(Math.max(...heights)).toBe(56);
    expect(heights[0]).toBeCloseTo((2 / 5) * 56);
    // Nothing wider than the sidebar.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  });
});
