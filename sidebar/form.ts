import type { FieldErrors } from '../src/core/sidebar/check';
import type { FieldSpec } from '../src/core/sidebar/forms';
import type { ListChoice, SidebarData } from '../src/server/sidebar/api';
import { messages } from '../src/core/i18n';
import { PAGE_LANG } from './catalogs';
import { h } from './dom';

/** A rendered field: its element, how to read it, where its error goes. */
export interface Field {
  readonly key: string;
  readonly element: HTMLElement;
  read(): unknown;
  readonly control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
}

function choices(data: SidebarData, spec: FieldSpec): readonly ListChoice[] {
  return spec.choices ?? (spec.list ? data.lists[spec.list] : []);
}

/** One labelled control with an error line below it (ids are prefixed so repeated rows stay unique). */
export function renderField(data: SidebarData, spec: FieldSpec, prefix: string, initial = ''): Field {
  const id = `${prefix}${spec.key}`;
  const common = { id, name: spec.key, 'aria-describedby': `${id}-error` };
  let control: Field['control'];
  if (spec.type === 'boolean') {
    control = h('input', { ...common, type: 'checkbox' });
    const element = h(
      'div',
      { class: 'block field check' },
      control,
      h('label', { for: id }, spec.label),
      h('div', { class: 'error', id: `${id}-error`, role: 'alert' }),
    );
    return { key: spec.key, element, control, read: () => (control as HTMLInputElement).checked };
  }
  const options = choices(data, spec);
  if (spec.choices || spec.strict) {
    control = h(
      'select',
      common,
      h('option', { value: '' }, messages(PAGE_LANG).sidebar.fields.choose),
      ...options.map((c) => h('option', { value: c.value }, c.label)),
    );
  } else if (spec.multiline) {
    control = h('textarea', { ...common, rows: 2 });
  } else {
    const type = spec.type === 'date' ? 'date' : 'text';
    control = h('input', {
      ...common,
      type,
      ...(spec.list && { list: `${id}-list` }),
      ...(['amount', 'number', 'integer'].includes(spec.type) && { inputmode: 'decimal' }),
    });
  }
  control.value = initial;
  const label = h(
    'label',
    { for: id },
    spec.label,
    spec.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
  );
  const list =
    spec.list && !spec.strict
      ? h('datalist', { id: `${id}-list` }, ...options.map((c) => h('option', { value: c.value }, c.label)))
      : null;
  const element = h(
    'div',
    { class: 'block field' },
    label,
    control,
    list,
    h('div', { class: 'error', id: `${id}-error`, role: 'alert' }),
  );
  return { key: spec.key, element, control, read: () => control.value };
}

/** Shows each message next to its field (errors keyed by `prefix` + key); returns whether any was shown. */
export function showErrors(root: HTMLElement, errors: FieldErrors, prefix = 'f-'): void {
  for (const el of root.querySelectorAll<HTMLElement>('.error')) el.textContent = '';
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  let first: HTMLElement | null = null;
  for (const [key, message] of Object.entries(errors)) {
    const id = `${prefix}${key.replace(/\./g, '-')}`;
    const slot = root.querySelector<HTMLElement>(`#${CSS.escape(id)}-error`);
    const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (slot) slot.textContent = message;
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  first?.focus();
}
