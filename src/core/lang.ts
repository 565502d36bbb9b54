export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export function asLang(value: unknown): Lang {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === 'en' || text === 'english' || text === '英文' || text === '英语') return 'en';
  return DEFAULT_LANG;
}
