import { CARRIED_LANGS } from '../i18n';
import { parseDayText, parseNumber } from '../table/cells';
import { columnHeader, labelKey } from '../table/labels';
import { isDate } from '../time';
import { importFields, SYNONYMS, type ImportTarget } from './fields';

/** Header text as compared: width, case, spaces, a trailing unit and required-field stars ignored. */
export function headerKey(text: unknown): string {
  return labelKey(String(text ?? '').replace(/[*＊]/g, '')).replace(/[:：]$/, '');
}

export interface HeaderNames {
  /** header key → field, for names that identify the field. */
  readonly strong: Map<string, string>;
  /** header key → field, for names used only when no other column names the field. */
  readonly weak: Map<string, string>;
}

const namesCache = new Map<ImportTarget, HeaderNames>();

/** Every name a target's fields go by: Houqin's headers in both languages, aliases, synonyms. */
export function headerNames(target: ImportTarget): HeaderNames {
  const cached = namesCache.get(target);
  if (cached) return cached;
  const strong = new Map<string, string>();
  const weak = new Map<string, string>();
  for (const field of importFields(target)) {
    const own = field.virtual ? [] : CARRIED_LANGS.map((lang) => columnHeader(lang, target, field.key));
    for (const name of [
      ...own,
      ...(field.decl?.aliases ?? []),
      ...(SYNONYMS[target][field.key]?.strong ?? []),
    ]) {
      const key = headerKey(name);
      if (!strong.has(key)) strong.set(key, field.key);
    }
    for (const name of SYNONYMS[target][field.key]?.weak ?? []) {
      const key = headerKey(name);
      if (!strong.has(key) && !weak.has(key)) weak.set(key, field.key);
    }
  }
  const names = { strong, weak };
  namesCache.set(target, names);
  return names;
}

const isBlank = (v: unknown) =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A cell that reads as data rather than a label: a number, a date, a figure typed as text. */
function looksLikeData(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || isDate(v)) return true;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return parseNumber(t) !== undefined || (parseDayText(t) !== undefined && parseDayText(t) !== 'ambiguous');
}

function knownCount(row: readonly unknown[], names: HeaderNames): number {
  let n = 0;
  for (const cell of row) {
    if (isBlank(cell) || looksLikeData(cell)) continue;
    const key = headerKey(cell);
    if (names.strong.has(key) || names.weak.has(key)) n++;
  }
  return n;
}

function textCells(row: readonly unknown[]): number {
  return row.filter((c) => !isBlank(c) && !looksLikeData(c)).length;
}

export interface HeaderFound {
  /** 0-based index of the first header row. */
  readonly top: number;
  /** 1, or 2 for a header split over two rows. */
  readonly height: number;
  /** The label of each source column (a two-row header's parent and child joined as the match found them). */
  readonly labels: string[];
}

/** How far down a header is looked for: past titles, a unit line and a few blank rows. */
const SEARCH_ROWS = 30;

/**
 * Finds the header row: the row among the first ones that names most of the target's fields
 * (title rows, merged titles and blank rows above it are passed over). A second header row below
 * it (or above it), holding labels under a merged parent such as 金额 over 单价 | 数量, joins it.
 * Null when no row names at least two fields, or one of a one-column sheet.
 */
export function findHeader(
  values: readonly (readonly unknown[])[],
  target: ImportTarget,
): HeaderFound | null {
  const names = headerNames(target);
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(values.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const score = knownCount(values[i] ?? [], names);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0 || bestScore < Math.min(2, importFields(target).length)) return null;
  const width = Math.max(0, ...values.slice(best, best + 2).map((r) => r.length));
  const row = values[best] ?? [];
  const below = values[best + 1] ?? [];
  const above = best > 0 ? (values[best - 1] ?? []) : [];
  if (isContinuation(row, below, names))
    return { top: best, height: 2, labels: joinLabels(row, below, width, names) };
  if (best > 0 && isParentRow(above, row, names))
    return { top: best - 1, height: 2, labels: joinLabels(above, row, width, names) };
  return {
    top: best,
    height: 1,
    labels: Array.from({ length: width }, (_, c) => String(row[c] ?? '').trim()),
  };
}

/** The row under a header that holds labels for the header's merged (empty) cells, and no data. */
function isContinuation(row: readonly unknown[], below: readonly unknown[], names: HeaderNames): boolean {
  if (below.some(looksLikeData) || textCells(below) === 0) return false;
  // Labels sit under a merged parent: the header's own cell there is empty, or the label names a field.
  let underGap = 0;
  for (let c = 0; c < below.length; c++) {
    if (isBlank(below[c])) continue;
    if (isBlank(row[c]) || knownCount([below[c]], names) > 0) underGap++;
  }
  return underGap > 0 && knownCount(below, names) > 0 && underGap === textCells(below);
}

/** A row above the header that is a parent line (several labels over merged spans), not a title. */
function isParentRow(above: readonly unknown[], row: readonly unknown[], names: HeaderNames): boolean {
  if (above.some(looksLikeData) || textCells(above) < 2) return false;
  let gaps = 0;
  for (let c = 0; c < row.length; c++) if (isBlank(row[c]) && !isBlank(above[c])) gaps++;
  return gaps > 0 && knownCount(above, names) > 0;
}

/**
 * Labels of a two-row header. A parent merged over several columns reads in its first cell only,
 * so it is carried right over the cells below it; each column takes the child label when it names
 * a field, else the parent when it does, else both joined.
 */
function joinLabels(
  top: readonly unknown[],
  bottom: readonly unknown[],
  width: number,
  names: HeaderNames,
): string[] {
  const out: string[] = [];
  let parent = '';
  for (let c = 0; c < width; c++) {
    const t = String(top[c] ?? '').trim();
    const b = String(bottom[c] ?? '').trim();
    if (t) parent = t;
    else if (!b) parent = '';
    const p = t || (b ? parent : '');
    const known = (s: string) => s !== '' && (names.strong.has(headerKey(s)) || names.weak.has(headerKey(s)));
    if (!b) out.push(p);
    else if (!p) out.push(b);
    else if (known(b)) out.push(b);
    else if (known(p + b)) out.push(p + b);
    else if (known(p) && !t) out.push(p + b);
    else out.push(known(p) ? p : b);
  }
  return out;
}

/** A repeated header (a ledger printed page by page): most of its labels are the header's. */
export function isRepeatedHeader(row: readonly unknown[], header: HeaderFound): boolean {
  const labels = header.labels.map(headerKey);
  let same = 0;
  let text = 0;
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c])) continue;
    text++;
    if (labels.includes(headerKey(row[c]))) same++;
  }
  return text >= 2 && same * 2 > text;
}

const TOTAL =
  /^(合计|小计|总计|共计|累计|本页合计|本页小计|本月合计|总合计|合计金额|total|subtotal|sub-total|grandtotal|pagetotal|sum)[:：]?$/;

/** A totals or subtotal row: a cell near its start says 合计 / 小计 / 总计 / Total. */
export function isTotalRow(row: readonly unknown[]): boolean {
  let seen = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (typeof cell === 'string' && TOTAL.test(headerKey(cell))) return true;
    if (++seen >= 3) return false;
  }
  return false;
}
