// build.mjs swaps this module in for src/core/i18n/catalogs.ts: the request page's text is the
// `requests` part the server embeds with the page's data, so the page carries no catalogue.
import type { Catalog } from '../src/core/i18n';
import type { Lang } from '../src/core/lang';

export const CATALOGS: Partial<Record<Lang, Catalog>> = {};
