import type { Lang } from '../../core/lang';
import { messages } from '../../core/i18n';
import type { Fix, Problem } from '../../core/validate';
import { planMarks, type CellMark } from '../../core/validate/marks';
import type { TableLayout } from '../../core/table/mapping';
import { normalisedNote } from './fixes';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What Houqin wants on each cell, keyed 'row|column index' (1-based row, 0-based column). */
export function wantedMarks(
  layout: TableLayout,
  problems: readonly Problem[],
  fixes: readonly Fix[],
  lang: Lang,
  timeZone: string,
): Map<string, CellMark> {
  const wanted = new Map<string, { problems: string[]; tidied?: string }>();
  const at = (row: number, column: string) => {
    const c = layout.index[column];
    if (c === undefined) return undefined;
    const k = `${row}|${c}`;
    let entry = wanted.get(k);
    if (!entry) wanted.set(k, (entry = { problems: [] }));
    return entry;
  };
  for (const p of problems)
    if (p.column !== null && p.row > 1) at(p.row, p.column)?.problems.push(p.detail[lang]);
  for (const f of fixes) {
    const entry = at(f.row, f.column);
    if (entry) entry.tidied = normalisedNote(f, lang, timeZone);
  }
  return wanted;
}

/**
 * Marks and unmarks the cells of rows first..last: one getBackgrounds and one getNotes of the
 * block, then one setBackgrounds and one setNotes of the smallest rectangle that changes.
 * Returns whether anything was written.
 */
export function writeMarks(
  sheet: Sheet,
  first: number,
  last: number,
  width: number,
  wanted: ReadonlyMap<string, CellMark>,
  lang: Lang,
): boolean {
  if (last < first || width < 1) return false;
  const block = sheet.getRange(first, 1, last - first + 1, width);
  const plan = planMarks(
    block.getBackgrounds(),
    block.getNotes(),
    (r, c) => wanted.get(`${first + r}|${c}`),
    messages(lang).validation.noteTag,
  );
  if (!plan) return false;
  const target = sheet.getRange(
    first + plan.top,
    1 + plan.left,
    plan.backgrounds.length,
    plan.backgrounds[0]!.length,
  );
  target.setBackgrounds(plan.backgrounds);
  target.setNotes(plan.notes);
  return true;
}
