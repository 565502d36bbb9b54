/**
 * The playground page: draws what the server's session holds and sends the person's clicks back.
 * No add-on logic here; every string comes from the language files through the view.
 */
import type { ActionResult, PlaygroundView, Shown } from '../session';

type View = PlaygroundView & { source: string; lastSave: string };

let view: View | null = null;
const ROW_NO_WIDTH = 40;
let activeSheet = '';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(json.message ?? `HTTP ${res.status}`);
  return json;
}

function notice(text: string, error = false): void {
  const box = $('notice');
  box.hidden = !text;
  box.textContent = text;
  box.classList.toggle('error', error);
}

/** Disables every button while an action runs: the bundle runs one thing at a time. */
async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
  const buttons = [...document.querySelectorAll('button')];
  buttons.forEach((b) => (b.disabled = true));
  if (view) notice(view.text.running);
  try {
    return await work();
  } catch (error) {
    notice(fill(view?.text.failed ?? '{message}', { message: (error as Error).message }), true);
    return undefined;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    await load();
  }
}

function showResult(shown: Shown[], extra = ''): void {
  const lines = shown
    .filter((s) => s.kind !== 'dialog')
    .map((s) => [s.title, s.text].filter(Boolean).join('：'));
  if (extra) lines.push(extra);
  notice(
    lines.join('\n'),
    shown.some((s) => s.kind === 'error'),
  );
  const dialog = shown.find((s) => s.kind === 'dialog');
  if (dialog) openDialog(dialog.title, dialog.html ?? '');
  if (shown.some((s) => s.kind === 'sidebar')) $<HTMLIFrameElement>('sidebar').src = '/sidebar';
}

function openDialog(title: string, html: string): void {
  $('dialog-title').textContent = title;
  $<HTMLIFrameElement>('dialog-frame').srcdoc = html;
  $<HTMLDialogElement>('dialog').showModal();
}

/** Clicks a menu item; a prompt the add-on shows is asked here, then the item runs again with the answer. */
async function runMenu(functionName: string): Promise<void> {
  await busy(async () => {
    const answers: (string | null)[] = [];
    for (;;) {
      const result = await post<ActionResult>('/api/menu', { functionName, answers });
      if (!result.ask) return showResult(result.shown);
      const answer = window.prompt(`${result.ask.title}\n\n${result.ask.prompt}`);
      // Cancelled: the run that just happened already received Cancel.
      if (answer === null) return showResult(result.shown);
      answers.push(answer);
    }
  });
}

/** A ledger file becomes new sheets, as File → Import → Insert new sheet does in Google Sheets. */
async function upload(): Promise<void> {
  const input = $<HTMLInputElement>('upload');
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  let said: { text: string; error: boolean } | null = null;
  await busy(async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    try {
      said = {
        text: (await post<{ message: string }>('/api/upload', { name: file.name, data: btoa(binary) }))
          .message,
        error: false,
      };
    } catch (error) {
      said = { text: (error as Error).message, error: true };
    }
  });
  if (said) notice((said as { text: string }).text, (said as { error: boolean }).error);
}

async function moveClock(body: { today?: string; days?: number }): Promise<void> {
  await busy(async () => {
    const result = await post<ActionResult & { fired: string[] }>('/api/clock', body);
    const t = view!.text;
    showResult(
      result.shown,
      result.fired.length ? fill(t.fired, { list: result.fired.join('、') }) : t.firedNone,
    );
  });
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

function renderStatic(v: View): void {
  const t = v.text;
  document.documentElement.lang = v.lang;
  document.title = t.title;
  $('title').textContent = t.title;
  $('source').textContent = v.lastSave ? `${v.source} · ${v.lastSave}` : v.source;
  $('clock-label').textContent = t.clock;
  $('today-label').textContent = t.today;
  $('set-today').textContent = t.setToday;
  $('advance-label').textContent = t.advance;
  for (const b of document.querySelectorAll<HTMLButtonElement>('button.advance'))
    b.textContent = `+${b.dataset.months ? t.month : b.dataset.days === '7' ? t.week : t.day}`;
  $('jobs-label').textContent = t.jobs;
  $('menu-label').textContent = t.menu;
  $('workbook-label').textContent = t.workbook;
  $('sidebar-label').textContent = t.sidebar;
  $('outbox-label').textContent = `${t.outbox} (${v.outbox.length})`;
  $('messages-label').textContent = t.messages;
  $('dialog-close').textContent = t.close;
  $('banner-text').textContent = t.notSetUp;
  $('upload-button').textContent = t.upload.button;
  $('banner-setup').textContent = t.setUpNow;
  $('banner').hidden = v.setUp;
  const today = $<HTMLInputElement>('today');
  if (document.activeElement !== today) today.value = v.today;
  $('triggers').textContent = !v.jobs.length
    ? ''
    : v.triggers
      ? fill(t.triggersOn, { n: v.triggers })
      : fill(t.triggersOff, { item: v.automationItem });
}

function renderMenu(v: View): void {
  $('menu-buttons').replaceChildren(
    ...v.menu.map((item) =>
      el('button', {
        type: 'button',
        textContent: item.caption,
        dataset: { fn: item.functionName },
        onclick: () => void runMenu(item.functionName),
      }),
    ),
  );
  $('job-buttons').replaceChildren(
    ...(v.jobs.length
      ? v.jobs.map((job) =>
          el('button', {
            type: 'button',
            textContent: job.label,
            dataset: { job: job.kind },
            onclick: () =>
              void busy(async () =>
                showResult((await post<ActionResult>('/api/job', { kind: job.kind })).shown),
              ),
          }),
        )
      : [el('span', { className: 'muted', textContent: v.text.noJobs })]),
  );
}

function renderTabs(v: View): void {
  if (!v.sheets.some((s) => s.name === activeSheet)) activeSheet = v.sheets[0]?.name ?? '';
  $('tabs').replaceChildren(
    ...v.sheets.map((s) =>
      el('button', {
        type: 'button',
        role: 'tab',
        className: s.houqin ? '' : 'other',
        textContent: s.name,
        ariaSelected: String(s.name === activeSheet),
        dataset: { sheet: s.name },
        onclick: () => {
          activeSheet = s.name;
          renderTabs(v);
          renderSheet(v);
        },
      }),
    ),
  );
}

function renderSheet(v: View): void {
  const sheet = v.sheets.find((s) => s.name === activeSheet);
  const box = $('sheet');
  if (!sheet || !sheet.rows.length) {
    box.replaceChildren(el('p', { className: 'muted', textContent: v.text.emptySheet }));
    $('sheet-foot').textContent = '';
    return;
  }
  const marks = new Map(sheet.marks.map((m) => [`${m.r}:${m.c}`, m]));
  const checks = new Set(sheet.checkboxes);
  const cell = (tag: 'td' | 'th', text: string, r: number, c: number): HTMLElement => {
    // A check box column shows boxes, as Sheets does, rather than TRUE / FALSE.
    const box = r > 0 && checks.has(c) && (text === 'TRUE' || text === 'FALSE' || text === '');
    const node = el(tag, { textContent: box ? (text === 'TRUE' ? '☑' : '☐') : text });
    if (box) node.classList.add('check');
    const mark = marks.get(`${r}:${c}`);
    if (mark?.background) node.style.background = mark.background;
    if (mark?.note) {
      node.title = mark.note;
      node.classList.add('note');
    }
    return node;
  };
  const [header = [], ...body] = sheet.rows;
  const rowNo = el('col');
  rowNo.style.width = `${ROW_NO_WIDTH}px`;
  const cols = el(
    'colgroup',
    {},
    rowNo,
    ...sheet.widths.map((w) => {
      const col = el('col');
      col.style.width = `${w}px`;
      return col;
    }),
  );
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { className: 'row-no', textContent: '1' }),
      ...header.map((h, c) => cell('th', h, 0, c)),
    ),
  );
  const rows = body.map((row, i) =>
    el(
      'tr',
      {},
      el('td', { className: 'row-no', textContent: String(i + 2) }),
      ...row.map((text, c) => cell('td', text, i + 1, c)),
    ),
  );
  const table = el('table', { dataset: { sheet: sheet.name } }, cols, head, el('tbody', {}, ...rows));
  // A fixed layout needs the table's width to honour each column's width from the sheet.
  table.style.width = `${ROW_NO_WIDTH + sheet.widths.reduce((a, b) => a + b, 0)}px`;
  box.replaceChildren(table);
  $('sheet-foot').textContent =
    sheet.total > sheet.rows.length
      ? fill(v.text.rowsShown, { n: sheet.rows.length, total: sheet.total })
      : '';
}

function renderOutbox(v: View): void {
  const box = $('outbox');
  if (!v.outbox.length)
    return box.replaceChildren(el('p', { className: 'muted', textContent: v.text.outboxEmpty }));
  const mails = [...v.outbox].reverse().map((m) => {
    const details = el(
      'details',
      { className: 'mail' },
      el(
        'summary',
        {},
        el('div', { className: 'subject', textContent: m.subject }),
        el('div', { className: 'muted', textContent: `${v.text.mailTo}: ${m.to}${m.cc ? `, ${m.cc}` : ''}` }),
        el('div', {
          className: 'muted',
          textContent: `${v.text.mailSent}: ${new Date(m.sentAt).toLocaleString(v.lang, { timeZone: v.timeZone })}`,
        }),
      ),
    );
    // The message is drawn only when opened, in a frame that may run nothing.
    details.addEventListener('toggle', () => {
      if (!details.open || details.querySelector('iframe, pre')) return;
      if (m.htmlBody)
        details.append(
          el('iframe', { sandbox: '' as unknown as DOMTokenList, srcdoc: m.htmlBody, title: m.subject }),
        );
      else details.append(el('pre', { textContent: m.body }));
      for (const a of m.attachments)
        details.append(
          el('div', { className: 'muted', textContent: `${v.text.mailAttachment}: ${a.name}` }),
          ...(a.html
            ? [
                el('iframe', {
                  sandbox: '' as unknown as DOMTokenList,
                  srcdoc: a.html,
                  title: a.name,
                  className: 'attachment',
                }),
              ]
            : []),
        );
    });
    return details;
  });
  box.replaceChildren(...mails);
}

function renderMessages(v: View): void {
  const box = $('messages');
  if (!v.log.length)
    return box.replaceChildren(el('p', { className: 'muted', textContent: v.text.messagesEmpty }));
  box.replaceChildren(
    ...[...v.log].reverse().map((m) => {
      const item = el(
        'div',
        { className: `message ${m.kind}` },
        el('div', { className: 'meta', textContent: m.source }),
        el('div', { className: 'text', textContent: [m.title, m.text].filter(Boolean).join('\n') }),
      );
      if (m.kind === 'dialog')
        item.append(
          el('button', {
            type: 'button',
            textContent: m.title,
            onclick: () => openDialog(m.title, m.html ?? ''),
          }),
        );
      return item;
    }),
  );
}

async function load(): Promise<void> {
  const res = await fetch('/api/view');
  view = (await res.json()) as View;
  renderStatic(view);
  renderMenu(view);
  renderTabs(view);
  renderSheet(view);
  renderOutbox(view);
  renderMessages(view);
  document.body.dataset.version = String(view.version);
}

/** The sidebar changes the workbook behind the page's back: redraw when the session moves on. */
async function poll(): Promise<void> {
  try {
    const res = await fetch('/api/version');
    const { version } = (await res.json()) as { version: number };
    if (view && version !== view.version && !document.querySelector('button:disabled')) await load();
  } catch {
    // The server stopped (Ctrl+C): nothing to redraw.
  }
}

// The bridge in a dialog's page turns google.script.host.close() into this message.
window.addEventListener('message', (event: MessageEvent<{ houqin?: boolean; action?: string }>) => {
  if (event.data?.houqin && event.data.action === 'close') $<HTMLDialogElement>('dialog').close();
});
$('set-today').onclick = () => void moveClock({ today: $<HTMLInputElement>('today').value });
for (const b of document.querySelectorAll<HTMLButtonElement>('button.advance'))
  b.onclick = () =>
    void moveClock(
      b.dataset.months
        ? { today: addMonths(view!.today, Number(b.dataset.months)) }
        : { days: Number(b.dataset.days) },
    );
$('banner-setup').onclick = () => view && void runMenu(view.setupFunction);
$('upload-button').onclick = () => $<HTMLInputElement>('upload').click();
$<HTMLInputElement>('upload').onchange = () => void upload();
void load();
setInterval(() => void poll(), 1000);
