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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
