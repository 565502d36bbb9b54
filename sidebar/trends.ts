// The dashboard's trends: the same weekly figures and charts as the digest (src/core/figures),
// drawn as inline SVG since the sidebar is a browser.
import type { WeekFigures } from '../src/core/figures';
import { TRENDS, trendMax, weekLabel, type Trend } from '../src/core/figures/trends';
import { messages } from '../src/core/i18n';
import { PAGE_LANG } from './catalogs';
import { h } from './dom';

const W = 260;
const H = 56;

function svg(tag: string, attrs: Record<string, string | number>, text = ''): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.textContent = text;
  return el;
}

function chart(trend: Trend, weeks: readonly WeekFigures[]): HTMLElement {
  const m = messages(PAGE_LANG).alerts.digest;
  const max = trendMax(weeks, trend);
  const slot = W / weeks.length;
  const bar = Math.min(10, (slot - 3) / trend.series.length);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H + 14}`, role: 'img', 'aria-label': m[trend.title] });
  weeks.forEach((w, i) => {
    trend.series.forEach((s, j) => {
      const v = w[s.figure];
      const y = H - Math.max(1, (v / max) * H);
      const x = i * slot + (slot - bar * trend.series.length) / 2 + j * bar;
      root.append(svg('rect', { x, y, width: bar - 1, height: H - y, fill: v ? s.color : '#dadce0' }));
    });
    // A 300 px sidebar fits about six labels: every other week, ending with the last.
    if ((weeks.length - 1 - i) % 2 === 0)
      root.append(
        svg('text', { x: i * slot + slot / 2, y: H + 11, 'text-anchor': 'middle' }, weekLabel(w.from)),
      );
  });
  const last = weeks.at(-1)!;
  const latest = trend.series.map((s) => `${m.series[s.name]} ${last[s.figure]}`).join(' · ');
  return h(
    'figure',
    { 'data-trend': trend.title },
    h('figcaption', {}, m[trend.title]),
    root as unknown as HTMLElement,
    h('div', { class: 'gray' }, m.lastWeek.replace('{value}', latest)),
  );
}

/** The dashboard's trend charts, or nothing before the workbook holds any record. */
export function trendsView(weeks: readonly WeekFigures[]): HTMLElement | null {
  if (!weeks.length) return null;
  const m = messages(PAGE_LANG).alerts.digest;
  return h(
    'div',
    { class: 'trends' },
    h('h2', {}, m.trends.replace('{weeks}', String(weeks.length))),
    ...TRENDS.map((t) => chart(t, weeks)),
  );
}
