// Value-import free on purpose: the page's catalogue module reads this while the i18n module that
// needs the catalogue is still loading.
import type { Catalog } from '../i18n';
import type { Lang } from '../lang';

/** What the server embeds in the sidebar page: the text of the Settings language, and which it is. */
export interface EmbeddedCatalog {
  readonly lang: Lang;
  readonly catalog: Catalog;
}

/** The id of the JSON script element that carries it. */
export const CATALOG_ELEMENT_ID = 'houqin-catalog';

/** Where dist/Sidebar.html takes it; build.mjs checks the page holds this marker once. */
export const CATALOG_MARKER = '<!-- serve:catalog -->';

/** Catalogue sections only the server uses (documents, menu, default rows, setup report): left out of the page to keep it small. */
export const SERVER_ONLY_SECTIONS: readonly (keyof Catalog)[] = ['documents', 'menu', 'defaults', 'setup'];

/**
 * The page as served: the marker replaced by the catalogue as JSON (without SERVER_ONLY_SECTIONS). Every '<' is escaped so no text
 * in the catalogue can close the script element or open a comment.
 */
export function embedCatalog(html: string, embedded: EmbeddedCatalog): string {
  if (!html.includes(CATALOG_MARKER)) throw new Error('Sidebar.html has no place for its text');
  const catalog = Object.fromEntries(
    Object.entries(embedded.catalog).filter(([key]) => !SERVER_ONLY_SECTIONS.includes(key as keyof Catalog)),
  );
  const json = JSON.stringify({ ...embedded, catalog }).replace(/</g, '\\u003c');
  return html.replace(
    CATALOG_MARKER,
    () => `<script id="${CATALOG_ELEMENT_ID}" type="application/json">${json}</script>`,
  );
}
