// build.mjs swaps this module in for src/core/i18n/catalogs.ts: the page carries only the language
// the server embedded when it served the page (see src/core/sidebar/embed.ts), not both.
import { embeddedJson } from '../src/core/html';
import type { Catalog } from '../src/core/i18n';
import type { Lang } from '../src/core/lang';
import { CATALOG_ELEMENT_ID, type EmbeddedCatalog } from '../src/core/sidebar/embed';

const { lang, catalog } = embeddedJson<EmbeddedCatalog>(document, CATALOG_ELEMENT_ID);

/** The Settings language when the sidebar was opened: all the page's own text is in it. */
export const PAGE_LANG: Lang = lang;

export const CATALOGS: Partial<Record<Lang, Catalog>> = { [lang]: catalog };
