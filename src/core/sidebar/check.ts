import { messages } from '../i18n';
import type { Lang } from '../lang';
import type { SheetKey } from '../sheets';
import { formSchema, type FormValue } from '../validate/schema';

export type FormValues = Record<string, FormValue>;
/** Messages by field key; '' holds a message about the request as a whole. */
export type FieldErrors = Record<string, string>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type Checked = { ok: true; values: FormValues } | { ok: false; errors: FieldErrors };

/**
 * Reads a form's raw input with the validation issue's schema for those columns. The page runs it
 * as the user types; the server runs the very same function on what it receives.
 */
export function checkForm(sheet: SheetKey, columns: readonly string[], input: unknown, lang: Lang): Checked {
  if (!isObject(input)) return { ok: false, errors: { '': messages(lang).sidebar.errors.badRequest } };
  // Every column present: a field the page left out reads as empty, never as a malformed request.
  const fields = Object.fromEntries(columns.map((c) => [c, input[c] ?? '']));
  // A form sends text, numbers and ticks; an array or object is a crafted call, not a value to coerce.
  const malformed = columns.filter((c) => typeof fields[c] === 'object' && fields[c] !== null);
  if (malformed.length)
    return {
      ok: false,
      errors: Object.fromEntries(malformed.map((c) => [c, messages(lang).sidebar.errors.badRequest])),
    };
  const parsed = formSchema(sheet, columns, lang).safeParse(fields);
  if (parsed.success) return { ok: true, values: parsed.data as FormValues };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** What the canteen form sends: the meal, one row per dish, and the disinfection. */
export interface CanteenInput {
  readonly meal?: unknown;
  readonly dishes?: readonly { dish?: unknown; weight?: unknown; time?: unknown }[];
  readonly target?: unknown;
  readonly method?: unknown;
  readonly done?: unknown;
}

export interface CheckedCanteen {
  readonly meal: string;
  readonly samples: { dish: string; weight: number; sampledAt: string }[];
  readonly disinfection: FormValues;
}

/**
 * The canteen form: several sheets and a repeated row, each part read by its sheet's schema. A
 * dish's time is read as its sampled-at datetime on `today`; errors are keyed 'dishes.2.weight'.
 */
export function checkCanteen(
  input: unknown,
  today: string,
  lang: Lang,
): { ok: true; values: CheckedCanteen } | { ok: false; errors: FieldErrors } {
  const form = (isObject(input) ? input : {}) as CanteenInput;
  const errors: FieldErrors = {};
  const meal = checkForm('canteenSamples', ['meal'], { meal: form.meal }, lang);
  if (!meal.ok) Object.assign(errors, meal.errors);
  const samples: CheckedCanteen['samples'] = [];
  const dishes = Array.isArray(form.dishes) ? form.dishes : [];
  dishes.forEach((d, i) => {
    const row = isObject(d) ? d : {};
    const time = typeof row.time === 'string' && row.time.trim() ? `${today} ${row.time.trim()}` : '';
    const read = checkForm(
      'canteenSamples',
      ['dish', 'weight', 'sampledAt'],
      { dish: row.dish, weight: row.weight, sampledAt: time },
      lang,
    );
    if (!read.ok)
      for (const [key, message] of Object.entries(read.errors))
        errors[`dishes.${i}.${key === 'sampledAt' ? 'time' : key}`] = message;
    else samples.push(read.values as unknown as CheckedCanteen['samples'][number]);
  });
  const disinfection = checkForm('canteenDisinfection', ['target', 'method', 'done'], form, lang);
  if (!disinfection.ok) Object.assign(errors, disinfection.errors);
  if (Object.keys(errors).length || !meal.ok || !disinfection.ok) return { ok: false, errors };
  return { ok: true, values: { meal: String(meal.values.meal), samples, disinfection: disinfection.values } };
}
