import { LANGS, type Lang } from '../lang';
import { CATALOGS, type Catalog } from './catalogs';

export type { Catalog } from './catalogs';

/** The languages this build carries (both on the server); lookups by label accept any of them. */
export const CARRIED_LANGS: readonly Lang[] = LANGS.filter((lang) => CATALOGS[lang] !== undefined);

/** The whole message catalogue of a language; read it like `messages(lang).setup.done`. */
export function messages(lang: Lang): Catalog {
  const catalog = CATALOGS[lang];
  if (!catalog) throw new Error(`This build carries no ${lang} text`);
  return catalog;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  const parts = templateParts(template);
  // Text and placeholder names alternate: a check fills the same few templates tens of thousands of times.
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

const TEMPLATES = new Map<string, string[]>();

/** A template's text and placeholder names, alternating (text first and last), split once. */
export function templateParts(template: string): readonly string[] {
  let parts = TEMPLATES.get(template);
  if (!parts) TEMPLATES.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}
