import { fill, messages, templateParts } from '../i18n';
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

const HEADERS = new Map<string, Map<string, (lang: Lang) => string>>();

/**
 * A column's header as a parameter: one function per column, shared by all its problems, which
 * looks its text up once per language (the catalogues are fixed for the build).
 */
export function header(sheet: SheetKey, column: string): (lang: Lang) => string {
  let bySheet = HEADERS.get(sheet);
  if (!bySheet) HEADERS.set(sheet, (bySheet = new Map()));
  let made = bySheet.get(column);
  if (!made) {
    const texts: Partial<Record<Lang, string>> = {};
    bySheet.set(column, (made = (lang: Lang): string => (texts[lang] ??= columnHeader(lang, sheet, column))));
  }
  return made;
}

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
  // As fill(template, rendered params), rendering only the parameters the template names: tens of
  // thousands of problems on a messy sheet, each written in the note's language.
  const parts = templateParts(messages(lang).validation[code] as string);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? render(params[name]!, lang) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** The texts of parameters that many problems share with one code, written once per language. */
const SHARED = new WeakMap<object, { code: ProblemCode; zh?: string; english?: string }>();

/**
 * Says that `params` will be shared by every problem made with them and `code` (one read issue per
 * distinct bad value of a column, say): their text is then written once per language, not once per
 * problem. The parameters must not change afterwards.
 */
export function shareTexts<P extends Readonly<Record<string, Param>>>(code: ProblemCode, params: P): P {
  SHARED.set(params, { code });
  return params;
}

/** A problem's detail as an object, for whoever asks for `problem.detail`: its texts stay on the problem. */
class Detail implements Bilingual {
  declare private readonly problem: CheckedProblem;

  constructor(problem: CheckedProblem) {
    this.problem = problem;
  }

  get 'zh-CN'(): string {
    return this.problem.detailIn('zh-CN');
  }

  get en(): string {
    return this.problem.detailIn('en');
  }

  toJSON(): Bilingual {
    return { 'zh-CN': this['zh-CN'], en: this.en };
  }
}

export function bilingual(code: ProblemCode, params: Readonly<Record<string, Param>>): Bilingual {
  return { 'zh-CN': describe(code, params, 'zh-CN'), en: describe(code, params, 'en') };
}

/**
 * A problem whose texts are written when first read: a check of messy data finds tens of
 * thousands, and a run shows most of them in one place (a note, the Problems sheet) or not at all.
 * One object per problem: the marks and the Problems sheet read its texts through `detailIn` and
 * `messageIn`, and a detail object is made only for whoever reads `detail`. JSON sees a plain problem.
 */
class CheckedProblem implements Problem {
  // Declared, not defined: the bundle then assigns them, rather than defineProperty each per problem.
  declare readonly sheet: SheetKey;
  declare readonly row: number;
  declare readonly column: string | null;
  declare readonly severity: 'error' | 'warning';
  declare readonly code: ProblemCode;
  declare private readonly params: Readonly<Record<string, Param>>;
  declare private zh: string | undefined;
  declare private english: string | undefined;
  declare private view: Detail | null;
  declare private texts: Bilingual | null;

  constructor(
    sheet: SheetKey,
    row: number,
    column: string | null,
    code: ProblemCode,
    params: Readonly<Record<string, Param>>,
    severity: 'error' | 'warning',
  ) {
    this.sheet = sheet;
    this.row = row;
    this.column = column;
    this.severity = severity;
    this.code = code;
    this.params = params;
    this.zh = undefined;
    this.english = undefined;
    this.view = null;
    this.texts = null;
  }

  /** The detail in one language, written when first asked for. */
  detailIn(lang: Lang): string {
    return lang === 'en' ? (this.english ??= this.write('en')) : (this.zh ??= this.write(lang));
  }

  /** The detail written, or taken from the problems that share this one's code and parameters. */
  private write(lang: Lang): string {
    const shared = SHARED.get(this.params);
    if (shared === undefined || shared.code !== this.code) return describe(this.code, this.params, lang);
    return lang === 'en'
      ? (shared.english ??= describe(this.code, this.params, 'en'))
      : (shared.zh ??= describe(this.code, this.params, lang));
  }

  get detail(): Bilingual {
    return (this.view ??= new Detail(this));
  }

  get message(): Bilingual {
    return (this.texts ??= { 'zh-CN': messageIn(this, 'zh-CN'), en: messageIn(this, 'en') });
  }

  toJSON(): Problem {
    const { sheet, row, column, severity, code, message } = this;
    return {
      sheet,
      row,
      column,
      severity,
      code,
      message,
      detail: { 'zh-CN': this.detailIn('zh-CN'), en: this.detailIn('en') },
    };
  }
}

/** A problem's detail in one language, without writing the other (or making a detail object). */
export function detailIn(problem: Problem, lang: Lang): string {
  return problem instanceof CheckedProblem ? problem.detailIn(lang) : problem.detail[lang];
}

/** A problem's message in one language (its row, then its detail), without writing the other. */
export function messageIn(problem: Problem, lang: Lang): string {
  return problem instanceof CheckedProblem
    ? fill(messages(lang).validation.rowPrefix, { row: problem.row }) + problem.detailIn(lang)
    : problem.message[lang];
}

export function makeProblem(
  sheet: SheetKey,
  row: number,
  column: string | null,
  code: ProblemCode,
  params: Readonly<Record<string, Param>>,
  severity: 'error' | 'warning' = 'error',
): Problem {
  return new CheckedProblem(sheet, row, column, code, params, severity);
}

/** How a cell's value is quoted in a message: short, on one line. */
export function quote(value: unknown): string {
  const text = String(value ?? '').replace(/\s+/g, ' ');
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}
