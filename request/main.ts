// The school's request page: the form, the receipt and the status view. All text comes embedded
// by the server in the Settings language; the page reaches the server only through `call`.
import { embeddedJson } from '../src/core/html';
import { fill } from '../src/core/i18n';
import {
  checkRequest,
  LIMITS,
  REQUEST_DATA_ID,
  URGENCIES,
  type RequestField,
} from '../src/core/requests/schema';
import type { RequestPageData, RoomData } from '../src/server/requests/api';
import { call } from '../sidebar/rpc';

const data = embeddedJson<RequestPageData>(document, REQUEST_DATA_ID);
const t = data.text;
document.documentElement.lang = data.lang;
const app = document.getElementById('app')!;

type Attrs = Record<string, string | boolean | undefined>;
function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs))
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

function showStatus(): void {
  const p = data.progress!;
  app.replaceChildren(
    h('h1', {}, t.statusTitle),
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'number' }, p.id),
      h('div', { class: 'note' }, p.room),
      h(
        'ol',
        { class: 'steps' },
        ...p.steps.map((s) =>
          h(
            'li',
            { class: s.at ? 'done' : '', 'data-step': s.key },
            t.steps[s.key],
            h('span', { class: 'at' }, s.at || t.pending),
          ),
        ),
      ),
      p.declined !== undefined
        ? h('p', {}, fill(t.declinedBecause, { reason: p.declined || t.noReason }))
        : null,
    ),
  );
}

let nonce = '';
const newNonce = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function field(name: RequestField, label: string, control: HTMLElement): HTMLElement {
  control.id = `f-${name}`;
  return h(
    'div',
    { 'data-field': name },
    h('label', { for: control.id }, label),
    control,
    h('div', { class: 'error' }),
  );
}

const input = (name: keyof typeof LIMITS, value = '', placeholder = '') =>
  h('input', {
    type: 'text',
    name,
    value,
    maxlength: String(LIMITS[name]),
    placeholder,
    autocomplete: 'off',
  });

function showForm(): void {
  nonce ||= newNonce();
  let room: RoomData | null = data.room;
  const roomBox = h('div');
  const assetSelect = h('select', { name: 'assetId' }) as HTMLSelectElement;
  const dupBox = h('div');
  const description = h('textarea', {
    name: 'description',
    maxlength: String(LIMITS.description),
    placeholder: t.descriptionHint,
  });
  const urgency = h(
    'fieldset',
    { 'data-field': 'urgency' },
    h('legend', {}, t.urgency),
    h(
      'div',
      { class: 'choices' },
      ...URGENCIES.map((u) =>
        h(
          'label',
          {},
          h('input', { type: 'radio', name: 'urgency', value: u, checked: u === 'teaching' }),
          h('span', {}, t.urgencies[u]),
        ),
      ),
    ),
    h('div', { class: 'error' }),
  );
  const account = data.account;
  const name = input('name', account?.name ?? '');
  const group = input('group');
  const contact = input('contact', '', account?.email ?? '');
  const trap = h(
    'div',
    { class: 'trap', 'aria-hidden': 'true' },
    h('input', { type: 'text', name: 'trap', tabindex: '-1', autocomplete: 'off' }),
  );
  const status = h('div', { role: 'alert' });
  const submit = h('button', { type: 'submit' }, t.submit) as HTMLButtonElement;

  const fillAssets = () => {
    assetSelect.replaceChildren(
      ...(room?.assets ?? []).map((a) => h('option', { value: a.id }, `${a.name} (${a.id})`)),
      h('option', { value: '' }, t.otherAsset),
    );
    showDuplicate();
  };
  const showDuplicate = () => {
    const open = room?.open.find((o) => o.assetId && o.assetId === assetSelect.value);
    dupBox.replaceChildren(
      ...(open
        ? [
            h(
              'div',
              { class: 'warn', 'data-duplicate': open.id },
              fill(t.alreadyReported, { asset: open.asset, due: open.due }),
            ),
          ]
        : []),
    );
  };
  assetSelect.addEventListener('change', showDuplicate);

  if (data.room) roomBox.append(h('div', { class: 'room', 'data-room': data.room.room }, data.room.room));
  else {
    const select = h(
      'select',
      { name: 'room' },
      h('option', { value: '' }, t.chooseRoom),
      ...data.rooms.map((r) => h('option', { value: r }, r)),
    ) as HTMLSelectElement;
    select.addEventListener('change', () => {
      // The place asked for by the address is no longer the question once one is picked.
      roomBox.querySelector('.error')?.remove();
      room = null;
      fillAssets();
      if (select.value)
        void call('apiRequestRoom', select.value).then((found) => {
          room = found.ok ? found.room : null;
          fillAssets();
        });
    });
    roomBox.append(select);
    if (data.unknownRoom)
      roomBox.append(h('div', { class: 'error' }, fill(t.unknownRoom, { room: data.unknownRoom })));
  }
  fillAssets();
  // An asset's own QR code chose it already (the first time the form shows).
  if (data.asset && room === data.room) {
    assetSelect.value = data.asset;
    showDuplicate();
  }
  const form = h(
    'form',
    { novalidate: true },
    h('div', { 'data-field': 'room' }, h('label', {}, t.room), roomBox, h('div', { class: 'error' })),
    field('assetId', t.asset, assetSelect),
    dupBox,
    field('description', t.description, description),
    urgency,
    field('name', t.name, name),
    account ? h('div', { class: 'note' }, fill(t.fromAccount, { email: account.email })) : null,
    field('group', t.group, group),
    field('contact', t.contact, contact),
    trap,
    submit,
    status,
  ) as HTMLFormElement;

  const values = () => {
    const get = (n: string) => (form.elements.namedItem(n) as HTMLInputElement | null)?.value ?? '';
    return {
      room: room?.room ?? '',
      assetId: assetSelect.value,
      description: get('description'),
      urgency: (form.querySelector('input[name=urgency]:checked') as HTMLInputElement | null)?.value ?? '',
      name: get('name'),
      group: get('group'),
      contact: get('contact'),
      nonce,
      trap: get('trap'),
    };
  };
  const showErrors = (errors: Partial<Record<string, string>>) => {
    for (const box of form.querySelectorAll<HTMLElement>('[data-field]')) {
      const message = errors[box.dataset.field!] ?? '';
      box.querySelector('.error')!.textContent = message;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const checked = checkRequest(values(), t);
    status.replaceChildren();
    if (!checked.ok) {
      showErrors(checked.errors);
      status.replaceChildren(h('div', { class: 'status' }, t.refused));
      return;
    }
    showErrors({});
    submit.disabled = true;
    submit.textContent = t.sending;
    const done = () => {
      submit.disabled = false;
      submit.textContent = t.submit;
    };
    call('apiSubmitRequest', values())
      .then((result) => {
        done();
        if (result.ok) return showReceipt(result);
        showErrors(result.errors ?? {});
        status.replaceChildren(h('div', { class: 'status' }, result.message));
      })
      .catch((error: Error) => {
        done();
        status.replaceChildren(h('div', { class: 'status' }, fill(t.failed, { message: error.message })));
      });
  });
  app.replaceChildren(
    h('h1', {}, t.title),
    h('p', { class: 'intro' }, fill(t.intro, { hours: data.hours })),
    form,
  );
}

function showReceipt(r: { id: string; due: string; link: string; duplicate: boolean }): void {
  app.replaceChildren(
    h('h1', {}, t.receiptTitle),
    h(
      'div',
      { class: 'card receipt' },
      h('div', { class: 'number', 'data-receipt': r.id }, r.id),
      h('p', {}, fill(r.duplicate ? t.duplicateReceipt : t.receipt, { id: r.id, due: r.due })),
      r.link ? h('p', {}, h('a', { href: r.link, target: '_top' }, t.viewStatus), ' ', t.keepLink) : null,
    ),
    Object.assign(h('button', { type: 'button' }, t.another), {
      onclick: () => {
        nonce = newNonce();
        showForm();
      },
    }),
  );
}

if (data.view === 'status') showStatus();
else if (data.view === 'badLink')
  app.replaceChildren(h('h1', {}, t.statusTitle), h('p', { class: 'card' }, t.badLink));
else showForm();
