/**
 * HTML for e-mails and dialogs. Every value that came from a cell goes through `escapeHtml`
 * (or `text`), so a cell holding `<img src=x onerror=…>` is shown as text, never run.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup already escaped or built from escaped parts; plain strings are never trusted as markup. */
export interface Html {
  readonly html: string;
}

export function raw(html: string): Html {
  return { html };
}

/** A piece of text or markup as markup: strings and numbers are escaped. */
export function text(value: string | number | Html): string {
  return typeof value === 'object' ? value.html : escapeHtml(value);
}

/** `<tag style="…">children</tag>`; attribute values are escaped. */
export function el(
  tag: string,
  attrs: Readonly<Record<string, string>>,
  ...children: readonly (string | number | Html)[]
): Html {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  return raw(`<${tag}${a}>${children.map(text).join('')}</${tag}>`);
}

/** A link; only http(s) and mailto addresses are kept, anything else becomes plain text. */
export function link(href: string, label: string | Html): Html {
  if (!/^(https?:|mailto:)/i.test(href)) return raw(text(label));
  return el('a', { href }, label);
}

export function join(parts: readonly Html[], separator = ''): Html {
  return raw(parts.map((p) => p.html).join(separator));
}

/** Where a page built into dist/ takes the data the server embeds when it serves it. */
export const DATA_MARKER = '<!-- serve:data -->';

/**
 * The page as served: `marker` replaced by `data` as a JSON script element. Every '<' is escaped, so
 * no text from the workbook or the address can close the script element or open a comment.
 */
export function embedJson(html: string, id: string, data: unknown, marker = DATA_MARKER): string {
  if (html.split(marker).length !== 2) throw new Error(`the page has no place for ${id}, or more than one`);
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return html.replace(marker, () => `<script id="${id}" type="application/json">${json}</script>`);
}

/** The data a served page carries, read back in the page (the other half of `embedJson`). */
export function embeddedJson<T>(
  doc: { getElementById(id: string): { textContent: string | null } | null },
  id: string,
): T {
  const text = doc.getElementById(id)?.textContent;
  if (!text) throw new Error('Houqin: this page lacks its data; open it from the Houqin menu.');
  return JSON.parse(text) as T;
}
