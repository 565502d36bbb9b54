/** SpreadsheetApp.getUi() and HtmlService. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Base, countCalls, Ctx, scriptError } from './context';

export type MenuItemRecord =
  { caption: string; functionName: string } | { separator: true } | { caption: string; submenu: MenuRecord };
export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuItemRecord[];
}
export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface UiState {
  available: boolean;
  addonName: string;
  menus: MenuRecord[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; modal: boolean; width?: number; height?: number }[];
  alerts: { title?: string; prompt: string; buttons?: string }[];
  prompts: { title?: string; prompt: string; buttons?: string }[];
  promptAnswers: { button: ButtonName; text?: string }[];
  alertAnswers: string[];
}

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class MenuImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _ui: UiState,
    readonly _rec: MenuRecord,
  ) {
    super(ctx);
  }
  addItem(caption: string, functionName: string): this {
    this._rec.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._rec.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuImpl): this {
    this._rec.items.push({ caption: menu._rec.caption, submenu: menu._rec });
    return this;
  }
  addToUi(): void {
    const i = this._ui.menus.findIndex((m) => m.caption === this._rec.caption && m.addon === this._rec.addon);
    const copy = structuredClone(this._rec);
    if (i >= 0) this._ui.menus[i] = copy;
    else this._ui.menus.push(copy);
  }
}

export class PromptResponseImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _button: string,
    readonly _text: string,
  ) {
    super(ctx);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): string {
    return this._button;
  }
}

function htmlOf(x: unknown): { html: string; title: string; width?: number; height?: number } {
  if (x instanceof HtmlOutputImpl) {
    const r: { html: string; title: string; width?: number; height?: number } = {
      html: x._content,
      title: x._title,
    };
    if (x._width !== undefined) r.width = x._width;
    if (x._height !== undefined) r.height = x._height;
    return r;
  }
  throw scriptError('Invalid argument: userInterface');
}

export class UiImpl extends Base {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    ctx: Ctx,
    readonly _ui: UiState,
  ) {
    super(ctx);
  }
  createMenu(caption: string): MenuImpl {
    return new MenuImpl(this._ctx, this._ui, { caption: String(caption), addon: false, items: [] });
  }
  createAddonMenu(): MenuImpl {
    return new MenuImpl(this._ctx, this._ui, { caption: this._ui.addonName, addon: true, items: [] });
  }
  showSidebar(output: unknown): void {
    const h = htmlOf(output);
    const rec: { title: string; html: string; width?: number } = { title: h.title, html: h.html };
    if (h.width !== undefined) rec.width = h.width;
    this._ui.sidebars.push(rec);
  }
  showModalDialog(output: unknown, title: string): void {
    const h = htmlOf(output);
    this._ui.dialogs.push({
      title: String(title),
      html: h.html,
      modal: true,
      width: h.width,
      height: h.height,
    });
  }
  showModelessDialog(output: unknown, title: string): void {
    const h = htmlOf(output);
    this._ui.dialogs.push({
      title: String(title),
      html: h.html,
      modal: false,
      width: h.width,
      height: h.height,
    });
  }
  showDialog(output: unknown): void {
    const h = htmlOf(output);
    this._ui.dialogs.push({ title: h.title, html: h.html, modal: true });
  }
  alert(a: string, b?: unknown, c?: unknown): string {
    let rec: { title?: string; prompt: string; buttons?: string };
    if (c !== undefined) rec = { title: String(a), prompt: String(b), buttons: String(c) };
    else if (b !== undefined) rec = { prompt: String(a), buttons: String(b) };
    else rec = { prompt: String(a) };
    this._ui.alerts.push(rec);
    const next = this._ui.alertAnswers.shift();
    if (next !== undefined) return next;
    return rec.buttons === 'YES_NO' || rec.buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
  }
  prompt(a: string, b?: unknown, c?: unknown): PromptResponseImpl {
    let rec: { title?: string; prompt: string; buttons?: string };
    if (c !== undefined) rec = { title: String(a), prompt: String(b), buttons: String(c) };
    else if (b !== undefined) {
      rec = Object.values(ButtonSet).includes(b as 'OK')
        ? { prompt: String(a), buttons: String(b) }
        : { title: String(a), prompt: String(b) };
    } else rec = { prompt: String(a) };
    this._ui.prompts.push(rec);
    const next = this._ui.promptAnswers.shift();
    if (!next) return new PromptResponseImpl(this._ctx, 'CANCEL', '');
    return new PromptResponseImpl(this._ctx, next.button, next.text ?? '');
  }
}

// ---------------------------------------------------------------------------------------------------------
// HtmlService

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export class HtmlOutputImpl extends Base {
  _content = '';
  _title = '';
  _width: number | undefined;
  _height: number | undefined;
  _meta: { name: string; content: string }[] = [];
  getContent(): string {
    return this._content;
  }
  setContent(c: string): this {
    this._content = String(c);
    return this;
  }
  append(c: string): this {
    this._content += String(c);
    return this;
  }
  appendUntrusted(c: string): this {
    this._content += escapeHtml(String(c));
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(t: string): this {
    this._title = String(t);
    return this;
  }
  getWidth(): number | undefined {
    return this._width;
  }
  setWidth(w: number): this {
    this._width = w;
    return this;
  }
  getHeight(): number | undefined {
    return this._height;
  }
  setHeight(h: number): this {
    this._height = h;
    return this;
  }
  setSandboxMode(_m: string): this {
    return this;
  }
  setXFrameOptionsMode(_m: string): this {
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._meta.push({ name, content });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this._meta.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(_u: string): this {
    return this;
  }
  getFaviconUrl(): null {
    return null;
  }
  asTemplate(): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctx, this._content);
  }
  getAs(_t: string): { getDataAsString(): string } {
    const c = this._content;
    return { getDataAsString: () => c };
  }
}

export class HtmlTemplateImpl extends Base {
  [key: string]: unknown;
  constructor(
    ctx: Ctx,
    readonly _source: string,
  ) {
    super(ctx);
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return this._source;
  }
  evaluate(): HtmlOutputImpl {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) vars[k] = this[k];
    let code = 'let __out = "";\n';
    const re = /<\?(!?=?)([\s\S]*?)\?>/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this._source))) {
      code += `__out += ${JSON.stringify(this._source.slice(last, m.index))};\n`;
      const kind = m[1] ?? '';
      const body = m[2] ?? '';
      if (kind === '=') code += `__out += __esc(String(${body}));\n`;
      else if (kind === '!=') code += `__out += String(${body});\n`;
      else code += body + '\n';
      last = re.lastIndex;
    }
    code += `__out += ${JSON.stringify(this._source.slice(last))};\nreturn __out;`;
    const names = Object.keys(vars);
    const fn = new Function('__esc', ...names, code) as (...a: unknown[]) => string;
    const out = new HtmlOutputImpl(this._ctx);
    out._content = fn(escapeHtml, ...names.map((n) => vars[n]));
    return out;
  }
}

export class HtmlServiceImpl extends Base {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    ctx: Ctx,
    readonly _distDir: string,
  ) {
    super(ctx);
  }
  _read(name: string): string {
    const file = path.join(this._distDir, String(name).endsWith('.html') ? String(name) : `${name}.html`);
    if (!fs.existsSync(file)) throw scriptError(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }
  createHtmlOutput(html?: unknown): HtmlOutputImpl {
    const out = new HtmlOutputImpl(this._ctx);
    if (html !== undefined && html !== null) out._content = String(html);
    return out;
  }
  createHtmlOutputFromFile(name: string): HtmlOutputImpl {
    const out = new HtmlOutputImpl(this._ctx);
    out._content = this._read(name);
    return out;
  }
  createTemplate(html: string): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctx, String(html));
  }
  createTemplateFromFile(name: string): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctx, this._read(name));
  }
}

for (const [ctor, name] of [
  [MenuImpl, 'Menu'],
  [UiImpl, 'Ui'],
  [PromptResponseImpl, 'PromptResponse'],
  [HtmlOutputImpl, 'HtmlOutput'],
  [HtmlTemplateImpl, 'HtmlTemplate'],
  [HtmlServiceImpl, 'HtmlService'],
] as const) {
  countCalls(ctor, name);
}
