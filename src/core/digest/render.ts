import { rowLink, type Mail, type WorkbookLinks } from '../alerts';
import { el, join, link, type Html } from '../html';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { OverdueItem } from '../overdue';
import type { Digest } from './model';

export interface DigestContext {
  readonly lang: Lang;
  readonly schoolName: string;
  readonly links: WorkbookLinks;
}

interface Section {
  readonly title: string;
  readonly line: string;
  /** Top items: text, and a link to the row when there is one. */
  readonly items: readonly { readonly text: string; readonly href?: string }[];
  /** How many items were left out of `items`. */
  readonly more: number;
}

const money = (n: number) => n.toFixed(2);

/** The numeric fields of a digest section, as template parameters. */
function counts(section: object): Record<string, number> {
  return Object.fromEntries(Object.entries(section).filter(([, v]) => typeof v === 'number')) as Record<
    string,
    number
  >;
}

function itemLine(i: OverdueItem, ctx: DigestContext) {
  const m = messages(ctx.lang).alerts;
  const state =
    i.daysOverdue > 0 ? fill(m.overdueDays, { days: i.daysOverdue }) : fill(m.due, { day: i.due });
  const who = i.person ? ` · ${i.person}` : '';
  return {
    text: `${i.title}${i.detail ? ` — ${i.detail}` : ''} (${state}${who})`,
    href: rowLink(ctx.links, i.sheet, i.row),
  };
}

function sections(d: Digest, ctx: DigestContext): Section[] {
  const m = messages(ctx.lang).alerts.digest;
  const items = (list: readonly OverdueItem[], total: number) => ({
    items: list.map((i) => itemLine(i, ctx)),
    more: Math.max(0, total - list.length),
  });
  const median = d.repairs.medianHours === null ? m.none : fill(m.hours, { hours: d.repairs.medianHours });
  const taskLines = d.tasks.map((p) => ({
    text: `${p.person || m.unassigned}: ${p.tasks.map((t) => `${t.due.slice(5)} ${t.title}`).join('；')}`,
  }));
  return [
    {
      title: m.repairs,
      line: fill(m.repairsLine, { ...counts(d.repairs), median }),
      ...items(d.repairs.top, d.repairs.overdue),
    },
    {
      title: m.inspections,
      line: fill(m.inspectionsLine, { ...counts(d.inspections), hazards: d.inspections.hazardsOpen }),
      ...items(d.inspections.top, d.inspections.top.length),
    },
    {
      title: m.stock,
      line: fill(m.stockLine, counts(d.stock)),
      ...items(d.stock.top, d.stock.low + d.stock.loans),
    },
    {
      title: m.fees,
      line: fill(m.feesLine, {
        collected: money(d.fees.collected),
        deposited: money(d.fees.deposited),
        gap: money(d.fees.gap),
      }),
      items: d.fees.gaps.map((g) => ({ text: fill(m.feeGap, { ...g, amount: money(g.amount) }) })),
      more: 0,
    },
    {
      title: m.canteen,
      line: fill(m.canteenLine, {
        ok: d.canteen.okDays,
        days: d.canteen.days,
        certs: d.canteen.certificates,
      }),
      items: [
        ...d.canteen.badDays.map((day) => ({ text: fill(m.sampleDay, { day }) })),
        ...d.canteen.top.map((i) => itemLine(i, ctx)),
      ],
      more: Math.max(0, d.canteen.certificates - d.canteen.top.length),
    },
    {
      title: fill(m.tasks, { from: d.nextFrom, to: d.nextTo }),
      line: d.tasks.length ? '' : m.noTasks,
      items: taskLines,
      more: 0,
    },
    {
      title: m.problems,
      line: fill(m.problemsLine, counts(d.problems)),
      items: d.problems.top.map((text) => ({ text })),
      more: Math.max(0, d.problems.errors + d.problems.warnings - d.problems.top.length),
    },
  ];
}

const MUTED = 'color:#5f6368;font-size:13px';

/** The digest as an e-mail (to the office list) and as the HTML a preview dialog shows. */
export function renderDigest(d: Digest, to: readonly string[], ctx: DigestContext): Mail {
  const m = messages(ctx.lang).alerts.digest;
  const app = messages(ctx.lang).app.name;
  const subject = fill(m.subject, { app, school: ctx.schoolName, from: d.from, to: d.to });
  const period = fill(m.period, { from: d.from, to: d.to });
  const text: string[] = [period, ''];
  const html: Html[] = [el('p', { style: MUTED }, period)];
  for (const s of sections(d, ctx)) {
    const more = s.more ? fill(m.more, { count: s.more }) : '';
    text.push(s.title);
    if (s.line) text.push(s.line);
    for (const i of s.items) text.push(`- ${i.text}${i.href ? ` ${i.href}` : ''}`);
    if (more) text.push(`- ${more}`);
    text.push('');
    const lis = s.items.map((i) => el('li', {}, i.href ? link(i.href, i.text) : i.text));
    if (more) lis.push(el('li', { style: MUTED }, more));
    html.push(el('h3', { style: 'margin:16px 0 4px;font-size:15px' }, s.title));
    if (s.line) html.push(el('p', { style: 'margin:0 0 4px' }, s.line));
    if (lis.length) html.push(el('ul', { style: 'padding-left:18px;margin:0' }, join(lis)));
  }
  text.push(`${m.openWorkbook}: ${ctx.links.url}`);
  html.push(el('p', {}, link(ctx.links.url, m.openWorkbook)));
  return {
    to: to.join(','),
    subject,
    body: text.join('\n'),
    htmlBody: el('div', { style: 'font-family:sans-serif;font-size:14px;line-height:1.5' }, join(html)).html,
  };
}
