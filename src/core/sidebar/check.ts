import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { columnDecl, type SheetKey } from '../sheets';
import { columnHeader } from '../table/labels';
import type { Day } from '../time';
import { describe } from '../validate/problem';
import { formSchema, type FormValue } from '../validate/schema';
import {
  choicesOf,
  DATE_WINDOW,
  DISINFECTION_FORM,
  FORM_FIELDS,
  MAX_DISHES,
  type ActionKey,
  type FormDef,
} from './forms';

export type FormValues = Record<string, FormValue>;
/** Messages by field key; '' holds a message about the request as a whole. */
export type FieldErrors = Record<string, string>;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type Checked<T = FormValues> = { ok: true; values: T } | { ok: false; errors: FieldErrors };

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

// Control characters never belong in what the office types; an id holds no line break or tab either.
const CONTROL_IN_ID = /\p{Cc}/u;
const CONTROL_IN_TEXT = /[^\P{Cc}\n\r\t]/u;

/** Text that can be an id a call names (a task's): not empty, at most 40 characters, no control characters. */
export function isIdText(value: unknown): value is string {
  return (
    typeof value === 'string' && value.trim() !== '' && [...value].length <= 40 && !CONTROL_IN_ID.test(value)
  );
}

/**
 * A form as the sidebar defines it: the columns' rules (type, list, length, the sheet's limits)
 * and then the form's own — fields it requires, the choices it offers, its maximums, the dates it
 * takes around `today` and no control characters. Page and server both call this.
 */
export function checkFields(form: FormDef, input: unknown, today: Day, lang: Lang): Checked {
  const { sheet, fields } = form;
  const read = checkForm(
    sheet,
    fields.map((f) => f.column),
    input,
    lang,
  );
  if (!isObject(input)) return read;
  const errors: FieldErrors = read.ok ? {} : { ...read.errors };
  const m = messages(lang);
  const year = Number(today.slice(0, 4));
  const from = `${year - DATE_WINDOW.yearsBefore}-01-01`;
  const to = `${year + DATE_WINDOW.yearsAfter}-12-31`;
  for (const def of fields) {
    const key = def.column;
    const col = columnDecl(sheet, key);
    const raw = input[key];
    if (!col || errors[key]) continue;
    const column = columnHeader(lang, sheet, key);
    if (typeof raw === 'string' && (col.type === 'id' ? CONTROL_IN_ID : CONTROL_IN_TEXT).test(raw)) {
      errors[key] = fill(m.sidebar.errors.controlChars, { column });
      continue;
    }
    const value = read.ok ? read.values[key] : undefined;
    if (value === undefined) continue;
    const list = col.enum;
    if (value === null) {
      if (def.required) errors[key] = fill(m.validation.required, { column });
    } else if (def.only && list && !def.only.includes(String(value)))
      errors[key] = describe(
        'notInList',
        {
          column,
          value: String(value),
          options: choicesOf(lang, list, def.only)
            .map((c) => c.label)
            .join(m.validation.listSeparator),
        },
        lang,
      );
    else if (def.max !== undefined && typeof value === 'number' && value > def.max)
      errors[key] = describe('max', { column, max: def.max, value }, lang);
    else if (col.type === 'date' && typeof value === 'string' && (value < from || value > to))
      errors[key] = fill(m.sidebar.errors.dateWindow, { column, from, to });
  }
  if (Object.keys(errors).length || !read.ok) return { ok: false, errors };
  return read;
}

/** A hazard is only recorded with a fix deadline and a person responsible (inspection form and task). */
export function hazardErrors(values: FormValues, lang: Lang): FieldErrors {
  const m = messages(lang).sidebar.errors;
  if (values.result !== 'hazard') return {};
  return {
    ...(!values.fixDeadline && { fixDeadline: m.needsFixDeadline }),
    ...(!values.responsible && { responsible: m.needsResponsible }),
  };
}

/** `checkFields`, then the cross-field rule of a form that records what an inspection found. */
export function checkInspection(form: FormDef, input: unknown, today: Day, lang: Lang): Checked {
  const read = checkFields(form, input, today, lang);
  if (!read.ok) return read;
  const errors = hazardErrors(read.values, lang);
  return Object.keys(errors).length ? { ok: false, errors } : read;
}

/** What the canteen form sends: the meal, one row per dish, and the disinfection. */
export interface CanteenInput {
  readonly meal?: unknown;
  readonly dishes?: unknown;
  readonly target?: unknown;
  readonly method?: unknown;
  readonly done?: unknown;
}

/** One sampled dish as read by the form schema; `sampledAt` is 'yyyy-MM-ddTHH:mm' in the school's zone. */
export interface Sample {
  readonly dish: string;
  readonly weight: number;
  readonly sampledAt: string;
}

export interface CheckedCanteen {
  readonly meal: string;
  readonly samples: Sample[];
  readonly disinfection: FormValues;
}

const { sheet: CANTEEN, fields: CANTEEN_FIELDS } = FORM_FIELDS.canteenDaily;
const MEAL: FormDef = { sheet: CANTEEN, fields: CANTEEN_FIELDS.filter((f) => f.column === 'meal') };
const DISH: FormDef = {
  sheet: CANTEEN,
  fields: [...CANTEEN_FIELDS.filter((f) => f.column !== 'meal'), { column: 'sampledAt' }],
};

/**
 * The canteen form: several sheets and a repeated row, each part read by its sheet's schema. A
 * dish's time is read as its sampled-at datetime on `today`; errors are keyed 'dishes.2.weight'.
 */
export function checkCanteen(input: unknown, today: Day, lang: Lang): Checked<CheckedCanteen> {
  const form: CanteenInput = isObject(input) ? input : {};
  const errors: FieldErrors = {};
  const meal = checkFields(MEAL, form, today, lang);
  if (!meal.ok) Object.assign(errors, meal.errors);
  const samples: Sample[] = [];
  const dishes: unknown[] = Array.isArray(form.dishes) ? form.dishes : [];
  if (dishes.length > MAX_DISHES)
    return {
      ok: false,
      errors: { dishes: fill(messages(lang).sidebar.errors.tooManyDishes, { max: MAX_DISHES }) },
    };
  dishes.forEach((d, i) => {
    const row = isObject(d) ? d : {};
    const time = typeof row.time === 'string' && row.time.trim() ? `${today} ${row.time.trim()}` : '';
    const read = checkFields(DISH, { dish: row.dish, weight: row.weight, sampledAt: time }, today, lang);
    if (!read.ok)
      for (const [key, message] of Object.entries(read.errors))
        errors[`dishes.${i}.${key === 'sampledAt' ? 'time' : key}`] = message;
    else {
      const { dish, weight, sampledAt } = read.values;
      if (typeof dish === 'string' && typeof weight === 'number' && typeof sampledAt === 'string')
        samples.push({ dish, weight, sampledAt });
    }
  });
  const disinfection = checkFields(DISINFECTION_FORM, form, today, lang);
  if (!disinfection.ok) Object.assign(errors, disinfection.errors);
  if (Object.keys(errors).length || !meal.ok || !disinfection.ok) return { ok: false, errors };
  return { ok: true, values: { meal: String(meal.values.meal), samples, disinfection: disinfection.values } };
}

/** What the fee form sends besides its fields: whether the money was banked the same day. */
export interface CheckedFee {
  readonly values: FormValues;
  readonly deposited: boolean;
}

function checkFee(input: unknown, today: Day, lang: Lang): Checked<CheckedFee> {
  const read = checkFields(FORM_FIELDS.takeFee, input, today, lang);
  if (!read.ok) return read;
  return {
    ok: true,
    values: { values: read.values, deposited: isObject(input) && input.deposited === true },
  };
}

const fields =
  (action: ActionKey) =>
  (input: unknown, today: Day, lang: Lang): Checked =>
    checkFields(FORM_FIELDS[action], input, today, lang);

/**
 * Each quick action's schema, typed by what it reads the input into. The page checks a form with
 * it before sending; the server's action table (actions.ts) checks what arrives with the same one.
 */
export const ACTION_CHECKS = {
  reportRepair: fields('reportRepair'),
  completeRepair: fields('completeRepair'),
  recordInspection: (input: unknown, today: Day, lang: Lang) =>
    checkInspection(FORM_FIELDS.recordInspection, input, today, lang),
  stockMove: fields('stockMove'),
  takeFee: checkFee,
  canteenDaily: checkCanteen,
  recordDrill: fields('recordDrill'),
} satisfies Record<ActionKey, (input: unknown, today: Day, lang: Lang) => Checked<unknown>>;
