import { el, join, link, type Html } from '../html';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { OVERDUE_KINDS } from '../overdue';
import { sheetName } from '../table/labels';
import { rowLink, type WorkbookLinks } from './links';
import type { Line, Message } from './types';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  /** The plain-text alternative, for clients that do not show HTML. */
  readonly body: string;
  readonly htmlBody: string;
}

export interface RenderContext {
  readonly lang: Lang;
  readonly schoolName: string;
  readonly escalationDays: number;
  readonly links: WorkbookLinks;
  /** The recipient's name as the Roster has it, for the greeting (the address when unknown). */
  readonly nameOf: (email: string) => string;
}

function when(line: Line, lang: Lang): string {
  const m = messages(lang).alerts;
  const days = line.item.daysOverdue;
  const state =
    days > 0 ? fill(m.overdueDays, { days }) : days < 0 ? fill(m.dueInDays, { days: -days }) : m.dueToday;
  return `${fill(m.due, { day: line.item.due })} · ${state}`;
}

function lineParts(line: Line, ctx: RenderContext) {
  const m = messages(ctx.lang).alerts;
  const { item } = line;
  return {
    title: item.title,
    detail: item.detail,
    when: when(line, ctx.lang),
    person: item.person ? fill(m.person, { name: item.person }) : m.nobody,
    where: fill(m.where, { sheet: sheetName(ctx.lang, item.sheet), row: item.row }),
    href: rowLink(ctx.links, item.sheet, item.row),
    tag: line.escalated ? m.escalated : '',
  };
}

function groups(message: Message) {
  return OVERDUE_KINDS.map((kind) => {
    const lines = message.lines.filter((l) => l.item.kind === kind);
    const more = message.more[kind] ?? 0;
    return { kind, lines, more, total: lines.length + more };
  }).filter((g) => g.lines.length);
}

const MUTED = 'color:#5f6368;font-size:13px';

function htmlLine(line: Line, ctx: RenderContext): Html {
  const p = lineParts(line, ctx);
  const m = messages(ctx.lang).alerts;
  return el(
    'li',
    { style: 'margin:0 0 8px' },
    p.tag ? el('strong', { style: 'color:#c5221f' }, `[${p.tag}] `) : '',
    el('strong', {}, p.title),
    p.detail ? ` — ${p.detail}` : '',
    el('br', {}),
    el('span', { style: MUTED }, `${p.when} · ${p.person} · ${p.where} · `),
    link(p.href, m.open),
  );
}

/** One recipient's e-mail: their items grouped by kind, oldest first, each linked to its row. */
export function renderAlert(message: Message, ctx: RenderContext): Mail {
  const m = messages(ctx.lang).alerts;
  const app = messages(ctx.lang).app.name;
  const count = message.lines.length + Object.values(message.more).reduce((a, b) => a + b, 0);
  const subject = fill(m.subject, { app, school: ctx.schoolName, count });
  const intro = fill(m.intro, { name: ctx.nameOf(message.to) });
  const escalates = message.lines.some((l) => l.escalated);
  const note = escalates ? fill(m.escalationNote, { days: ctx.escalationDays }) : '';

  const text: string[] = [intro, ''];
  const html: Html[] = [el('p', {}, intro)];
  if (note) {
    text.push(note, '');
    html.push(el('p', { style: MUTED }, note));
  }
  for (const g of groups(message)) {
    const more = g.more ? fill(m.more, { count: g.more }) : '';
    text.push(`${m.kinds[g.kind]} (${g.total})`);
    for (const line of g.lines) {
      const p = lineParts(line, ctx);
      text.push(`- ${p.tag ? `[${p.tag}] ` : ''}${p.title}${p.detail ? ` — ${p.detail}` : ''}`);
      text.push(`  ${p.when} · ${p.person} · ${p.where}`, `  ${p.href}`);
    }
    if (more) text.push(`- ${more}`, `  ${ctx.links.url}`);
    text.push('');
    html.push(el('h3', { style: 'margin:16px 0 6px;font-size:15px' }, `${m.kinds[g.kind]} (${g.total})`));
    const items = g.lines.map((l) => htmlLine(l, ctx));
    if (more) items.push(el('li', { style: MUTED }, `${more} `, link(ctx.links.url, m.open)));
    html.push(el('ul', { style: 'padding-left:18px;margin:0' }, join(items)));
  }
  text.push(m.footer);
  html.push(el('p', { style: MUTED }, m.footer));
  return {
    to: message.to,
    subject,
    body: text.join('\n'),
    htmlBody: el('div', { style: 'font-family:sans-serif;font-size:14px;line-height:1.5' }, join(html)).html,
  };
}
