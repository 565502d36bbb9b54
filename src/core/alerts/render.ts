import { el, join, link, raw, type Html } from '../html';
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

/** `text（note）`, with the brackets of the language. */
export function paren(lang: Lang, text: string, note: string): string {
  return fill(messages(lang).alerts.paren, { text, note });
}

/** `label：text`, with the colon of the language. */
export function colon(lang: Lang, label: string, text: string): string {
  return fill(messages(lang).alerts.colon, { label, text });
}

function when(line: Line, lang: Lang): string {
  const m = messages(lang).alerts;
  const { daysOverdue: days, due, kind } = line.item;
  if (kind === 'lowStock') return m.restock;
  if (kind === 'duty') return fill(messages(lang).routines.duty.tomorrow, { day: due });
  const state =
    days > 0 ? fill(m.overdueDays, { days }) : days < 0 ? fill(m.dueInDays, { days: -days }) : m.dueToday;
  return paren(lang, state, fill(m.due, { day: due }));
}

function lineParts(line: Line, ctx: RenderContext) {
  const m = messages(ctx.lang).alerts;
  const { item } = line;
  return {
    title: `${item.title}${item.detail ? ` — ${item.detail}` : ''}`,
    when: when(line, ctx.lang),
    person: item.person ? fill(m.person, { name: item.person }) : m.nobody,
    where: fill(m.where, { sheet: sheetName(ctx.lang, item.sheet), row: item.row }),
    href: rowLink(ctx.links, item.sheet, item.row),
    tag: line.escalated ? m.escalated : '',
  };
}

type Urgency = 'first' | 'late' | 'soon';

/**
 * What to do first: safety (hazards, expired certificates) and what has waited long enough to be
 * told to the office head; then the rest that is late; then what is only coming due. Within a
 * group the longest-waiting first.
 */
function urgency(line: Line): Urgency {
  const { kind, daysOverdue } = line.item;
  if (line.escalated || kind === 'hazard' || (kind === 'certificate' && daysOverdue >= 0)) return 'first';
  return daysOverdue > 0 || kind === 'lowStock' ? 'late' : 'soon';
}

function groups(message: Message) {
  const order: Urgency[] = ['first', 'late', 'soon'];
  return order
    .map((u) => ({
      urgency: u,
      lines: message.lines
        .filter((l) => urgency(l) === u)
        .sort((a, b) => b.item.daysOverdue - a.item.daysOverdue),
    }))
    .filter((g) => g.lines.length);
}

const MUTED = 'color:#5f6368;font-size:13px';
/** Fonts every mail program the office uses has: Apple's, Windows' Chinese font, then any. */
export const MAIL_FONT = "-apple-system,'PingFang SC','Microsoft YaHei',Arial,sans-serif";

function htmlLine(line: Line, ctx: RenderContext): Html {
  const p = lineParts(line, ctx);
  const m = messages(ctx.lang).alerts;
  return el(
    'li',
    { style: 'margin:0 0 10px' },
    el('strong', {}, p.title),
    p.tag ? el('span', { style: 'color:#c5221f;font-size:13px' }, ` ${p.tag}`) : '',
    // A void element: el() would close it, and browsers read `</br>` as a second line break.
    raw('<br>'),
    el('span', { style: MUTED }, `${p.when} · ${p.person} · ${p.where} · `),
    link(p.href, m.open),
  );
}

/** One recipient's e-mail: their items grouped by what to do first, each linked to its row. */
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
    const heading = paren(ctx.lang, m.urgency[g.urgency], String(g.lines.length));
    text.push(heading);
    for (const line of g.lines) {
      const p = lineParts(line, ctx);
      text.push(`- ${p.tag ? paren(ctx.lang, p.title, p.tag) : p.title}`);
      text.push(`  ${p.when} · ${p.person} · ${p.where}`, `  ${p.href}`);
    }
    text.push('');
    html.push(el('h3', { style: 'margin:16px 0 6px;font-size:16px' }, heading));
    html.push(el('ul', { style: 'padding-left:18px;margin:0' }, join(g.lines.map((l) => htmlLine(l, ctx)))));
  }
  const more = OVERDUE_KINDS.filter((k) => message.more[k]).map((k) =>
    fill(m.more, { count: message.more[k]!, kind: m.kinds[k] }),
  );
  for (const line of more) {
    text.push(line, `  ${ctx.links.url}`);
    html.push(el('p', { style: MUTED }, `${line} `, link(ctx.links.url, m.open)));
  }
  if (more.length) text.push('');
  text.push(m.footer);
  html.push(el('p', { style: MUTED }, m.footer));
  return {
    to: message.to,
    subject,
    body: text.join('\n'),
    htmlBody: el(
      'div',
      {
        style: `max-width:600px;box-sizing:border-box;margin:0 auto;padding:12px;font-family:${MAIL_FONT};font-size:15px;line-height:1.5;color:#202124`,
      },
      join(html),
    ).html,
  };
}
