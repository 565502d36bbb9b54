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

/**
 * Sections only setup and generation use (the template's default rows and routines): the page never
 * shows them, so they stay on the server and the served page stays small.
 */
export const SERVER_ONLY_SECTIONS = ['defaults', 'routines'] as const;

/**
 * The page as served: the marker replaced by the catalogue as JSON, without the server-only
 * sections. Every '<' is escaped so no text in the catalogue can close the script element or open
 * a comment.
 */
export function embedCatalog(html: string, embedded: EmbeddedCatalog): string {
  if (!html.includes(CATALOG_MARKER)) throw new Error('Sidebar.html has no place for its text');
  const catalog: Record<string, unknown> = { ...embedded.catalog };
  for (const key of SERVER_ONLY_SECTIONS) delete catalog[key];
  const json = JSON.stringify({ ...embedded, catalog }).replace(/</g, '\\u003c');
  return html.replace(
    CATALOG_MARKER,
    () => `<script id="${CATALOG_ELEMENT_ID}" type="application/json">${json}</script>`,
  );
}
