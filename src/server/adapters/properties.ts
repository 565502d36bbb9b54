import { asLang, type Lang } from '../../core/lang';

const LANG_KEY = 'houqin.lang';

/**
 * The language is cached in document properties so menus can be built without reading a sheet.
 * Never call this in AuthMode.NONE: properties are out of reach there.
 */
export function cachedLanguage(): Lang {
  return asLang(PropertiesService.getDocumentProperties().getProperty(LANG_KEY));
}

export function cacheLanguage(lang: Lang): void {
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(LANG_KEY) !== lang) props.setProperty(LANG_KEY, lang);
}
