import { fill, messages } from '../../core/i18n';
import { DEFAULT_LANG, type Lang } from '../../core/lang';
import type { Settings } from '../../core/settings';
import type { Checked, FieldErrors } from '../../core/sidebar';
import { dayOf, isDate, type Day } from '../../core/time';
import { errorText, logUnexpected } from '../adapters/ui';
import { Workbook } from '../adapters/workbook';

/** A call refused or failed, said so the page can show it: the message, and per field when known. */
export interface Refusal {
  readonly ok: false;
  readonly message: string;
  readonly errors?: FieldErrors;
}

/** What every google.script.run entry point answers: its result marked ok, or a refusal. */
export type Reply<T extends object> = ({ readonly ok: true } & T) | Refusal;

/** The call as a handler sees it: the workbook, its settings and the moment, read once. */
export interface Call {
  readonly workbook: Workbook;
  readonly settings: Settings;
  readonly lang: Lang;
  readonly now: Date;
  /** Today in the school's time zone. */
  readonly today: Day;
}

/**
 * A google.script.run entry point as data: how it reads what arrives (untrusted values, whatever
 * the page declared) and what it does with them. `P` is the page's side of the call (type only:
 * the page's rpc takes its parameters from it).
 */
export interface Endpoint<P extends unknown[], I, T extends object> {
  read(given: readonly unknown[], call: Call): Checked<I>;
  handle(input: I, call: Call): T | Refusal;
  readonly page?: (...args: P) => void;
  /** The page's own wording of a refused form (the request page has its own); else the sidebar's. */
  refuse?(errors: FieldErrors, lang: Lang): Refusal;
  /** The page's own wording of an error it expects (busy, say); else the general one. */
  explain?(error: unknown, lang: Lang): string | undefined;
}

/** For entry points that take nothing: whatever arrives is ignored. */
export const NO_ARGS = (): Checked<null> => ({ ok: true, values: null });

/** A refusal said in one message. */
export const refused = (message: string): Refusal => ({ ok: false, message });

/** The refusal of a form: every field's message in one line, and each next to its field. */
export function refusal(lang: Lang, errors: FieldErrors): Refusal {
  const m = messages(lang).sidebar.errors;
  const details = Object.values(errors).join('; ') || m.badRequest;
  return { ok: false, message: fill(m.refused, { details }), errors };
}

const isRefusal = (value: object): value is Refusal => 'ok' in value && value.ok === false;

/** The result as google.script.run carries it; a Date (which it cannot carry) is a bug, said so. */
function jsonSafe<T>(value: T): T {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    if (isDate(this[key])) throw new Error(`${key} is a Date`);
    return v;
  });
  return JSON.parse(text);
}

/**
 * Makes an endpoint the function google.script.run calls: reads the Settings once, re-checks the arguments with the
 * schema the page used (a crafted call gets the same refusals and writes nothing), runs it
 * and answers with JSON only. Nothing throws across to the page: a failure is a refusal in the
 * Settings language.
 */
export function serve<P extends unknown[], I, T extends object>(
  endpoint: Endpoint<P, I, T>,
): (...given: P) => Reply<T> {
  return (...given) => {
    let lang: Lang = DEFAULT_LANG;
    try {
      const workbook = Workbook.active();
      const { settings } = workbook.settings();
      lang = settings.language;
      const now = new Date();
      const call: Call = { workbook, settings, lang, now, today: dayOf(now, workbook.timeZone) };
      const read = endpoint.read(given, call);
      if (!read.ok) return endpoint.refuse?.(read.errors, lang) ?? refusal(lang, read.errors);
      const out = endpoint.handle(read.values, call);
      return isRefusal(out) ? out : jsonSafe({ ...out, ok: true as const });
    } catch (error) {
      logUnexpected(error);
      return refused(endpoint.explain?.(error, lang) ?? errorText(lang, error));
    }
  };
}
