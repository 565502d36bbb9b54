/** Sheets number formats (display values) and Sheets input typing; Java date patterns are in java-date.ts. */
import { DAY_MS, wallParts, wallToSerial } from './tz';

export const DEFAULT_NUMBER_FORMAT = '0.###############';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function stripQuoted(fmt: string): string {
  return fmt.replace(/"[^"]*"|\\./g, '');
}

const dateFormatCache = new Map<string, boolean>();
/** True when a number format renders a date/time, so the cell's number reads back as a Date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (fmt === undefined) return false;
  let r = dateFormatCache.get(fmt);
  if (r === undefined) {
    const bare = stripQuoted(fmt).replace(/\[[^\]]*\]/g, '');
    r = fmt !== '@' && /[yYdD]|[hH]|[sS]/.test(bare) && !/^[#0,.%\s¥$€£]*$/.test(bare);
    dateFormatCache.set(fmt, r);
  }
  return r;
}

type DateTok = { kind: 'lit'; text: string } | { kind: 'tok'; text: string };

function tokenizeSheetsDate(fmt: string): DateTok[] {
  const toks: DateTok[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i] as string;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      toks.push({ kind: 'lit', text: fmt.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      toks.push({ kind: 'lit', text: fmt[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(fmt.slice(i))) {
      toks.push({ kind: 'tok', text: 'am/pm' });
      i += 5;
    } else if (/[yYmMdDhHsS]/.test(ch)) {
      let j = i;
      while (j < fmt.length && (fmt[j] as string).toLowerCase() === ch.toLowerCase()) j++;
      toks.push({ kind: 'tok', text: fmt.slice(i, j).toLowerCase() });
      i = j;
    } else {
      toks.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return toks;
}

/** Formats a serial number with a Sheets date format. */
export function formatSerialWithDateFormat(serial: number, fmt: string): string {
  const wall = Math.round((serial - 25_569) * DAY_MS);
  const p = wallParts(wall);
  const toks = tokenizeSheetsDate(fmt);
  const hasAmPm = toks.some((t) => t.kind === 'tok' && t.text === 'am/pm');
  let out = '';
  let lastTok = '';
  toks.forEach((t, idx) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    const s = t.text;
    const c = s[0];
    if (c === 'y') out += s.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
    else if (c === 'd') {
      if (s.length === 1) out += String(p.day);
      else if (s.length === 2) out += pad(p.day, 2);
      else if (s.length === 3) out += (WEEKDAYS[p.weekday] as string).slice(0, 3);
      else out += WEEKDAYS[p.weekday] as string;
    } else if (c === 'h') {
      const h = hasAmPm ? p.hour % 12 || 12 : p.hour;
      out += s.length >= 2 ? pad(h, 2) : String(h);
    } else if (c === 's') out += s.length >= 2 ? pad(p.second, 2) : String(p.second);
    else if (c === 'a') out += p.hour < 12 ? 'AM' : 'PM';
    else if (c === 'm') {
      const next = toks.slice(idx + 1).find((x) => x.kind === 'tok');
      const isMinute = (lastTok === 'h' || next?.text[0] === 's') && s.length <= 2;
      if (isMinute) out += s.length === 2 ? pad(p.minute, 2) : String(p.minute);
      else if (s.length === 1) out += String(p.month);
      else if (s.length === 2) out += pad(p.month, 2);
      else if (s.length === 3) out += (MONTHS[p.month - 1] as string).slice(0, 3);
      else out += MONTHS[p.month - 1] as string;
    }
    lastTok = c ?? '';
  });
  return out;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with a Sheets number format such as '0', '0.00', '#,##0.00', '"¥"#,##0.00', '0%'. */
export function formatNumber(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  let section = sections[0] ?? fmt;
  let neg = n < 0;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    neg = false;
    n = -n;
  } else if (n === 0 && sections[2] !== undefined) section = sections[2];
  const core = /[#0?][#0?,]*(\.[#0?]*)?|\.[#0?]+/.exec(stripQuoted(section).replace(/\[[^\]]*\]/g, ''));
  const coreText = core ? core[0] : '';
  const lit = (s: string): string => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const idx = coreText ? findCore(section, coreText) : -1;
  if (idx < 0) return lit(section);
  const prefix = lit(section.slice(0, idx));
  const suffix = lit(section.slice(idx + coreText.length));
  const percent = (prefix + suffix).includes('%');
  let v = Math.abs(n) * (percent ? 100 : 1);
  const dot = coreText.indexOf('.');
  const decPattern = dot >= 0 ? coreText.slice(dot + 1) : '';
  const maxDec = decPattern.length;
  const minDec = (decPattern.match(/0/g) ?? []).length;
  const intPattern = dot >= 0 ? coreText.slice(0, dot) : coreText;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  v = Number(v.toFixed(Math.min(maxDec, 20)));
  let [intStr = '0', decStr = ''] = v.toFixed(Math.min(maxDec, 20)).split('.');
  decStr = decStr.replace(/0+$/, '');
  while (decStr.length < minDec) decStr += '0';
  intStr = intStr.replace(/^0+/, '');
  while (intStr.length < minInt) intStr = '0' + intStr;
  if (intPattern.includes(',')) intStr = groupThousands(intStr);
  const body = intStr + (decStr ? '.' + decStr : dot >= 0 && minDec === 0 && maxDec === 0 ? '.' : '');
  const sign = neg && v !== 0 ? '-' : '';
  return sign + prefix + (body === '' ? '0' : body) + suffix;
}

function findCore(section: string, coreText: string): number {
  // locate the numeric core outside quotes
  let i = 0;
  while (i < section.length) {
    if (section[i] === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (section.startsWith(coreText, i)) return i;
    i++;
  }
  return -1;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (const ch of fmt) {
    if (ch === '"') inQ = !inQ;
    if (ch === ';' && !inQ) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function formatGeneralNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.replace('e+', 'E+').replace('e-', 'E-');
}

/** The display text of a stored cell value under its number format. */
export function displayValue(v: unknown, fmt: string | undefined): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (fmt === undefined || fmt === DEFAULT_NUMBER_FORMAT || /^general$/i.test(fmt))
      return formatGeneralNumber(v);
    if (fmt === '@') return formatGeneralNumber(v);
    if (isDateFormat(fmt)) return formatSerialWithDateFormat(v, fmt);
    return formatNumber(v, fmt);
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------------------------
// Input typing ("Sheets types what you write")

export interface Typed {
  value: string | number | boolean;
  formula?: string;
  /** number format Sheets assigns when the cell's format was automatic */
  format?: string;
}

const NUM_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CN_DATE_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

/** Parses a string as Sheets does when it is typed or written by a script into a cell of automatic format. */
export function typeInput(s: string): Typed {
  if (s === '') return { value: '' };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: evaluateFormula(s), formula: s };
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/\d/.test(t)) {
    if (NUM_RE.test(t)) return { value: Number(t.replace(/,/g, '')) };
    if (t.endsWith('%') && NUM_RE.test(t.slice(0, -1).trim())) {
      return { value: Number(t.slice(0, -1).trim().replace(/,/g, '')) / 100, format: '0.00%' };
    }
    let m = DATE_RE.exec(t) ?? CN_DATE_RE.exec(t);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (validYmd(y, mo, d)) {
        const hh = m[4] === undefined ? undefined : Number(m[4]);
        const mi = Number(m[5] ?? 0);
        const ss = Number(m[6] ?? 0);
        if (hh === undefined || (hh < 24 && mi < 60 && ss < 60)) {
          const wall = Date.UTC(y, mo - 1, d, hh ?? 0, mi, ss);
          const format =
            hh === undefined ? 'yyyy-mm-dd' : m[6] !== undefined ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm';
          return { value: wallToSerial(wall), format };
        }
      }
    }
    m = TIME_RE.exec(t);
    if (m) {
      const hh = Number(m[1]);
      const mi = Number(m[2]);
      const ss = Number(m[3] ?? 0);
      if (hh < 24 && mi < 60 && ss < 60) {
        return { value: (hh * 3600 + mi * 60 + ss) / 86400, format: m[3] ? 'hh:mm:ss' : 'hh:mm' };
      }
    }
  }
  return { value: s };
}

/** The value of constant arithmetic ('1+2*3'), or undefined for anything else. */
function arithmetic(expr: string): number | undefined {
  if (!/^[\d\s+\-*/().]+$/.test(expr) || !/\d/.test(expr)) return undefined;
  try {
    const r = new Function(`return (${expr});`)() as unknown;
    return typeof r === 'number' && Number.isFinite(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

const AGGREGATES: Record<string, (xs: number[]) => number> = {
  SUM: (xs) => xs.reduce((a, b) => a + b, 0),
  PRODUCT: (xs) => xs.reduce((a, b) => a * b, 1),
  MIN: (xs) => (xs.length ? Math.min(...xs) : 0),
  MAX: (xs) => (xs.length ? Math.max(...xs) : 0),
  AVERAGE: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
};

/**
 * The emulator does not compute formulas that read cells. Constant arithmetic ('=1+1') and SUM, PRODUCT,
 * MIN, MAX, AVERAGE of constants ('=SUM(1,2)') are evaluated; any other formula reads back as the string
 * '#ERROR!' so that an accidental formula is visible in assertions.
 */
export function evaluateFormula(f: string): number | string {
  let body = f.slice(1);
  const call = /\b([A-Za-z]+)\(([^()]*)\)/;
  for (let m = call.exec(body); m; m = call.exec(body)) {
    const fn = AGGREGATES[(m[1] as string).toUpperCase()];
    const args = (m[2] as string).split(',').map(arithmetic);
    if (!fn || args.some((x) => x === undefined)) return '#ERROR!';
    const v = fn(args as number[]);
    if (!Number.isFinite(v)) return '#ERROR!';
    body = body.slice(0, m.index) + `(${v})` + body.slice(m.index + m[0].length);
  }
  return arithmetic(body) ?? '#ERROR!';
}
