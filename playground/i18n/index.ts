/** The playground's text in each language; the page gets its language's part through the view. */
import { fill } from '../../src/core/i18n';
import type { Widen } from '../../src/core/i18n/types';
import { LANGS, type Lang } from '../../src/core/lang';
import { en } from './en';
import { zhCN, type PlaygroundMessages } from './zh-CN';

export type PlaygroundText = Widen<PlaygroundMessages>;

const TEXT: Record<Lang, PlaygroundText> = { 'zh-CN': zhCN, en };

export function playgroundText(lang: Lang): PlaygroundText {
  return TEXT[lang];
}

/**
 * A message in every language, Chinese first: for the terminal, which has no Settings sheet, and
 * for requests refused before the workbook is looked at.
 */
export function inEveryLanguage(
  pick: (text: PlaygroundText) => string,
  params: Record<string, string | number> = {},
): string {
  return LANGS.map((lang) => fill(pick(TEXT[lang]), params)).join('\n');
}
