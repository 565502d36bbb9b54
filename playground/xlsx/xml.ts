/**
 * Just enough XML for the parts of an .xlsx, by careful string scanning: elements are found by
 * their local name whatever namespace prefix the writer chose (Tencent Docs writes `<x:sheet>`,
 * Excel `<sheet>`), and every match keeps its offsets so a part can be patched in place.
 */

export interface Element {
  /** The prefix with its colon ('x:') or ''. */
  prefix: string;
  attrs: Record<string, string>;
  /** Offsets of the whole element in the text, and of its content (empty for `<a/>`). */
  start: number;
  end: number;
  inner: string;
  innerStart: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name] ?? all;
  });
}

/** OOXML's own escape for characters XML cannot hold: `_x000D_` is a carriage return. */
export function decodeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Control characters XML 1.0 cannot hold travel in OOXML's own escape.
      .replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`,
      )
  );
}

export function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    attrs[m[1]!] = decode(m[2] ?? m[3] ?? '');
  return attrs;
}

/** An attribute by local name (`r:id`, `ns0:id` and `id` are all `id`); exact names win. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  const key = Object.keys(attrs).find((k) => k.endsWith(`:${local}`));
  return key === undefined ? undefined : attrs[key];
}

/**
 * Every element called `local` (any prefix) in `text` from `from` to `to`. Elements of this name
 * must not nest (true of every element this reader looks for).
 */
export function elements(text: string, local: string, from = 0, to = text.length): Element[] {
  const out: Element[] = [];
  const open = new RegExp(`<((?:[\\w.-]+:)?)${local}(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(text); m && m.index < to; m = open.exec(text)) {
    const prefix = m[1]!;
    const attrs = parseAttrs(m[2]!);
    const start = m.index;
    const afterOpen = m.index + m[0].length;
    if (m[3] === '/') {
      out.push({ prefix, attrs, start, end: afterOpen, inner: '', innerStart: afterOpen });
      continue;
    }
    const close = `</${prefix}${local}>`;
    const closeAt = text.indexOf(close, afterOpen);
    if (closeAt < 0) break;
    out.push({
      prefix,
      attrs,
      start,
      end: closeAt + close.length,
      inner: text.slice(afterOpen, closeAt),
      innerStart: afterOpen,
    });
    open.lastIndex = closeAt + close.length;
  }
  return out;
}

export function first(text: string, local: string, from = 0, to = text.length): Element | undefined {
  return elements(text, local, from, to)[0];
}

/** The text of every `<t>` inside, phonetic runs (`<rPh>`) left out: a cell's or a note's plain text. */
export function plainText(inner: string): string {
  const withoutPhonetic = inner.replace(/<((?:[\w.-]+:)?)rPh\b[\s\S]*?<\/\1rPh>/g, '');
  return elements(withoutPhonetic, 't')
    .map((t) => decodeOoxml(decode(t.inner)))
    .join('');
}

/** The root element's namespace prefix ('x:' or ''), which every element written into the part uses. */
export function rootPrefix(text: string): string {
  const m = /<((?:[\w.-]+:)?)[\w.-]+[\s>]/.exec(
    text.replace(/^\uFEFF?(<\?[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*)*/, ''),
  );
  return m?.[1] ?? '';
}

export const utf8 = {
  decode: (bytes: Uint8Array): string => new TextDecoder().decode(bytes),
  encode: (text: string): Uint8Array => new TextEncoder().encode(text),
};

/** Replaces the ranges (non-overlapping) of `text` by their new text. */
export function splice(text: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** A1 address parts: 'AB12' → { row: 12, col: 28 } (1-based). */
export function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Resolves a relationship target against the part that holds the relationships. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.') base.push(seg);
  }
  return base.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}
