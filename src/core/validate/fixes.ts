import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { columnDecl } from '../sheets';
import type { CellValue } from '../table/mapping';
import { instantOf } from '../time';
import type { Fix } from './columns';
import { shown } from './context';
import { quote } from './problem';

/** The note on a tidied cell: what it held and what Houqin stored. */
export function normalisedNote(fix: Fix, lang: Lang, timeZone: string): string {
  return fill(messages(lang).validation.normalised, { from: quote(fix.from), to: shown(fix.to, timeZone) });
}

/** The value to store for a tidied cell: a date column gets a Date at midnight in the spreadsheet's zone, not text. */
export function fixedValue(fix: Fix, timeZone: string): CellValue {
  const type = columnDecl(fix.sheet, fix.column)?.type;
  return type === 'date' && typeof fix.to === 'string' ? instantOf(fix.to, timeZone) : fix.to;
}
