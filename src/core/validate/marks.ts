import { messages } from '../i18n';
import { LANGS, type Lang } from '../lang';
import type { TableLayout } from '../table/mapping';
import type { Fix } from './columns';
import { normalisedNote } from './fixes';
import type { Problem } from './problem';

/** The light red Houqin paints a bad cell (Sheets' "light red 3"). */
export const MARK_BACKGROUND = '#f4cccc';
const DEFAULT_BACKGROUND = '#ffffff';
const SEPARATOR = '\n———\n';
const PROBLEM = '⚠ ';
const TIDIED = '✎ ';
const RESTORE = '↺ ';

/** Tags in every language, so a note written before a language switch is still recognised. */
const TAGS = LANGS.map((lang) => messages(lang).validation.noteTag);

/** What Houqin wants on a cell: its problems (a mark), or a note that it tidied the value. */
export interface CellMark {
  readonly problems: readonly string[];
  readonly tidied?: string;
}

interface ParsedNote {
  readonly problems: string[];
  readonly tidied: string | null;
  /** The background the cell had before Houqin painted it. */
  readonly restore: string | null;
  /** The person's own note, kept below Houqin's lines. */
  readonly user: string;
}

function stripTag(line: string): string | null {
  for (const tag of TAGS) if (line.startsWith(tag)) return line.slice(tag.length);
  return null;
}

/** Splits a note into Houqin's lines and the person's own text. */
export function parseNote(note: string): ParsedNote {
  const empty: ParsedNote = { problems: [], tidied: null, restore: null, user: note };
  if (!TAGS.some((t) => note.startsWith(t))) return empty;
  const cut = note.indexOf(SEPARATOR);
  const ours = cut < 0 ? note : note.slice(0, cut);
  const user = cut < 0 ? '' : note.slice(cut + SEPARATOR.length);
  const problems: string[] = [];
  let tidied: string | null = null;
  let restore: string | null = null;
  for (const line of ours.split('\n')) {
    const body = stripTag(line);
    if (body === null) return empty;
    if (body.startsWith(PROBLEM)) problems.push(body.slice(PROBLEM.length));
    else if (body.startsWith(TIDIED)) tidied = body.slice(TIDIED.length);
    else if (body.startsWith(RESTORE)) restore = body.slice(RESTORE.length);
  }
  return { problems, tidied, restore, user };
}

function composeNote(tag: string, p: Omit<ParsedNote, 'user'>, user: string): string {
  const lines = [
    ...p.problems.map((m) => tag + PROBLEM + m),
    ...(p.tidied ? [tag + TIDIED + p.tidied] : []),
    ...(p.restore ? [tag + RESTORE + p.restore] : []),
  ];
  if (!lines.length) return user;
  return user ? lines.join('\n') + SEPARATOR + user : lines.join('\n');
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The background and note a cell should have. A problem paints it light red, remembering the
 * person's colour to give back when fixed; the person's own note is kept below Houqin's lines.
 * A cell Houqin never marked, and has nothing to say about, is returned unchanged.
 */
export function markCell(
  background: string,
  note: string,
  want: CellMark | undefined,
  tag: string,
): { background: string; note: string } {
  const current = parseNote(note);
  const marked = current.problems.length > 0;
  const own = marked ? (current.restore ?? DEFAULT_BACKGROUND) : background;
  if (want && want.problems.length > 0) {
    const restore = same(own, DEFAULT_BACKGROUND) ? null : own;
    const tidied = want.tidied ?? current.tidied;
    return {
      background: MARK_BACKGROUND,
      note: composeNote(tag, { problems: [...want.problems], tidied, restore }, current.user),
    };
  }
  // Unmark: give the colour back unless the person recoloured the cell meanwhile.
  const back = marked && same(background, MARK_BACKGROUND) ? own : background;
  const tidied = want?.tidied ?? current.tidied;
  return { background: back, note: composeNote(tag, { problems: [], tidied, restore: null }, current.user) };
}

/** Cells of a block to change, as the smallest rectangle holding them (0-based within the block). */
export interface MarkWrite {
  readonly top: number;
  readonly left: number;
  readonly backgrounds: string[][];
  readonly notes: string[][];
}

/**
 * New backgrounds and notes for a block read with getBackgrounds/getNotes. `want(r, c)` says what
 * Houqin wants on the cell at block position (r, c). Only cells Houqin marks, or whose note is
 * Houqin's, can change: the office's own columns, colours and notes are left as they are.
 * Returns null when nothing changes, so an unchanged sheet is not written.
 */
export function planMarks(
  backgrounds: readonly (readonly string[])[],
  notes: readonly (readonly string[])[],
  want: (r: number, c: number) => CellMark | undefined,
  tag: string,
): MarkWrite | null {
  const changed: [number, number, string, string][] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < backgrounds.length; r++) {
    const bgRow = backgrounds[r]!;
    for (let c = 0; c < bgRow.length; c++) {
      const bg = bgRow[c] ?? DEFAULT_BACKGROUND;
      const note = notes[r]?.[c] ?? '';
      const w = want(r, c);
      // Fast path: nothing wanted and not Houqin's note — the common case on a clean sheet.
      if (!w && !TAGS.some((t) => note.startsWith(t))) continue;
      const next = markCell(bg, note, w, tag);
      if (next.background === bg && next.note === note) continue;
      changed.push([r, c, next.background, next.note]);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  }
  if (!changed.length) return null;
  const out: MarkWrite = {
    top,
    left,
    backgrounds: backgrounds.slice(top, bottom + 1).map((row) => row.slice(left, right + 1).map((b) => b)),
    notes: notes.slice(top, bottom + 1).map((row) => row.slice(left, right + 1).map((n) => n)),
  };
  for (const [r, c, bg, note] of changed) {
    out.backgrounds[r - top]![c - left] = bg;
    out.notes[r - top]![c - left] = note;
  }
  return out;
}

/** What Houqin wants on the cells of a sheet, keyed by `markKey`. */
export type WantedMarks = ReadonlyMap<string, CellMark>;

/** The key of a cell in `WantedMarks`: 1-based row, 0-based column index. */
const markKey = (row: number, column: number) => `${row}|${column}`;

/** What Houqin wants on each cell: the problems reported on it, and the note on a value it tidied. */
export function wantedMarks(
  layout: TableLayout,
  problems: readonly Problem[],
  fixes: readonly Fix[],
  lang: Lang,
  timeZone: string,
): Map<string, CellMark> {
  const wanted = new Map<string, { problems: string[]; tidied?: string }>();
  const at = (row: number, column: string) => {
    const c = layout.index[column];
    if (c === undefined) return undefined;
    const k = markKey(row, c);
    let entry = wanted.get(k);
    if (!entry) wanted.set(k, (entry = { problems: [] }));
    return entry;
  };
  for (const p of problems)
    if (p.column !== null && p.row > 1) at(p.row, p.column)?.problems.push(p.detail[lang]);
  for (const f of fixes) {
    const entry = at(f.row, f.column);
    if (entry) entry.tidied = normalisedNote(f, lang, timeZone);
  }
  return wanted;
}

/** The backgrounds and notes of a block of rows as read (getBackgrounds / getNotes), from column A. */
export interface MarkBlock {
  /** 1-based row of the block's first line. */
  readonly first: number;
  readonly backgrounds: readonly (readonly string[])[];
  readonly notes: readonly (readonly string[])[];
}

/** Backgrounds and notes to write, placed in the sheet: the smallest rectangle that changes. */
export interface PlacedMarks {
  /** 1-based row and column of its top-left cell. */
  readonly row: number;
  readonly column: number;
  readonly backgrounds: string[][];
  readonly notes: string[][];
}

/** What to write so that a block read carries the marks wanted; null when nothing changes. */
export function marksToWrite(block: MarkBlock, wanted: WantedMarks, lang: Lang): PlacedMarks | null {
  const plan = planMarks(
    block.backgrounds,
    block.notes,
    (r, c) => wanted.get(markKey(block.first + r, c)),
    messages(lang).validation.noteTag,
  );
  if (!plan) return null;
  return {
    row: block.first + plan.top,
    column: 1 + plan.left,
    backgrounds: plan.backgrounds,
    notes: plan.notes,
  };
}
