import { CARRIED_LANGS, messages } from '../i18n';
import type { Lang } from '../lang';
import {
  ENUM_ALIASES,
  ENUMS,
  FORMER_SHEET_NAMES,
  SHEETS,
  type EnumKey,
  type EnumValue,
  type SheetKey,
} from '../sheets';

/**
 * Makes header, sheet-name and drop-down text comparable the way a person reads it: full-width
 * letters and brackets folded (NFKC), case and spaces ignored, and a trailing unit such as
 * "(元)" optional, so "金额（元）", "金额(元)" and "金额" all name the same column.
 */
export function labelKey(text: unknown): string {
  if (typeof text !== 'string') return foldLabel(text);
  // Printable ASCII without spaces or a trailing unit (ids, codes) folds to its lower case: no
  // NFKC, no cache entry (an id column holds tens of thousands of distinct ones).
  if (isPlainAscii(text) && text.charCodeAt(text.length - 1) !== 41) return text.toLowerCase();
  // Names and labels repeat down a column: each distinct text is folded once.
  let key = LABEL_KEYS.get(text);
  if (key === undefined) {
    if (LABEL_KEYS.size >= 50_000) LABEL_KEYS.clear();
    LABEL_KEYS.set(text, (key = foldLabel(text)));
  }
  return key;
}

const LABEL_KEYS = new Map<string, string>();

/**
 * Printable ASCII without spaces (/^[\x21-\x7e]*$/): most ids and codes. A loop over the
 * characters, not a regular expression: asked of every id of every sheet checked.
 */
export function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function foldLabel(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)$/, '');
}

export function sheetName(lang: Lang, sheet: SheetKey): string {
  return messages(lang).sheets[sheet].name;
}

export function columnHeader(lang: Lang, sheet: SheetKey, column: string): string {
  return (messages(lang).sheets[sheet].columns as Record<string, string>)[column] ?? column;
}

export function enumLabel<E extends EnumKey>(lang: Lang, list: E, value: EnumValue<E>): string {
  return (messages(lang).enums[list] as Record<string, string>)[value] ?? value;
}

export function enumLabels(lang: Lang, list: EnumKey): string[] {
  return ENUMS[list].map((v) => enumLabel(lang, list, v as never));
}

const sheetByLabel = new Map<string, SheetKey>();
for (const lang of CARRIED_LANGS)
  for (const s of SHEETS) sheetByLabel.set(labelKey(sheetName(lang, s.key)), s.key);
for (const s of SHEETS)
  for (const old of FORMER_SHEET_NAMES[s.key] ?? []) sheetByLabel.set(labelKey(old), s.key);

/** Whether `name` is a name an earlier version gave this sheet (setup renames it). */
export function isFormerSheetName(sheet: SheetKey, name: string): boolean {
  return (FORMER_SHEET_NAMES[sheet] ?? []).some((old) => labelKey(old) === labelKey(name));
}

/** Which template sheet a tab name is, in either language. */
export function sheetKeyOf(name: string): SheetKey | undefined {
  return sheetByLabel.get(labelKey(name));
}

const enumByLabel = new Map<EnumKey, Map<string, string>>();
for (const list of Object.keys(ENUMS) as EnumKey[]) {
  const map = new Map<string, string>();
  for (const value of ENUMS[list]) {
    map.set(labelKey(value), value);
    for (const lang of CARRIED_LANGS) map.set(labelKey(enumLabel(lang, list, value as never)), value);
    for (const old of ENUM_ALIASES[list]?.[value] ?? []) map.set(labelKey(old), value);
  }
  enumByLabel.set(list, map);
}

/** The enum value a cell's text names, in either language (or the key itself), if any. */
export function enumValueOf<E extends EnumKey>(list: E, text: unknown): EnumValue<E> | undefined {
  const labels = enumByLabel.get(list);
  if (!labels) return undefined;
  if (typeof text !== 'string') return labels.get(labelKey(text)) as EnumValue<E> | undefined;
  // A column holds a handful of distinct texts: each is folded once, not once per cell.
  let seen = enumSeen.get(list);
  if (!seen || seen.size > 10_000) enumSeen.set(list, (seen = new Map()));
  if (seen.has(text)) return seen.get(text) as EnumValue<E> | undefined;
  const value = labels.get(labelKey(text));
  seen.set(text, value);
  return value as EnumValue<E> | undefined;
}

const enumSeen = new Map<EnumKey, Map<string, string | undefined>>();
