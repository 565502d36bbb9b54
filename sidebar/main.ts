// The sidebar page: a dashboard and quick-action forms. It talks to the server only through
// google.script.run (see rpc.ts); its text came embedded in the page, in the Settings language.
import { messages } from '../src/core/i18n';
import { ACTION_CHECKS, checkInspection, type Checked, type FieldErrors } from '../src/core/sidebar/check';
import type { DashboardCount } from '../src/core/sidebar/dashboard';
import { feeAmount } from '../src/core/sidebar/records';
import { MAX_DISHES, TASK_FORM, type ActionKey } from '../src/core/sidebar/forms';
import type { SidebarData, SubmitResult } from '../src/server/sidebar/api';
import type { MyTask } from '../src/server/tasks/api';
import { PAGE_LANG } from './catalogs';
import { h } from './dom';
import { renderField, showErrors, type Field } from './form';
import { trendsView } from './trends';
import { call } from './rpc';

const SUBMIT = {
  reportRepair: 'apiSubmitReportRepair',
  completeRepair: 'apiSubmitCompleteRepair',
  recordInspection: 'apiSubmitRecordInspection',
  stockMove: 'apiSubmitStockMove',
  takeFee: 'apiSubmitTakeFee',
  canteenDaily: 'apiSubmitCanteenDaily',
  recordDrill: 'apiSubmitRecordDrill',
} as const satisfies Record<ActionKey, string>;

const s = messages(PAGE_LANG).sidebar;
const hp = messages(PAGE_LANG).handoverPage;
const st = messages(PAGE_LANG).stocktakeTask;
const app = document.getElementById('app')!;
document.documentElement.lang = PAGE_LANG;
let data: SidebarData | null = null;
let flash: { text: string; ok: boolean } | null = null;

function status(text: string, ok = true): HTMLElement {
  return h('div', { class: ok ? 'status success' : 'status failure', role: 'status' }, text);
}

function show(...children: (Node | null)[]): void {
  app.replaceChildren(...children.filter((c): c is Node => c !== null));
}

async function load(): Promise<void> {
  app.setAttribute('aria-busy', 'true');
  if (!data) show(h('div', { class: 'loading' }, '…'));
  try {
    const reply = await call('apiSidebarData');
    if (!reply.ok) return show(status(reply.message, false));
    data = reply;
    home();
  } catch (error) {
    show(status(String((error as Error).message), false));
  } finally {
    app.removeAttribute('aria-busy');
  }
}

function countText(c: DashboardCount): string {
  return c.total === undefined ? String(c.count) : `${c.count}/${c.total}`;
}

function home(): void {
  const d = data!;
  const counts = d.dashboard.map((c) =>
    h(
      'button',
      {
        class: `count${c.alert ? ' alert' : ''}`,
        type: 'button',
        'data-count': c.key,
        onclick: () => lines(c),
      },
      h('span', { class: 'number' }, countText(c)),
      h('span', { class: 'label' }, s.dashboard[c.key]),
    ),
  );
  const actions = (Object.keys(SUBMIT) as ActionKey[]).map((a) =>
    h(
      'button',
      { class: 'action-link', type: 'button', 'data-action': a, onclick: () => form(a) },
      s.actions[a],
    ),
  );
  show(
    h(
      'div',
      { class: 'header' },
      h('h1', {}, s.title),
      h('span', { class: 'gray' }, s.user.replace('{name}', d.user)),
    ),
    flash && status(flash.text, flash.ok),
    d.lang === PAGE_LANG ? null : status(s.languageChanged, false),
    h(
      'div',
      { class: 'section-head' },
      h('h2', {}, s.dashboard.title),
      h('button', { type: 'button', id: 'refresh', onclick: () => void refresh() }, s.refresh),
    ),
    h('div', { class: 'counts' }, ...counts),
    trendsView(d.trends),
    h('h2', {}, s.actions.title),
    h(
      'div',
      { class: 'actions' },
      ...actions,
      h(
        'button',
        { class: 'action-link', type: 'button', 'data-action': 'myTasks', onclick: () => void tasks() },
        s.actions.myTasks,
      ),
      h(
        'button',
        {
          class: 'action-link',
          type: 'button',
          'data-action': 'import',
          onclick: () => void call('apiOpenImport'),
        },
        messages(PAGE_LANG).importing.sidebarEntry,
      ),
      h(
        'button',
        { class: 'action-link', type: 'button', 'data-action': 'handover', onclick: () => handover('') },
        hp.action,
      ),
    ),
  );
  flash = null;
}

async function refresh(): Promise<void> {
  const button = document.getElementById('refresh') as HTMLButtonElement | null;
  if (button) {
    button.disabled = true;
    button.textContent = s.loading;
  }
  await load();
}

function backBar(title: string): HTMLElement {
  return h(
    'div',
    { class: 'section-head' },
    h('h2', {}, title),
    h('button', { type: 'button', class: 'back', onclick: home }, s.back),
  );
}

function lines(c: DashboardCount): void {
  const items = c.lines.map((l) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'line', onclick: () => void call('apiShowRow', l.sheet, l.row) },
        h('span', {}, l.title),
        l.detail ? h('span', { class: 'gray' }, l.detail) : '',
      ),
    ),
  );
  show(
    backBar(s.dashboard[c.key]),
    items.length ? h('ul', { class: 'lines' }, ...items) : h('p', { class: 'gray' }, s.nothing),
    c.count > c.lines.length
      ? h('p', { class: 'gray' }, s.more.replace('{n}', String(c.count - c.lines.length)))
      : null,
  );
}

const errorsOf = (checked: Checked<unknown>): FieldErrors | null => (checked.ok ? null : checked.errors);

/** The fields of a form and how to read them all into the object the server receives. */
interface Built {
  readonly body: HTMLElement[];
  read(): Record<string, unknown>;
  check(values: Record<string, unknown>): FieldErrors | null;
}

function simpleForm(action: Exclude<ActionKey, 'canteenDaily'>): Built {
  const d = data!;
  const spec = d.forms[action];
  const initial: Record<string, string> =
    action === 'takeFee'
      ? { receiptNo: d.suggestedReceipt, quantity: '1' }
      : action === 'recordDrill'
        ? { date: d.today }
        : {};
  const fields = spec.fields.map((f) => renderField(d, f, 'f-', initial[f.key] ?? ''));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const body: HTMLElement[] = fields.map((f) => f.element);
  let deposited: HTMLInputElement | null = null;
  if (action === 'takeFee') {
    const amount = h('output', { id: 'f-amount', class: 'amount' });
    const update = () => {
      const fee = d.lists.feeItems.find((f) => f.value === byKey.get('itemCode')!.control.value);
      const qty = Number(byKey.get('quantity')!.control.value) || 0;
      amount.textContent =
        fee?.standard !== undefined
          ? `¥${feeAmount(fee.standard, qty).toFixed(2)} · ${s.fields.amountFromStandard.replace('{standard}', String(fee.standard))}`
          : '';
    };
    byKey.get('itemCode')!.control.addEventListener('change', update);
    byKey.get('quantity')!.control.addEventListener('input', update);
    deposited = h('input', { type: 'checkbox', id: 'f-deposited', checked: true });
    body.splice(4, 0, h('div', { class: 'block' }, amount));
    body.push(
      h(
        'div',
        { class: 'block field check' },
        deposited,
        h('label', { for: 'f-deposited' }, s.fields.deposited),
      ),
    );
  }
  if (action === 'recordInspection') {
    const schedule = byKey.get('scheduleId')!.control;
    schedule.addEventListener('change', () => {
      const place = d.lists.schedules.find((c) => c.value === schedule.value)?.location;
      if (place) byKey.get('location')!.control.value = place;
    });
  }
  return {
    body,
    read: () => ({
      ...Object.fromEntries(fields.map((f: Field) => [f.key, f.read()])),
      ...(deposited && { deposited: deposited.checked }),
    }),
    check: (values) => errorsOf(ACTION_CHECKS[action](values, d.today, PAGE_LANG)),
  };
}

function canteenForm(): Built {
  const d = data!;
  const [meal, dish, weight] = d.forms.canteenDaily.fields;
  const mealField = renderField(d, meal!, 'f-');
  const rows = h('div', { class: 'dishes' });
  const dishRows: { dish: Field; weight: Field; time: HTMLInputElement; el: HTMLElement }[] = [];
  // The school's wall clock as the server read it: the browser may be in another zone.
  const hhmm = d.now.slice(11, 16);
  const addRow = () => {
    const i = dishRows.length;
    if (i >= MAX_DISHES) return;
    const prefix = `f-dishes-${i}-`;
    const row = {
      dish: renderField(d, dish!, prefix),
      weight: renderField(d, weight!, prefix, String(d.sampleGrams)),
      time: h('input', {
        id: `${prefix}time`,
        type: 'time',
        value: hhmm,
        'aria-describedby': `${prefix}time-error`,
      }),
      el: h('fieldset', { class: 'dish' }),
    };
    row.el.append(
      row.dish.element,
      row.weight.element,
      h(
        'div',
        { class: 'block field' },
        h('label', { for: `${prefix}time` }, s.fields.sampleTime),
        row.time,
        h('div', { class: 'error', id: `${prefix}time-error`, role: 'alert' }),
      ),
    );
    dishRows.push(row);
    rows.append(row.el);
  };
  addRow();
  const disinfection = d.forms.disinfection.fields.map((f) =>
    renderField(d, f, 'f-', f.key === 'target' ? s.fields.defaultTarget : ''),
  );
  return {
    body: [
      mealField.element,
      rows,
      h('div', { class: 'error', id: 'f-dishes-error', role: 'alert' }),
      h(
        'div',
        { class: 'block' },
        h('button', { type: 'button', id: 'add-dish', onclick: addRow }, s.fields.addDish),
      ),
      h('h3', {}, s.fields.disinfection),
      ...disinfection.map((f) => f.element),
    ],
    read: () => ({
      meal: mealField.read(),
      dishes: dishRows.map((r) => ({ dish: r.dish.read(), weight: r.weight.read(), time: r.time.value })),
      ...Object.fromEntries(disinfection.map((f) => [f.key, f.read()])),
    }),
    check: (values) => errorsOf(ACTION_CHECKS.canteenDaily(values, d.today, PAGE_LANG)),
  };
}

function form(action: ActionKey): void {
  const built = action === 'canteenDaily' ? canteenForm() : simpleForm(action);
  formView(action, data!.forms[action].title, built, home, (values) =>
    call(SUBMIT[action], values).then((result) => {
      if (result.ok) {
        flash = { text: result.message, ok: true };
        void load();
      }
      return result;
    }),
  );
}

/** A form on its own screen: checked on the page, then sent; the server's refusals shown by their fields. */
function formView(
  id: string,
  title: string,
  built: Built,
  back: () => void,
  send: (values: Record<string, unknown>) => Promise<SubmitResult>,
): void {
  const submit = h('button', { type: 'submit', class: 'action' }, s.submit);
  const message = h('div', { class: 'form-status', role: 'status' });
  const el = h(
    'form',
    { id: `form-${id}`, novalidate: true },
    ...built.body,
    h('div', { class: 'block buttons' }, submit, h('button', { type: 'button', onclick: back }, s.back)),
    message,
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = built.read();
    const errors = built.check(values);
    showErrors(el, errors ?? {});
    if (errors) {
      message.replaceChildren(status(s.fixFields, false));
      return;
    }
    submit.disabled = true;
    submit.textContent = s.saving;
    el.setAttribute('aria-busy', 'true');
    send(values)
      .then((result) => {
        if (result.ok) return;
        showErrors(el, result.errors ?? {});
        message.replaceChildren(status(result.message, false));
      })
      .catch((error: Error) =>
        message.replaceChildren(status(s.failed.replace('{message}', error.message), false)),
      )
      .finally(() => {
        submit.disabled = false;
        submit.textContent = s.submit;
        el.removeAttribute('aria-busy');
      });
  });
  show(backBar(title), el);
  el.querySelector<HTMLElement>('input, select, textarea')?.focus();
}

/** Completing an inspection task asks what the inspection found, as the inspection form does. */
function completeInspection(task: MyTask): void {
  const d = data!;
  const fields = d.forms.completeTask.fields.map((f) => renderField(d, f, 'f-'));
  const built: Built = {
    body: [h('p', {}, task.title), ...fields.map((f) => f.element)],
    read: () => Object.fromEntries(fields.map((f) => [f.key, f.read()])),
    check: (values) => errorsOf(checkInspection(TASK_FORM, values, d.today, PAGE_LANG)),
  };
  formView(
    'completeTask',
    s.tasks.title,
    built,
    () => void tasks(),
    (v) =>
      call('apiCompleteTask', task.taskId, v.result, v.finding, v.fixDeadline, v.responsible).then(
        (result) => {
          if (result.ok) void tasks(s.done.task);
          return result;
        },
      ),
  );
}

/** 财产交接单: a room or a custodian, then the printable lists or the check form, in a dialog. */
function handover(who: string, note?: string, ok = true): void {
  const input = h('input', { type: 'text', id: 'handover-who', maxlength: '100', value: who });
  const open = (mode: 'print' | 'record') => () =>
    call('apiOpenHandover', input.value, mode)
      .then((r) => (r.ok ? undefined : handover(input.value, r.message, false)))
      .catch((error: Error) => handover(input.value, s.failed.replace('{message}', error.message), false));
  show(
    backBar(hp.action),
    note ? status(note, ok) : null,
    h('label', { for: 'handover-who' }, hp.who),
    input,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'create', onclick: open('print') }, hp.print),
      h('button', { type: 'button', class: 'create', onclick: open('record') }, hp.record),
    ),
  );
}

/** A stocktake task's button: the menu's own 开始盘点 / 打印盘点表 / 审批 through google.script.run. */
function stocktakeButton(step: 'start' | 'print' | 'approve', label: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'action-link', 'data-stocktake': step }, label);
  button.addEventListener('click', () => {
    button.disabled = true;
    call('apiStocktakeStep', step)
      .then((r) => tasks(r.ok ? r.message || undefined : r.message, r.ok))
      .catch((error: Error) => tasks(s.failed.replace('{message}', error.message), false));
  });
  return button;
}

async function tasks(note?: string, ok = true): Promise<void> {
  show(backBar(s.actions.myTasks), h('div', { class: 'loading' }, s.loading));
  try {
    const mine = await call('apiMyTasks');
    if (!mine.ok) throw new Error(mine.message);
    const done = (task: MyTask, button: HTMLButtonElement) => {
      if (task.source === 'inspection') return completeInspection(task);
      button.disabled = true;
      call('apiCompleteTask', task.taskId)
        .then((r) => tasks(r.ok ? s.done.task : r.message))
        .catch((error: Error) => tasks(s.failed.replace('{message}', error.message)));
    };
    const items = mine.tasks.map((t) => {
      const button = h(
        'button',
        { type: 'button', class: 'create', 'data-task': t.taskId },
        s.tasks.markDone,
      );
      button.addEventListener('click', () => done(t, button));
      // A property task leads to its custodian's handover lists (every room's for the calendar's duty).
      const lists =
        t.handover !== null
          ? h(
              'button',
              { type: 'button', class: 'action-link', onclick: () => handover(t.handover ?? '') },
              hp.fromTask,
            )
          : null;
      // A stocktake task starts the stocktake, or prints and approves the one under way.
      const steps =
        t.stocktake === 'start'
          ? [stocktakeButton('start', st.start)]
          : t.stocktake === 'underWay'
            ? [stocktakeButton('print', st.print), stocktakeButton('approve', st.approve)]
            : [];
      return h(
        'li',
        { class: `task${t.overdue ? ' late' : ''}${steps.length ? ' with-steps' : ''}` },
        h('span', {}, t.title, h('span', { class: 'gray' }, ` ${s.tasks.due.replace('{day}', t.dueDate)}`)),
        button,
        lists,
        steps.length ? h('div', { class: 'steps' }, ...steps) : null,
      );
    });
    show(
      backBar(s.actions.myTasks),
      note ? status(note, ok) : null,
      items.length ? h('ul', { class: 'lines' }, ...items) : h('p', { class: 'gray' }, s.tasks.none),
    );
  } catch (error) {
    show(backBar(s.actions.myTasks), status(s.failed.replace('{message}', (error as Error).message), false));
  }
}

void load();
