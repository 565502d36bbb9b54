import type { Lang } from '../lang';
import { columnDecl, type ColumnDecl, type SheetKey } from '../sheets';
import { parseDayText, readCell, type Typed } from '../table/cells';
import * as z from 'zod/mini';
import { isRequired, limitIssue, readIssue, type Issue } from './columns';
import { describe, header } from './problem';

/**
 * What a form field holds after parsing: the column's typed value, or null when left empty.
 * date → Day 'yyyy-MM-dd'; datetime → 'yyyy-MM-ddTHH:mm', the wall-clock time in the school's zone
 * (the server turns it into an instant with instantOf — no Date crosses google.script.run);
 * amount/integer/number → number; boolean → boolean; enum → its key; text, id, email, phone → string.
 */
export type FormValue = Typed | null;

const pad = (n: number) => String(n).padStart(2, '0');

/** One field read with the same rules as a sheet cell: type, list, required and limits. */
function parseField(sheet: SheetKey, col: ColumnDecl, input: unknown): { value: FormValue } | Issue {
  const empty = input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
  if (empty)
    return isRequired(col)
      ? { code: 'required', params: { column: header(sheet, col.key) } }
      : { value: null };
  let value: Typed;
  if (col.type === 'datetime') {
    const parsed = typeof input === 'string' ? parseDayText(input) : undefined;
    if (parsed === 'ambiguous') return readIssue(sheet, col, 'ambiguousDate', input);
    if (!parsed) return readIssue(sheet, col, 'notDate', input);
    value = `${parsed.day}T${pad(parsed.hour)}:${pad(parsed.minute)}`;
  } else {
    // Forms send strings, numbers and booleans, never Dates or serials: no zone is involved.
    const read = readCell(
      col,
      typeof input === 'number' && col.type === 'date' ? String(input) : input,
      'UTC',
    );
    if (!read.ok) return readIssue(sheet, col, read.error, input);
    if (read.value === null) return { value: null };
    value = read.value;
  }
  return limitIssue(sheet, col, value) ?? { value };
}

/**
 * The zod schema of a sidebar form for `columns` of `sheet`, derived from the sheet declaration so
 * forms and sheet validation cannot disagree. Messages are in `lang`. Unknown column keys are ignored.
 */
export function formSchema(sheet: SheetKey, columns: readonly string[], lang: Lang) {
  const shape: Record<string, z.ZodMiniType<FormValue>> = {};
  for (const key of columns) {
    const col = columnDecl(sheet, key);
    if (!col) continue;
    // optional(): a field the form leaves out is empty, which the column rules then judge.
    shape[key] = z.pipe(
      z.optional(z.unknown()),
      z.transform((input, ctx): FormValue => {
        const result = parseField(sheet, col, input);
        if ('value' in result) return result.value;
        ctx.issues.push({ code: 'custom', input, message: describe(result.code, result.params, lang) });
        return z.NEVER;
      }),
    );
  }
  return z.object(shape);
}
