import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { SheetKey } from '../sheets';
import { columnHeader, enumLabel, sheetName } from '../table/labels';
import type { EnumKey } from '../sheets';

/** Message keys of `messages(lang).validation` that take parameters. */
export type ProblemCode = Exclude<
  keyof ReturnType<typeof messages>['validation'],
  'noteTag' | 'rowPrefix' | 'listSeparator' | 'severity' | 'whenValue'
>;

/**
 * Problems carry their message in BOTH languages: the sidebar, the digest and the cell notes pick
 * `message[settings.language]`, and a language switch needs no new check.
 */
export type Bilingual = Readonly<Record<Lang, string>>;

export interface Problem {
  readonly sheet: SheetKey;
  /** 1-based sheet row (1 = the header row, for a missing column). */
  readonly row: number;
  /** Declared column key the problem is about; null when it concerns the row as a whole. */
  readonly column: string | null;
  readonly severity: 'error' | 'warning';
  readonly code: ProblemCode;
  /** With the row prefix: «第 12 行「…」…» / "Row 12: …". */
  readonly message: Bilingual;
  /** The same text without the row prefix: what a cell note and a form field show. */
  readonly detail: Bilingual;
}

/** A parameter rendered per language: a header, an enum label, a sheet name or a nested phrase. */
export type Param = string | number | ((lang: Lang) => string);

export const header =
  (sheet: SheetKey, column: string) =>
  (lang: Lang): string =>
    columnHeader(lang, sheet, column);

export const label =
  (list: EnumKey, value: string) =>
  (lang: Lang): string =>
    enumLabel(lang, list, value as never);

export const sheetTitle =
  (sheet: SheetKey) =>
  (lang: Lang): string =>
    sheetName(lang, sheet);

/** «「状态」为「已报废」» as a nested phrase for `requiredWhen`. */
export const whenValue =
  (sheet: SheetKey, column: string, value: Param) =>
  (lang: Lang): string =>
    fill(messages(lang).validation.whenValue, {
      column: columnHeader(lang, sheet, column),
      value: render(value, lang),
    });

export function render(param: Param, lang: Lang): string {
  return typeof param === 'function' ? param(lang) : String(param);
}

/** The message for `code` in one language, without the row prefix. */
export function describe(code: ProblemCode, params: Readonly<Record<string, Param>>, lang: Lang): string {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) values[k] = render(v, lang);
  return fill(messages(lang).validation[code] as string, values);
}

export function bilingual(code: ProblemCode, params: Readonly<Record<string, Param>>): Bilingual {
  return lazyBilingual((lang) => describe(code, params, lang));
}

/**
 * Text in both languages, each written when first read: a check lists tens of thousands of
 * problems and a run shows them in one language, so the other is never templated. The getters are
 * own and enumerable: JSON and deep equality see two strings.
 */
export function lazyBilingual(make: (lang: Lang) => string): Bilingual {
  let zh: string | undefined;
  let en: string | undefined;
  return {
    get 'zh-CN'() {
      return (zh ??= make('zh-CN'));
    },
    get en() {
      return (en ??= make('en'));
    },
  };
}

export function makeProblem(
  sheet: SheetKey,
  row: number,
  column: string | null,
  code: ProblemCode,
  params: Readonly<Record<string, Param>>,
  severity: 'error' | 'warning' = 'error',
): Problem {
  const detail = bilingual(code, params);
  const message = lazyBilingual((lang) => fill(messages(lang).validation.rowPrefix, { row }) + detail[lang]);
  return { sheet, row, column, severity, code, message, detail };
}

/** How a cell's value is quoted in a message: short, on one line. */
export function quote(value: unknown): string {
  const text = String(value ?? '').replace(/\s+/g, ' ');
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}
