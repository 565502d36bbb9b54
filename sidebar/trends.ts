// The dashboard's trends: the same weekly figures and charts as the digest (src/core/figures),
// drawn as inline SVG since the sidebar is a browser.
import type { WeekFigures } from '../src/core/figures';
import { TRENDS, trendMax, weekLabel, type Trend } from '../src/core/figures/trends';
import { messages } from '../src/core/i18n';
import { PAGE_LANG } from './catalogs';
import { h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 260;
const HEIGHT = 56;
const LABELS = 14;

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function chart(trend: Trend, weeks: readonly WeekFigures[]): HTMLElement {
  const m = messages(PAGE_LANG).alerts.digest;
  const max = trendMax(weeks, trend);
  const slot = WIDTH / weeks.length;
  const bar = Math.max(2, Math.min(10, (slot - 3) / trend.series.length));
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT + LABELS}`,
    width: '100%',
    role: 'img',
    'aria-label': m[trend.title],
  });
  weeks.forEach((w, i) => {
    const x0 = i * slot + (slot - bar * trend.series.length) / 2;
    trend.series.forEach((s, j) => {
      const v = w[s.figure];
      const hgt = Math.max(1, (v / max) * HEIGHT);
      const rect = svg('rect', {
        x: x0 + j * bar,
        y: HEIGHT - hgt,
        width: bar - 1,
        height: hgt,
        fill: v ? s.color : '#dadce0',
      });
      rect.append(svg('title', {}, `${w.from} ${m.series[s.name]} ${v}`));
      root.append(rect);
    });
    // Every other label when the weeks are many: a 300 px sidebar fits about six.
    if (weeks.length <= 6 || (weeks.length - 1 - i) % 2 === 0)
      root.append(
        svg(
          'text',
          {
            x: i * slot + slot / 2,
            y: HEIGHT + LABELS - 3,
            'text-anchor': 'middle',
            'font-size': 9,
            fill: '#5f6368',
          },
          weekLabel(w.from),
        ),
      );
  });
  const last = weeks.at(-1)!;
  return h(
    'figure',
    { class: 'trend', 'data-trend': trend.title },
    h('figcaption', {}, m[trend.title]),
    root as unknown as HTMLElement,
    h(
      'div',
      { class: 'gray' },
      m.lastWeek.replace(
        '{value}',
        trend.series.map((s) => `${m.series[s.name]} ${last[s.figure]}`).join(' · '),
      ),
    ),
  );
}

/** The trends section of the dashboard, or nothing before the workbook holds any record. */
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
