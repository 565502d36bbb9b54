// Imports nothing that needs the catalogue, on purpose: the page's catalogue module reads this while
// the i18n module that needs the catalogue is still loading.
import type { Catalog } from '../i18n';
import { embedJson } from '../html';
import type { Lang } from '../lang';

/** What the server embeds in the sidebar page: the text of the Settings language, and which it is. */
export interface EmbeddedCatalog {
  readonly lang: Lang;
  readonly catalog: Catalog;
}

/**
 * Catalogue sections only the server uses (the request page's text and mail, the printed documents,
 * the template's rows and routines, setup's report, the menu, the agency statement, the document
 * dialog's PDF buttons): left out of the page, which stays small on a school's network.
 */
export const SERVER_ONLY_SECTIONS = [
  'requests',
  'documents',
  'defaults',
  'routines',
  'setup',
  'menu',
  'agencyStatement',
  'documentPdf',
] as const satisfies readonly (keyof Catalog)[];

/** The catalogue as the sidebar page receives it. The page's code never reads the sections left out. */
export function pageCatalog(catalog: Catalog): Catalog {
  const page: Partial<Catalog> = { ...catalog };
  for (const key of SERVER_ONLY_SECTIONS) delete page[key];
  // The import dialog receives its own text with its first call; the sidebar keeps its button's caption.
  page.importing = { sidebarEntry: catalog.importing.sidebarEntry } as Catalog['importing'];
  // A quick action's result comes written by the server (records.ts); the page words only a task done.
  page.sidebar = {
    ...catalog.sidebar,
    done: { task: catalog.sidebar.done.task } as Catalog['sidebar']['done'],
  };
  // Of the e-mails' text the page shows only the trend charts' words (sidebar/trends.ts).
  const { series, lastWeek, trends } = catalog.alerts.digest;
  page.alerts = { digest: { series, lastWeek, trends } } as unknown as Catalog['alerts'];
  return page as Catalog;
}

/** The id of the JSON script element that carries it. */
export const CATALOG_ELEMENT_ID = 'houqin-catalog';

/** Where dist/Sidebar.html takes it; build.mjs checks the page holds this marker once. */
export const CATALOG_MARKER = '<!-- serve:catalog -->';

/**
 * The page as served: the marker replaced by the catalogue as JSON. Every '<' is escaped so no text in the catalogue can close the script element or open
 * a comment.
 */
export function embedCatalog(html: string, embedded: EmbeddedCatalog): string {
  return embedJson(html, CATALOG_ELEMENT_ID, embedded, CATALOG_MARKER);
}
