import type { Lang } from '../lang';
import { en } from './en';
import type { Widen } from './types';
import { zhCN, type Messages } from './zh-CN';

export type Catalog = Widen<Messages>;

/**
 * The text of every language, as the server carries it. The sidebar page's build swaps this module
 * for sidebar/catalogs.ts, which holds only the language the page was served in: the page stays
 * small and the shared form checks still read their messages through `messages(lang)`.
 */
export const CATALOGS: Partial<Record<Lang, Catalog>> = { 'zh-CN': zhCN, en };
