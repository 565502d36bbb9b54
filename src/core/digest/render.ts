import { rowLink, sheetLink, type Mail, type WorkbookLinks } from '../alerts';
import { MAIL_FONT, colon, paren } from '../alerts/render';
import type { WeekFigures } from '../figures';
import { TRENDS, trendMax, trendWeeks, weekLabel, type Trend } from '../figures/trends';
import { el, join, link, raw, type Html } from '../html';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { OverdueItem } from '../overdue';
import type { SheetKey } from '../sheets';
import type { Attention, Digest, Top } from './model';

export interface DigestContext {
  readonly lang: Lang;
  readonly schoolName: string;
  readonly links: WorkbookLinks;
}

type Tone = 'good' | 'better' | 'bad';
/** Text colour and cell background per tone: green when at target, amber when improving, red otherwise. */
const TONES: Record<Tone, { fg: string; bg: string }> = {
  good: { fg: '#137333', bg: '#e6f4ea' },
  better: { fg: '#b06000', bg: '#fef7e0' },
  bad: { fg: '#c5221f', bg: '#fce8e6' },
};

type BandKey = keyof ReturnType<typeof messages>['alerts']['digest']['band'];

/** One figure of the summary band: what it shows, how it compares with the week before. */
export interface BandFigure {
  readonly key: BandKey;
  readonly value: string;
  readonly change: string;
  readonly tone: Tone;
}

const money = (n: number) => n.toFixed(2);
const signed = (n: number, show: (n: number) => string = String) =>
  `${n > 0 ? '+' : '−'}${show(Math.abs(n))}`;

/** The band: last week against the week before (none before the first week with data). */
export function band(d: Digest, lang: Lang): BandFigure[] {
  const m = messages(lang).alerts.digest;
  const week = d.history.at(-1)!;
  const before = d.history.at(-2);
  const prev = before?.hasData ? before : null;
  /** A count where fewer is better. */
  const count = (
    key: BandKey,
    get: (w: WeekFigures) => number,
    show: (n: number) => string = String,
  ): BandFigure => {
    const v = get(week);
    const p = prev && get(prev);
    const change =
      p === null ? m.firstWeek : v === p ? m.same : fill(m.change, { delta: signed(v - p, show) });
    const tone: Tone = v === 0 ? 'good' : p !== null && v < p ? 'better' : 'bad';
    return { key, value: show(v), change, tone };
  };
  /** Done of planned, where all done is the target. */
  const ratio = (key: BandKey, done: (w: WeekFigures) => number, due: (w: WeekFigures) => number) => {
    const shown = (w: WeekFigures) => (due(w) ? `${done(w)}/${due(w)}` : m.nonePlanned);
    const rate = (w: WeekFigures) => (due(w) ? done(w) / due(w) : 1);
    const change = prev ? fill(m.lastWeek, { value: shown(prev) }) : m.firstWeek;
    const tone: Tone = rate(week) === 1 ? 'good' : prev && rate(week) > rate(prev) ? 'better' : 'bad';
    return { key, value: shown(week), change, tone };
  };
  return [
    count('overdueRepairs', (w) => w.overdueRepairs),
    count('hazardsLate', (w) => w.hazardsLate),
    ratio(
      'inspections',
      (w) => w.inspectionsDone,
      (w) => w.inspectionsPlanned,
    ),
    count('lowStock', (w) => w.lowStock),
    count(
      'feesLate',
      (w) => w.feesLateAmount,
      (n) => `¥${money(n)}`,
    ),
    ratio(
      'tasks',
      (w) => w.tasksDone,
      (w) => w.tasksDue,
    ),
  ];
}

interface Line {
  readonly text: string;
  readonly href?: string;
}

interface Section {
  readonly title: string;
  readonly lines: readonly string[];
  readonly items: readonly Line[];
  /** How many items were left out, and where the workbook lists them all. */
  readonly more: number;
  readonly sheet?: SheetKey;
}

function state(i: OverdueItem, lang: Lang): string {
  const m = messages(lang).alerts;
  return i.daysOverdue > 0 ? fill(m.overdueDays, { days: i.daysOverdue }) : fill(m.due, { day: i.due });
}

/** Cell text as long as a phone line or two: the full text is one click away in the workbook. */
const CLIP = 60;
const clip = (text: string) => (text.length > CLIP ? `${text.slice(0, CLIP - 1)}…` : text);

/** An item's title with its place or details, as the office writes it. */
function titled(i: OverdueItem, lang: Lang): string {
  return i.detail ? paren(lang, clip(i.title), clip(i.detail)) : clip(i.title);
}

function who(i: OverdueItem, lang: Lang): string {
  return i.person ? ` · ${fill(messages(lang).alerts.digest.who, { name: i.person })}` : '';
}

function itemLine(i: OverdueItem, ctx: DigestContext): Line {
  return {
    text: `${titled(i, ctx.lang)} · ${state(i, ctx.lang)}${who(i, ctx.lang)}`,
    href: rowLink(ctx.links, i.sheet, i.row),
  };
}

function attentionLine(a: Attention, ctx: DigestContext): Line {
  const m = messages(ctx.lang).alerts.digest;
  const k = m.attentionKinds;
  if (a.kind === 'samples') return { text: fill(k.samples, { day: a.day }) };
  if (a.kind === 'damage') {
    const { line } = a;
    return {
      text: fill(messages(ctx.lang).routines.damage, {
        location: line.location,
        count: line.repairs,
        person: line.byPerson,
        amount: money(line.compensation),
        term: a.termRepairs,
      }),
      href: sheetLink(ctx.links, 'repairs'),
    };
  }
  if (a.kind === 'dutyGap') {
    const d = messages(ctx.lang).routines.duty;
    const { holiday, days } = a.gap;
    const list = days.slice(0, 5).join(messages(ctx.lang).validation.listSeparator);
    return {
      text: fill(d.digestGap, {
        holiday: holiday.name,
        start: holiday.start,
        count: days.length,
        days: days.length > 5 ? `${list}${d.more}` : list,
      }),
      href: sheetLink(ctx.links, 'duty'),
    };
  }
  if (a.kind === 'fees')
    return {
      text: fill(k.fees, { ...a.gap, amount: money(a.gap.amount) }),
      href: sheetLink(ctx.links, 'feePayments'),
    };
  const i = a.item;
  // Asset services share the certificate kind (both expire on a day); the office words them apart.
  const kind =
    i.kind === 'certificate' && i.sheet === 'assets'
      ? 'service'
      : i.kind === 'hazard' || i.kind === 'certificate' || i.kind === 'repair'
        ? i.kind
        : 'inspection';
  return {
    text: `${fill(k[kind], { days: i.daysOverdue, day: i.due, title: titled(i, ctx.lang) })}${who(i, ctx.lang)}`,
    href: rowLink(ctx.links, i.sheet, i.row),
  };
}

function sections(d: Digest, ctx: DigestContext): Section[] {
  const m = messages(ctx.lang).alerts.digest;
  const listed = (list: Top<OverdueItem>, sheet: SheetKey) => ({
    items: list.top.map((i) => itemLine(i, ctx)),
    more: list.more,
    sheet,
  });
  const all: Section[] = [
    {
      title: m.repairs,
      lines: [
        fill(m.repairsLine, { overdue: d.repairs.overdue }),
        d.repairs.medianHours === null ? '' : fill(m.medianLine, { hours: d.repairs.medianHours }),
        d.repairs.waiting ? fill(m.waitingLine, { count: d.repairs.waiting }) : '',
      ],
      ...listed(d.repairs, 'repairs'),
    },
    {
      title: m.inspections,
      lines: [fill(m.inspectionsLine, { results: d.inspections.results, late: d.inspections.late })],
      ...listed(d.inspections, 'inspectionResults'),
    },
    {
      title: m.stock,
      lines: [fill(m.stockLine, { loans: d.stock.loans })],
      ...listed(d.stock, 'stockItems'),
    },
    {
      title: m.fees,
      lines: [fill(m.feesLine, { collected: money(d.fees.collected), deposited: money(d.fees.deposited) })],
      items: d.fees.top.map((g) => ({ text: fill(m.feeGap, { ...g, amount: money(g.amount) }) })),
      more: d.fees.more,
      sheet: 'feePayments',
    },
    {
      title: m.canteen,
      lines: [
        fill(m.canteenLine, { ok: d.canteen.okDays, days: d.canteen.days, certs: d.canteen.certificates }),
      ],
      items: [
        ...d.canteen.badDays.map((day) => ({ text: fill(m.sampleDay, { day }) })),
        ...d.canteen.top.map((i) => itemLine(i, ctx)),
      ],
      more: d.canteen.more,
      sheet: 'supplierCertificates',
    },
    {
      title: fill(m.tasks, { from: d.nextFrom, to: d.nextTo }),
      lines: [d.tasks.total ? '' : m.noTasks],
      items: d.tasks.top.map((p) => ({
        text: colon(
          ctx.lang,
          p.person || m.unassigned,
          p.tasks.map((t) => `${t.due.slice(5)} ${clip(t.title)}`).join(m.taskSeparator),
        ),
      })),
      more: d.tasks.more,
      sheet: 'tasks',
    },
    {
      title: m.problems,
      lines: [fill(m.problemsLine, { errors: d.problems.errors, warnings: d.problems.warnings })],
      items: d.problems.top.map((text) => ({ text })),
      more: d.problems.more,
    },
  ];
  return all.map((s) => ({ ...s, lines: s.lines.filter(Boolean) }));
}

const MUTED = 'color:#5f6368;font-size:13px';
const H2 = 'margin:20px 0 6px;font-size:16px;color:#202124';
const TABLE = { role: 'presentation', cellpadding: '0', cellspacing: '0', border: '0' };

/** The band as a 3 × 2 grid of table cells: cell backgrounds are what Outlook's Word engine keeps. */
function bandHtml(figures: readonly BandFigure[], lang: Lang): Html {
  const m = messages(lang).alerts.digest;
  const cell = (f: BandFigure) =>
    el(
      'td',
      {
        width: '33%',
        valign: 'top',
        bgcolor: TONES[f.tone].bg,
        'data-figure': f.key,
        'data-tone': f.tone,
        style: `background:${TONES[f.tone].bg};padding:8px 10px;border:3px solid #ffffff`,
      },
      el('div', { style: 'font-size:13px;color:#3c4043' }, m.band[f.key]),
      el(
        'div',
        { style: `font-size:22px;font-weight:bold;line-height:1.3;color:${TONES[f.tone].fg}` },
        f.value,
      ),
      el('div', { style: `font-size:12px;color:${TONES[f.tone].fg}` }, f.change),
    );
  const rows = [figures.slice(0, 3), figures.slice(3)].map((r) => el('tr', {}, join(r.map(cell))));
  return el(
    'table',
    { ...TABLE, width: '100%', 'data-band': '', style: 'width:100%;border-collapse:collapse' },
    join(rows),
  );
}

const BAR_HEIGHT = 48;

/**
 * A small bar chart as nested tables: each bar a cell with a height and a background colour, the
 * two things every mail program (Outlook's Word engine included) draws; no images to block.
 */
function chartHtml(trend: Trend, weeks: readonly WeekFigures[], lang: Lang): Html {
  const m = messages(lang).alerts.digest;
  const max = trendMax(weeks, trend);
  const bar = (value: number, color: string) => {
    const h = Math.max(1, Math.round((value / max) * BAR_HEIGHT));
    const c = value ? color : '#dadce0';
    return el(
      'td',
      { valign: 'bottom', style: 'padding:0 1px' },
      el(
        'table',
        TABLE,
        el(
          'tr',
          {},
          el(
            'td',
            {
              width: '6',
              height: String(h),
              bgcolor: c,
              // Outlook keeps an empty cell only with content, and sizes it by its line height.
              style: `width:6px;height:${h}px;background:${c};font-size:1px;line-height:1px;mso-line-height-rule:exactly`,
            },
            raw('&nbsp;'),
          ),
        ),
      ),
    );
  };
  const columns = weeks.map((w) =>
    el(
      'td',
      {
        width: `${Math.floor(100 / weeks.length)}%`,
        valign: 'bottom',
        align: 'center',
        title: `${w.from}: ${trend.series.map((s) => `${m.series[s.name]} ${w[s.figure]}`).join(', ')}`,
      },
      el(
        'table',
        { ...TABLE, align: 'center' },
        el('tr', {}, join(trend.series.map((s) => bar(w[s.figure], s.color)))),
      ),
    ),
  );
  const labels = weeks.map((w) =>
    el(
      'td',
      { align: 'center', style: 'font-size:10px;color:#5f6368;padding-top:2px;border-top:1px solid #dadce0' },
      weekLabel(w.from),
    ),
  );
  const legend = trend.series.map((s) =>
    el(
      'span',
      { style: 'white-space:nowrap;margin-right:10px' },
      el('span', { style: `color:${s.color}` }, '■'),
      ` ${m.series[s.name]}`,
    ),
  );
  const last = weeks.at(-1)!;
  const latest = trend.series.map((s) => `${m.series[s.name]} ${last[s.figure]}`).join(' · ');
  return join([
    el('div', { style: 'font-size:14px;font-weight:bold;margin:12px 0 4px' }, m[trend.title]),
    el(
      'table',
      { ...TABLE, width: '100%', 'data-chart': trend.title, style: `width:100%;height:${BAR_HEIGHT + 20}px` },
      el('tr', { style: `height:${BAR_HEIGHT}px` }, join(columns)),
      el('tr', {}, join(labels)),
    ),
    el('div', { style: MUTED }, join(legend), fill(m.lastWeek, { value: latest })),
  ]);
}

function trendText(trend: Trend, weeks: readonly WeekFigures[], lang: Lang): string {
  const m = messages(lang).alerts.digest;
  const values = weeks.map((w) => trend.series.map((s) => w[s.figure]).join('/')).join(' ');
  const names = trend.series.map((s) => m.series[s.name]).join('/');
  return fill(m.trendText, { title: paren(lang, m[trend.title], names), values });
}

/** The digest as an e-mail (to the office list) and as the HTML a preview dialog shows. */
export function renderDigest(d: Digest, to: readonly string[], ctx: DigestContext): Mail {
  const m = messages(ctx.lang).alerts.digest;
  const app = messages(ctx.lang).app.name;
  const subject = fill(m.subject, { app, school: ctx.schoolName, from: d.from, to: d.to });
  const period = [ctx.schoolName, fill(m.period, { from: d.from, to: d.to })].filter(Boolean).join(' · ');
  const figures = band(d, ctx.lang);
  const attention = d.attention.top.map((a) => attentionLine(a, ctx));
  const weeks = trendWeeks(d.history);
  const moreText = (n: number) => fill(m.more, { count: n });

  const text: string[] = [m.heading, period, ''];
  for (const f of figures) text.push(paren(ctx.lang, colon(ctx.lang, m.band[f.key], f.value), f.change));
  text.push('', m.attention);
  if (!attention.length) text.push(m.attentionNone);
  attention.forEach((a, n) => text.push(`${n + 1}. ${a.text}${a.href ? ` ${a.href}` : ''}`));
  if (d.attention.more) text.push(`- ${moreText(d.attention.more)}`);
  text.push('', fill(m.trends, { weeks: weeks.length }));
  if (!weeks.length) text.push(m.noData);
  for (const t of weeks.length ? TRENDS : []) text.push(trendText(t, weeks, ctx.lang));

  const html: Html[] = [
    el('h1', { style: 'margin:0;font-size:20px;color:#202124' }, m.heading),
    el('p', { style: `${MUTED};margin:2px 0 10px` }, period),
    bandHtml(figures, ctx.lang),
    el('h2', { style: H2 }, m.attention),
    attention.length
      ? el(
          'ol',
          { 'data-attention': '', style: 'padding-left:22px;margin:0' },
          join([
            ...attention.map((a) =>
              el('li', { style: 'margin:0 0 6px' }, a.href ? link(a.href, a.text) : a.text),
            ),
            ...(d.attention.more
              ? [el('li', { style: `${MUTED};list-style:none` }, moreText(d.attention.more))]
              : []),
          ]),
        )
      : el('p', { style: 'margin:0;color:#137333' }, m.attentionNone),
    el('h2', { style: H2 }, fill(m.trends, { weeks: weeks.length })),
    weeks.length
      ? join(TRENDS.map((t) => chartHtml(t, weeks, ctx.lang)))
      : el('p', { style: MUTED }, m.noData),
  ];

  for (const s of sections(d, ctx)) {
    const href = s.sheet ? sheetLink(ctx.links, s.sheet) : ctx.links.url;
    text.push('', s.title, ...s.lines);
    for (const i of s.items) text.push(`- ${i.text}${i.href ? ` ${i.href}` : ''}`);
    if (s.more) text.push(`- ${moreText(s.more)} ${href}`);
    const lis = s.items.map((i) => el('li', {}, i.href ? link(i.href, i.text) : i.text));
    if (s.more) lis.push(el('li', { style: `${MUTED};list-style:none` }, link(href, moreText(s.more))));
    html.push(el('h2', { style: H2 }, s.title));
    for (const line of s.lines) html.push(el('p', { style: 'margin:0 0 4px' }, line));
    if (lis.length) html.push(el('ul', { style: 'padding-left:18px;margin:0' }, join(lis)));
  }
  text.push('', `${m.openWorkbook}: ${ctx.links.url}`);
  html.push(el('p', { style: 'margin:20px 0 0' }, link(ctx.links.url, m.openWorkbook)));
  // One column at most 600 px wide; Outlook's Word engine ignores max-width, so it gets a fixed table.
  const body = el(
    'div',
    {
      style: `max-width:600px;box-sizing:border-box;margin:0 auto;padding:12px;font-family:${MAIL_FONT};font-size:15px;line-height:1.5;color:#202124`,
    },
    join(html),
  );
  return {
    to: to.join(','),
    subject,
    body: text.join('\n'),
    htmlBody: `<!--[if mso]><table role="presentation" width="600" align="center"><tr><td><![endif]-->${body.html}<!--[if mso]></td></tr></table><![endif]-->`,
  };
}
