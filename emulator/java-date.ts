/** Java SimpleDateFormat, as Utilities.formatDate and Utilities.parseDate use it. */
import { MONTHS, pad, WEEKDAYS } from './format';
import { DAY_MS, instantToWall, offsetAt, wallParts, wallToInstant } from './tz';

function zoneShortName(tz: string, ms: number): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' }).formatToParts(ms);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (tz === 'Asia/Shanghai' || tz === 'Asia/Chongqing' || tz === 'PRC') return 'CST';
    if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT') return tz === 'GMT' ? 'GMT' : 'UTC';
    return name;
  } catch {
    return tz;
  }
}

type PatternToken = { lit: string } | { ch: string; n: number };

/** A SimpleDateFormat pattern as literals ('T', quoted text, punctuation) and runs of one letter ('yyyy'). */
function patternTokens(pattern: string): PatternToken[] {
  const out: PatternToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out.push({ lit: "'" });
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += pattern[j];
        j++;
      }
      out.push({ lit });
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out.push({ lit: ch });
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    out.push({ ch, n: j - i });
    i = j;
  }
  return out;
}

export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const off = offsetAt(tz, ms);
  const p = wallParts(instantToWall(ms, tz));
  let out = '';
  for (const t of patternTokens(pattern)) {
    if ('lit' in t) {
      out += t.lit;
      continue;
    }
    const { ch, n } = t;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        if (n >= 4) out += MONTHS[p.month - 1] as string;
        else if (n === 3) out += (MONTHS[p.month - 1] as string).slice(0, 3);
        else out += pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D': {
        const doy = Math.floor((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / DAY_MS) + 1;
        out += pad(doy, n);
        break;
      }
      case 'E':
        out += n >= 4 ? (WEEKDAYS[p.weekday] as string) : (WEEKDAYS[p.weekday] as string).slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 || 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += zoneShortName(tz, ms);
        break;
      case 'Z':
        out += offsetText(off, false);
        break;
      case 'X':
        if (off === 0) out += 'Z';
        else if (n === 1) out += offsetText(off, false).slice(0, 3);
        else out += offsetText(off, n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

const NUMERIC_FIELDS = 'yYMLdDuHkKhmsS';

/**
 * Java SimpleDateFormat.parse (lenient, as its default): the instant `text` names in zone `tz`, or undefined
 * when the text does not fit the pattern. Text after the pattern is ignored, as DateFormat.parse(String) does.
 * A two-digit 'yy' year falls within 80 years before and 20 after `nowMs`.
 */
export function parseJavaDate(text: string, tz: string, pattern: string, nowMs: number): number | undefined {
  const tokens = patternTokens(pattern);
  const f = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0, pm: undefined as boolean | undefined };
  let offset: number | undefined;
  let pos = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as PatternToken;
    if ('lit' in t) {
      if (!text.startsWith(t.lit, pos)) return undefined;
      pos += t.lit.length;
      continue;
    }
    const next = tokens[k + 1];
    const rest = text.slice(pos);
    if (NUMERIC_FIELDS.includes(t.ch) && !((t.ch === 'M' || t.ch === 'L') && t.n >= 3)) {
      // Adjacent numeric fields ('yyyyMMdd') take exactly their width; otherwise a field takes every digit.
      const fixed = next !== undefined && 'ch' in next && NUMERIC_FIELDS.includes(next.ch);
      const m = (fixed ? new RegExp(`^\\d{${t.n}}`) : /^\d+/).exec(rest);
      if (!m) return undefined;
      pos += m[0].length;
      const v = Number(m[0]);
      if (t.ch === 'y' || t.ch === 'Y') {
        if (t.n <= 2 && m[0].length === 2) {
          const now = new Date(nowMs).getUTCFullYear();
          const century = Math.floor((now - 80) / 100) * 100;
          f.y = century + v < now - 80 ? century + 100 + v : century + v;
        } else f.y = v;
      } else if (t.ch === 'M' || t.ch === 'L') f.M = v;
      else if (t.ch === 'd') f.d = v;
      else if (t.ch === 'H' || t.ch === 'k') f.H = t.ch === 'k' && v === 24 ? 0 : v;
      else if (t.ch === 'h' || t.ch === 'K') f.H = t.ch === 'h' && v === 12 ? 0 : v;
      else if (t.ch === 'm') f.m = v;
      else if (t.ch === 's') f.s = v;
      else if (t.ch === 'S') f.S = v;
      continue;
    }
    const word = /^[A-Za-z]+/.exec(rest)?.[0] ?? '';
    if (t.ch === 'M' || t.ch === 'L') {
      const i = MONTHS.findIndex((name) =>
        [name, name.slice(0, 3)].some((x) => x.toLowerCase() === word.toLowerCase()),
      );
      if (i < 0) return undefined;
      f.M = i + 1;
      pos += word.length;
    } else if (t.ch === 'E') {
      if (
        !WEEKDAYS.some((name) => [name, name.slice(0, 3)].some((x) => x.toLowerCase() === word.toLowerCase()))
      )
        return undefined;
      pos += word.length;
    } else if (t.ch === 'a') {
      if (!/^(am|pm)$/i.test(word)) return undefined;
      f.pm = /^pm$/i.test(word);
      pos += word.length;
    } else if (t.ch === 'Z' || t.ch === 'X' || t.ch === 'z') {
      const m = /^(?:GMT|UTC)?(?:([+-])(\d{2}):?(\d{2})?)?/.exec(rest) as RegExpExecArray;
      if (/^Z/.test(rest)) {
        offset = 0;
        pos += 1;
      } else if (m[0] === '') return undefined;
      else {
        offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000 : 0;
        pos += m[0].length;
      }
    } else return undefined;
  }
  if (f.pm !== undefined) f.H = (f.H % 12) + (f.pm ? 12 : 0);
  const wall = Date.UTC(f.y, f.M - 1, f.d, f.H, f.m, f.s, f.S);
  return offset !== undefined ? wall - offset : wallToInstant(wall, tz);
}

function offsetText(off: number, colon: boolean): string {
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(off / 60000));
  return sign + pad(Math.floor(abs / 60), 2) + (colon ? ':' : '') + pad(abs % 60, 2);
}
