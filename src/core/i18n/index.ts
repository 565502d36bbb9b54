import type { Lang } from '../lang';
import { en } from './en';
import type { Widen } from './types';
import { zhCN, type Messages } from './zh-CN';

export type Catalog = Widen<Messages>;

const CATALOGS: Record<Lang, Catalog> = { 'zh-CN': zhCN, en };

/** The whole message catalogue of a language; read it like `messages(lang).setup.done`. */
export function messages(lang: Lang): Catalog {
  return CATALOGS[lang];
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
