// The import dialog: pick a source sheet and a target, see the preview (columns, counts, problems,
// conflicts), change the choices, then import or cancel. Its text comes with its first call, in
// the Settings language; every call goes through the server's schema (src/core/import/options.ts).
import type { ImportPreview, ImportRequest } from '../../src/core/import';
import type { ImportData } from '../../src/server/import';
import { h } from '../dom';
import { call } from '../rpc';

declare const google: { script: { host?: { close(): void } } };

const app = document.getElementById('app')!;
let data: ImportData | null = null;
let request: ImportRequest | null = null;
let preview: ImportPreview | null = null;
let busy = false;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));

function show(...children: (Node | null | false)[]): void {
  app.replaceChildren(...children.filter((c): c is Node => !!c));
}

function status(text: string, ok: boolean): HTMLElement {
  return h('div', { class: `status ${ok ? 'ok' : 'bad'}`, role: 'status' }, text);
}

function close(): void {
  if (google.script.host) google.script.host.close();
}

async function start(): Promise<void> {
  try {
    const reply = await call('apiImportData');
    if (!reply.ok) return show(status(reply.message, false));
    data = reply;
    document.documentElement.lang = reply.lang;
    request = { source: reply.sources[0] ?? '', target: reply.targets[0]!.key };
    render();
  } catch (error) {
    show(status((error as Error).message, false));
  }
}

function picker(): HTMLElement {
  const t = data!.text;
  const source = h(
    'select',
    {
      id: 'source',
      onchange: (e: Event) => reset({ source: (e.target as HTMLSelectElement).value }),
    },
    ...data!.sources.map((name) => h('option', { value: name, selected: name === request!.source }, name)),
  );
  const target = h(
    'select',
    {
      id: 'target',
      onchange: (e: Event) =>
        reset({ target: (e.target as HTMLSelectElement).value as ImportRequest['target'] }),
    },
    ...data!.targets.map((x) => h('option', { value: x.key, selected: x.key === request!.target }, x.name)),
  );
  return h(
    'div',
    {},
    h('p', { class: 'gray' }, t.intro),
    h(
      'div',
      { class: 'pick' },
      h('label', {}, t.source, source),
      h('label', {}, t.target, target),
      h('button', { type: 'button', id: 'preview', onclick: () => void runPreview() }, t.preview),
    ),
  );
}

/** A new source or target starts the choices afresh. */
function reset(change: Partial<ImportRequest>): void {
  request = { source: change.source ?? request!.source, target: change.target ?? request!.target };
  preview = null;
  render();
}

function mappingTable(p: ImportPreview): HTMLElement {
  const t = data!.text;
  const rows = p.fields.map((f) => {
    const select = h(
      'select',
      {
        'data-field': f.key,
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          request = { ...request!, mapping: { ...request!.mapping, [f.key]: v === '' ? null : Number(v) } };
          void runPreview();
        },
      },
      h('option', { value: '', selected: f.column === null }, t.none),
      ...p.columns.map((c) =>
        h('option', { value: String(c.index), selected: c.index === f.column }, c.label),
      ),
    );
    return h(
      'tr',
      {},
      h('td', {}, f.label, f.required ? h('span', { class: 'required', title: t.required }, ' *') : null),
      h('td', {}, select),
      h('td', { class: 'tag' }, f.by ? t.by[f.by] : ''),
    );
  });
  return h(
    'table',
    { id: 'mapping' },
    h('tr', {}, h('th', {}, t.field), h('th', {}, t.column), h('th', {}, '')),
    ...rows,
  );
}

function leftovers(p: ImportPreview): HTMLElement | null {
  if (!p.leftovers.length) return null;
  const t = data!.text;
  const kept = new Set(request!.keepExtra ?? []);
  return h(
    'div',
    { id: 'leftovers' },
    h('h2', {}, t.leftovers),
    ...p.leftovers.map((c) =>
      h(
        'label',
        { class: 'conflict' },
        h('span', {}, p.columns.find((x) => x.index === c)?.label ?? String(c)),
        h(
          'span',
          {},
          h('input', {
            type: 'checkbox',
            'data-column': c,
            checked: kept.has(c),
            onchange: (e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              const next = new Set(request!.keepExtra ?? []);
              if (on) next.add(c);
              else next.delete(c);
              request = { ...request!, keepExtra: [...next].sort((a, b) => a - b) };
              void runPreview();
            },
          }),
          ' ',
          t.keepExtra,
        ),
      ),
    ),
  );
}

function list(
  title: string,
  id: string,
  items: readonly { text: string; blocking?: boolean }[],
  total: number,
): HTMLElement | null {
  if (!items.length) return null;
  const more = total - items.length;
  return h(
    'div',
    { id },
    h('h2', {}, title),
    h(
      'ul',
      {},
      ...items.map((i) => h('li', { class: i.blocking ? 'blocking' : '' }, i.text)),
      more > 0 ? h('li', { class: 'gray' }, fill(data!.text.more, { n: more })) : null,
    ),
  );
}

function conflicts(p: ImportPreview): HTMLElement | null {
  if (!p.counts.conflicts) return null;
  const t = data!.text;
  const choose = (key: string, choice: 'keep' | 'take') => {
    request = { ...request!, choices: { ...request!.choices, [key]: choice } };
    void runPreview();
  };
  const all = (choice: 'keep' | 'take') => {
    request = { ...request!, choices: {}, allConflicts: choice };
    void runPreview();
  };
  return h(
    'div',
    { id: 'conflicts' },
    h('h2', {}, t.conflictsTitle),
    h(
      'div',
      { class: 'conflict' },
      h('button', { type: 'button', id: 'keep-all', onclick: () => all('keep') }, t.keepAll),
      h('button', { type: 'button', id: 'take-all', onclick: () => all('take') }, t.takeAll),
    ),
    h(
      'ul',
      {},
      ...p.conflicts.map((c) =>
        h(
          'li',
          { class: 'conflict' },
          h('span', {}, c.text),
          ...(['keep', 'take'] as const).map((choice) =>
            h(
              'label',
              { class: 'conflict' },
              h('input', {
                type: 'radio',
                name: c.key,
                'data-choice': choice,
                checked: c.choice === choice,
                onchange: () => choose(c.key, choice),
              }),
              choice === 'keep' ? t.keep : t.take,
            ),
          ),
        ),
      ),
      p.counts.conflicts > p.conflicts.length
        ? h('li', { class: 'gray' }, fill(t.more, { n: p.counts.conflicts - p.conflicts.length }))
        : null,
    ),
  );
}

function countsView(p: ImportPreview): HTMLElement {
  const t = data!.text;
  const box = (label: string, n: number, key: string) =>
    h('div', { class: 'count', 'data-count': key }, h('b', {}, String(n)), label);
  return h(
    'div',
    { class: 'counts', id: 'counts', 'aria-label': p.countsText },
    box(t.countAdd, p.counts.add, 'add'),
    box(t.countUpdate, p.counts.update, 'update'),
    box(t.countUnchanged, p.counts.unchanged, 'unchanged'),
    box(t.countSkipped, p.counts.skipped, 'skipped'),
    box(t.countConflicts, p.counts.conflicts, 'conflicts'),
  );
}

function render(message?: { text: string; ok: boolean }): void {
  const t = data!.text;
  const p = preview;
  const buttons = h(
    'div',
    { class: 'buttons' },
    p
      ? h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'import',
            disabled: busy || p.undecided > 0,
            onclick: () => void runImport(),
          },
          t.import,
        )
      : null,
    h('button', { type: 'button', id: 'cancel', onclick: close }, t.cancel),
  );
  show(
    picker(),
    message ? status(message.text, message.ok) : null,
    p && h('p', { class: 'gray', id: 'header-found' }, p.headerText),
    p && countsView(p),
    p && p.undecided > 0 ? status(fill(t.undecided, { n: p.undecided }), false) : null,
    p && h('h2', {}, t.mapping),
    p && mappingTable(p),
    p && leftovers(p),
    p && conflicts(p),
    p && list(t.problemsTitle, 'problems', p.problems, p.problemCount),
    p &&
      list(
        t.skippedTitle,
        'skipped',
        p.skipped.map((text) => ({ text })),
        p.counts.skipped,
      ),
    buttons,
  );
}

async function runPreview(): Promise<void> {
  if (busy) return;
  busy = true;
  app.setAttribute('aria-busy', 'true');
  try {
    const reply = await call('apiImportPreview', request!);
    busy = false;
    if (!reply.ok) {
      preview = null;
      return render({ text: reply.message, ok: false });
    }
    preview = reply.preview;
    render();
  } catch (error) {
    busy = false;
    render({ text: (error as Error).message, ok: false });
  } finally {
    app.removeAttribute('aria-busy');
  }
}

async function runImport(): Promise<void> {
  if (busy) return;
  busy = true;
  const t = data!.text;
  show(h('div', { class: 'loading' }, t.writing));
  try {
    const reply = await call('apiImportWrite', request!);
    busy = false;
    if (!reply.ok) return render({ text: reply.message, ok: false });
    preview = null;
    show(
      status(reply.message, true),
      h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'close', onclick: close }, t.close)),
    );
  } catch (error) {
    busy = false;
    render({ text: (error as Error).message, ok: false });
  }
}

void start();
