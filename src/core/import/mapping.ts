import { isEmail } from '../settings/parse';
import { foldWidth, parseDayText, parseNumber } from '../table/cells';
import { isDate } from '../time';
import { importFields, idField, type ImportTarget } from './fields';
import { headerKey, headerNames } from './header';

/** Which source column (0-based) fills each field; null: none. */
export type Mapping = Record<string, number | null>;

/** How a field's column was chosen. */
export type MappedBy = 'header' | 'content' | 'user';

export interface SuggestedMapping {
  readonly mapping: Mapping;
  readonly by: Record<string, MappedBy | null>;
}

type Kind = 'email' | 'phone' | 'date' | 'amount' | 'id';

const isBlank = (v: unknown) =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** What a column holds, judged from its cells: e-mails, mobile numbers, dates, amounts or distinct ids. */
export function contentKind(cells: readonly unknown[]): Kind | null {
  const sample = cells.filter((c) => !isBlank(c)).slice(0, 200);
  if (sample.length < 2) return null;
  const share = (test: (v: unknown) => boolean) => sample.filter(test).length / sample.length >= 0.8;
  const text = (v: unknown) => foldWidth(String(v));
  if (share((v) => typeof v === 'string' && isEmail(text(v)))) return 'email';
  if (share((v) => /^1[3-9]\d{9}$/.test(text(v).replace(/[\s-]/g, '')))) return 'phone';
  if (share((v) => isDate(v) || (typeof v === 'string' && typeof parseDayText(v) === 'object')))
    return 'date';
  const amounts = sample.filter((v) =>
    typeof v === 'number' ? true : typeof v === 'string' && parseNumber(v) !== undefined,
  );
  if (
    amounts.length / sample.length >= 0.8 &&
    amounts.some((v) => (typeof v === 'number' ? !Number.isInteger(v) : /[.,元¥￥]/.test(String(v))))
  )
    return 'amount';
  const ids = sample.map((v) => text(v));
  if (
    sample.every((v) => typeof v === 'string') &&
    ids.every((t) => /^[A-Za-z0-9][A-Za-z0-9_\-/.]*$/.test(t) && /\d/.test(t) && /[A-Za-z\-_/]/.test(t)) &&
    new Set(ids).size === ids.length
  )
    return 'id';
  return null;
}

/**
 * The mapping Houqin proposes: header names first (the names that identify a field, then the
 * looser ones such as 编号 or 使用部门, then a header that contains a known name), then, for the
 * columns no header placed, what the column holds.
 */
export function suggestMapping(
  target: ImportTarget,
  labels: readonly string[],
  body: readonly (readonly unknown[])[],
): SuggestedMapping {
  const fields = importFields(target);
  const names = headerNames(target);
  const mapping: Mapping = {};
  const by: Record<string, MappedBy | null> = {};
  for (const f of fields) {
    mapping[f.key] = null;
    by[f.key] = null;
  }
  const used = new Set<number>();
  const place = (field: string, column: number, how: MappedBy) => {
    if (mapping[field] !== null || used.has(column)) return;
    mapping[field] = column;
    by[field] = how;
    used.add(column);
  };
  const keys = labels.map(headerKey);
  const id = idField(target);
  keys.forEach((k, c) => {
    const f = names.strong.get(k);
    if (k && f) place(f, c, 'header');
  });
  keys.forEach((k, c) => {
    const f = names.weak.get(k);
    if (k && f) place(f, c, 'header');
  });
  const strongNames = [...names.strong.keys()]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
  keys.forEach((k, c) => {
    if (!k || used.has(c)) return;
    // 资产分类代码 holds codes, not the 资产分类 the office reads: a code column names only an id.
    const isCode = /(代码|编码|编号|号码|code)$/.test(k);
    const hit = strongNames.find(
      (n) =>
        k.includes(n) && mapping[names.strong.get(n)!] === null && (!isCode || names.strong.get(n) === id),
    );
    if (hit) place(names.strong.get(hit)!, c, 'header');
  });
  const sample = body.slice(0, 400);
  const width = Math.max(labels.length, ...sample.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    const kind = contentKind(sample.map((r) => r[c]));
    if (!kind) continue;
    const field = fields.find((f) => {
      if (mapping[f.key] !== null) return false;
      if (kind === 'id') return f.key === id;
      if (kind === 'date') return f.type === 'date' || f.type === 'datetime';
      return f.type === kind;
    });
    if (field) place(field.key, c, 'content');
  }
  return { mapping, by };
}
