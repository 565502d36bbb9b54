/**
 * New cell styles for cells whose number format, background or bold Houqin changed, each derived
 * from the style the cell had (so its borders, alignment and font stay), appended to styles.xml;
 * the styles already there keep their indices and bytes.
 */
import { BUILTIN_FORMATS } from './read';
import { elements, escapeXml, first, rootPrefix, type Element } from './xml';

/** Built-in formats that mean the same in every locale; others are written as custom formats. */
const PORTABLE_BUILTINS = [1, 2, 3, 4, 9, 10, 11, 49];

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface StyleChange {
  /** An emulator number format ('General' for none). */
  format?: string;
  /** '#rrggbb', or null for no fill. */
  fill?: string | null;
  bold?: boolean;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

export class StyleBook {
  private readonly p: string;
  private readonly xfs: string[];
  private readonly fonts: string[];
  private readonly fills: string[];
  private readonly numFmts = new Map<string, number>();
  private readonly added = {
    xfs: [] as string[],
    fonts: [] as string[],
    fills: [] as string[],
    numFmts: [] as string[],
  };
  private readonly memo = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(private readonly text: string) {
    this.p = rootPrefix(text);
    const raw = (e: Element): string => text.slice(e.start, e.end);
    const section = (name: string, item: string): string[] => {
      const s = first(text, name);
      return s ? elements(text, item, s.innerStart, s.innerStart + s.inner.length).map(raw) : [];
    };
    this.xfs = section('cellXfs', 'xf');
    this.fonts = section('fonts', 'font');
    this.fills = section('fills', 'fill');
    for (const f of elements(first(text, 'numFmts')?.inner ?? '', 'numFmt')) {
      const id = Number(f.attrs.numFmtId);
      if (f.attrs.formatCode !== undefined && !this.numFmts.has(f.attrs.formatCode))
        this.numFmts.set(f.attrs.formatCode, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
  }

  get changed(): boolean {
    return this.added.xfs.length > 0;
  }

  private numFmtId(code: string): number {
    if (/^general$/i.test(code)) return 0;
    const builtin = PORTABLE_BUILTINS.find((id) => BUILTIN_FORMATS[id] === code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
      this.added.numFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  private fontId(base: number, bold: boolean): number {
    const p = this.p;
    const font = this.fonts[base] ?? this.fonts[0] ?? `<${p}font></${p}font>`;
    let next = font
      .replace(/<((?:[\w.-]+:)?)b(?=[\s/>])[^>]*?\/>/g, '')
      .replace(/<((?:[\w.-]+:)?)b(?=[\s>])[^>]*?>\s*<\/\1b>/g, '');
    if (bold) {
      if (/\/>$/.test(next)) next = next.replace(/\s*\/>$/, `><${p}b/></${p}font>`);
      else next = next.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    }
    const all = [...this.fonts, ...this.added.fonts];
    const found = all.indexOf(next);
    if (found >= 0) return found;
    this.added.fonts.push(next);
    return all.length;
  }

  private fillId(color: string | null): number {
    if (!color) return 0;
    const p = this.p;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${color.slice(1).toUpperCase()}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const all = [...this.fills, ...this.added.fills];
    const found = all.indexOf(fill);
    if (found >= 0) return found;
    this.added.fills.push(fill);
    return all.length;
  }

  /** The index of a style like `base` with `change` applied, added when no such style exists yet. */
  derive(base: number, change: StyleChange): number {
    const key = JSON.stringify([base, change]);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    let xf =
      this.xfs[base] ?? this.xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*>/.exec(xf)![0];
    const attrs = Object.fromEntries(
      [...open.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    let tag = open;
    if (change.format !== undefined) {
      tag = setAttr(tag, 'numFmtId', String(this.numFmtId(change.format)));
      tag = setAttr(tag, 'applyNumberFormat', '1');
    }
    if (change.fill !== undefined) {
      tag = setAttr(tag, 'fillId', String(this.fillId(change.fill)));
      tag = setAttr(tag, 'applyFill', '1');
    }
    if (change.bold !== undefined) {
      tag = setAttr(tag, 'fontId', String(this.fontId(Number(attrs.fontId ?? 0), change.bold)));
      tag = setAttr(tag, 'applyFont', '1');
    }
    xf = tag + xf.slice(open.length);
    const all = [...this.xfs, ...this.added.xfs];
    let index = all.indexOf(xf);
    if (index < 0) {
      this.added.xfs.push(xf);
      index = all.length;
    }
    this.memo.set(key, index);
    return index;
  }

  /** styles.xml with the new styles appended; the original text when nothing was added. */
  write(): string {
    if (!this.changed) return this.text;
    let text = this.text;
    const p = this.p;
    const append = (name: string, items: string[], total: number, before?: string): void => {
      if (!items.length) return;
      const s = first(text, name);
      if (s && s.end > s.innerStart + s.inner.length) {
        const tag = setAttr(
          /^<[^>]*>/.exec(text.slice(s.start))![0].replace(/\/>$/, '>'),
          'count',
          String(total),
        );
        const selfClosing = text.slice(s.start, s.end).endsWith('/>');
        const body = selfClosing ? '' : s.inner;
        text = `${text.slice(0, s.start)}${tag}${body}${items.join('')}</${s.prefix}${name}>${text.slice(s.end)}`;
      } else if (s) {
        // `<numFmts/>`: empty and self-closing.
        text = `${text.slice(0, s.start)}<${p}${name} count="${total}">${items.join('')}</${p}${name}>${text.slice(s.end)}`;
      } else {
        const at = before ? text.search(new RegExp(`<(?:[\\w.-]+:)?${before}(?=[\\s/>])`)) : -1;
        const element = `<${p}${name} count="${total}">${items.join('')}</${p}${name}>`;
        text =
          at >= 0
            ? text.slice(0, at) + element + text.slice(at)
            : text.replace(/(<\/(?:[\w.-]+:)?styleSheet>)/, `${element}$1`);
      }
    };
    const customCount = elements(first(text, 'numFmts')?.inner ?? '', 'numFmt').length;
    append('numFmts', this.added.numFmts, customCount + this.added.numFmts.length, 'fonts');
    append('fonts', this.added.fonts, this.fonts.length + this.added.fonts.length, 'fills');
    append('fills', this.added.fills, this.fills.length + this.added.fills.length, 'borders');
    append('cellXfs', this.added.xfs, this.xfs.length + this.added.xfs.length, 'cellStyles');
    return text;
  }
}
