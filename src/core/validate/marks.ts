import { messages } from '../i18n';
import { LANGS, type Lang } from '../lang';
import type { TableLayout } from '../table/mapping';
import type { Fix } from './columns';
import { normalisedNote } from './fixes';
import { detailIn, type Problem } from './problem';

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
// Not a closure in parseNote: the bundle keeps function names, which costs a call per closure made.
const notOurs = (note: string): ParsedNote => ({ problems: [], tidied: null, restore: null, user: note });

export function parseNote(note: string): ParsedNote {
  if (!ours(note)) return notOurs(note);
  const cut = note.indexOf(SEPARATOR);
  const houqin = cut < 0 ? note : note.slice(0, cut);
  const user = cut < 0 ? '' : note.slice(cut + SEPARATOR.length);
  const problems: string[] = [];
  let tidied: string | null = null;
  let restore: string | null = null;
  for (const line of houqin.split('\n')) {
    const body = stripTag(line);
    if (body === null) return notOurs(note);
    if (body.startsWith(PROBLEM)) problems.push(body.slice(PROBLEM.length));
    else if (body.startsWith(TIDIED)) tidied = body.slice(TIDIED.length);
    else if (body.startsWith(RESTORE)) restore = body.slice(RESTORE.length);
  }
  return { problems, tidied, restore, user };
}

function composeNote(
  tag: string,
  p: {
    readonly problems: readonly string[];
    readonly tidied: string | null;
    readonly restore: string | null;
  },
  user: string,
): string {
  return noteOf(tag, p.problems, p.tidied, p.restore, user);
}

/** composeNote's text from its parts, without a record of them. */
function noteOf(
  tag: string,
  problems: readonly string[],
  tidied: string | null,
  restore: string | null,
  user: string,
): string {
  // Built as one string, not an array of lines: Check all sheets writes one per marked cell.
  let lines = '';
  for (let i = 0; i < problems.length; i++) lines += (lines ? '\n' : '') + tag + PROBLEM + problems[i]!;
  if (tidied) lines += (lines ? '\n' : '') + tag + TIDIED + tidied;
  if (restore) lines += (lines ? '\n' : '') + tag + RESTORE + restore;
  if (!lines) return user;
  return user ? lines + SEPARATOR + user : lines;
}

/** Whether a note starts with Houqin's tag, in any language. */
const ours = (note: string | undefined): boolean => !!note && TAGS.some((t) => note.startsWith(t));

const same = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

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
      note: composeNote(tag, { problems: want.problems, tidied, restore }, current.user),
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
  wantedCells?: Iterable<readonly [number, number]>,
): MarkWrite | null {
  if (!wantedCells)
    return planWith(backgrounds, notes, want, tag, (visit) => {
      for (let r = 0; r < backgrounds.length; r++) {
        const bgRow = backgrounds[r]!;
        for (let c = 0; c < bgRow.length; c++) {
          const w = want(r, c);
          // Fast path: nothing wanted and not Houqin's note — the common case on a clean sheet.
          if (!w && !ours(notes[r]?.[c])) continue;
          visit(r, c, w);
        }
      }
    });
  return planWith(backgrounds, notes, want, tag, (visit) => {
    // Cells by index, not [r, c] = cell: destructuring walks each pair with an iterator.
    for (const cell of wantedCells) {
      const r = cell[0];
      const c = cell[1];
      if (r >= 0 && r < backgrounds.length && c >= 0 && c < backgrounds[r]!.length) visit(r, c, want(r, c));
    }
    oursLeft(notes, want, visit);
  });
}

type Visit = (r: number, c: number, w: CellMark | undefined) => void;

/** The cells still holding Houqin's note that nothing is wanted on: their marks are taken off. */
function oursLeft(
  notes: readonly (readonly string[])[],
  want: (r: number, c: number) => CellMark | undefined,
  visit: Visit,
): void {
  for (let r = 0; r < notes.length; r++) {
    const noteRow = notes[r]!;
    for (let c = 0; c < noteRow.length; c++)
      if (noteRow[c] !== '' && ours(noteRow[c]) && !want(r, c)) visit(r, c, undefined);
  }
}

/** planMarks over the cells `each` visits: those wanted, then those holding Houqin's note. */
function planWith(
  backgrounds: readonly (readonly string[])[],
  notes: readonly (readonly string[])[],
  want: (r: number, c: number) => CellMark | undefined,
  tag: string,
  each: (visit: Visit) => void,
): MarkWrite | null {
  // The cells that change, as four parallel lists rather than a record per cell.
  const rs: number[] = [];
  const cs: number[] = [];
  const nextBackgrounds: string[] = [];
  const nextNotes: string[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  each((r, c, w) => {
    const bg = backgrounds[r]?.[c] ?? DEFAULT_BACKGROUND;
    const note = notes[r]?.[c] ?? '';
    let nextBackground: string;
    let nextNote: string;
    if (note === '') {
      // No note yet (most cells of a first check): markCell's answer without parsing a note.
      const problems = w ? w.problems : NONE;
      nextBackground = problems.length > 0 ? MARK_BACKGROUND : bg;
      const restore = problems.length > 0 && !same(bg, DEFAULT_BACKGROUND) ? bg : null;
      nextNote = noteOf(tag, problems, w?.tidied ?? null, restore, '');
    } else {
      const next = markCell(bg, note, w, tag);
      nextBackground = next.background;
      nextNote = next.note;
    }
    if (nextBackground === bg && nextNote === note) return;
    rs.push(r);
    cs.push(c);
    nextBackgrounds.push(nextBackground);
    nextNotes.push(nextNote);
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  });
  if (!rs.length) return null;
  const out: MarkWrite = {
    top,
    left,
    backgrounds: backgrounds.slice(top, bottom + 1).map((row) => row.slice(left, right + 1)),
    notes: notes.slice(top, bottom + 1).map((row) => row.slice(left, right + 1)),
  };
  for (let i = 0; i < rs.length; i++) {
    out.backgrounds[rs[i]! - top]![cs[i]! - left] = nextBackgrounds[i]!;
    out.notes[rs[i]! - top]![cs[i]! - left] = nextNotes[i]!;
  }
  return out;
}

const NONE: readonly string[] = [];

/** What Houqin wants on the cells of a sheet, keyed by `cellKey` (a Map fits). */
export interface WantedMarks {
  readonly size: number;
  get(key: number): CellMark | undefined;
  keys(): Iterable<number>;
}

/** A cell's key in `wantedMarks`: 1-based row, 0-based column (Sheets allows 18,278 columns). */
const KEY_ROW = 20_000;
export const cellKey = (row: number, column: number): number => row * KEY_ROW + column;

interface WantedCell {
  problems: string[];
  tidied: string | undefined;
}

/**
 * The marks wanted, by row and then column: Check all sheets wants one on most cells of a messy
 * sheet, and plans them row by row, without a key or a map entry per cell.
 */
class MarksByRow implements WantedMarks {
  /** By 1-based row, then 0-based column. */
  declare readonly byRow: (WantedCell[] | undefined)[];
  declare size: number;

  constructor() {
    this.byRow = [];
    this.size = 0;
  }

  get(key: number): CellMark | undefined {
    const column = key % KEY_ROW;
    return this.byRow[(key - column) / KEY_ROW]?.[column];
  }

  keys(): number[] {
    const out: number[] = [];
    for (let row = 0; row < this.byRow.length; row++) {
      const cells = this.byRow[row];
      if (cells) for (let c = 0; c < cells.length; c++) if (cells[c]) out.push(cellKey(row, c));
    }
    return out;
  }

  at(row: number, column: number): WantedCell {
    let cells = this.byRow[row];
    if (!cells) this.byRow[row] = cells = [];
    let entry = cells[column];
    if (!entry) {
      // Every cell of one shape, `tidied` there from the start: code reading cells sees one map.
      cells[column] = entry = { problems: [], tidied: undefined };
      this.size++;
    }
    return entry;
  }
}

/** The wanted cells as positions in a block whose first row is `first` and first column `left`. */
function cellsOf(wanted: WantedMarks, first: number, left: number): [number, number][] {
  const out: [number, number][] = [];
  for (const key of wanted.keys()) {
    const column = key % KEY_ROW;
    out.push([(key - column) / KEY_ROW - first, column - left]);
  }
  return out;
}

/** What Houqin wants on each cell: the problems reported on it, and the note on a value it tidied. */
export function wantedMarks(
  layout: TableLayout,
  problems: readonly Problem[],
  fixes: readonly Fix[],
  lang: Lang,
  timeZone: string,
): WantedMarks {
  const wanted = new MarksByRow();
  wantProblems(wanted, layout.index, problems, lang);
  wantTidied(wanted, layout.index, fixes, lang, timeZone);
  return wanted;
}

// Two loops, each a function of its own: each is optimised for the little it does.
function wantProblems(
  wanted: MarksByRow,
  index: TableLayout['index'],
  problems: readonly Problem[],
  lang: Lang,
): void {
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    if (p.column === null || p.row <= 1) continue;
    const c = index[p.column];
    if (c !== undefined) wanted.at(p.row, c).problems.push(detailIn(p, lang));
  }
}

function wantTidied(
  wanted: MarksByRow,
  index: TableLayout['index'],
  fixes: readonly Fix[],
  lang: Lang,
  timeZone: string,
): void {
  for (let i = 0; i < fixes.length; i++) {
    const f = fixes[i]!;
    const c = index[f.column];
    if (c !== undefined) wanted.at(f.row, c).tidied = normalisedNote(f, lang, timeZone);
  }
}

/** The backgrounds and notes of a block of rows as read (getBackgrounds / getNotes). */
export interface MarkBlock {
  /** 1-based row of the block's first line. */
  readonly first: number;
  /** 0-based column of the block's first column (0: column A). */
  readonly left?: number;
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

/** A plan of a block read from sheet row `first`, `left` columns in, placed on the sheet. */
function placed(plan: MarkWrite | null, first: number, left: number): PlacedMarks | null {
  if (!plan) return null;
  return {
    row: first + plan.top,
    column: 1 + left + plan.left,
    backgrounds: plan.backgrounds,
    notes: plan.notes,
  };
}

/** What to write so that a block read carries the marks wanted; null when nothing changes. */
export function marksToWrite(block: MarkBlock, wanted: WantedMarks, lang: Lang): PlacedMarks | null {
  const left = block.left ?? 0;
  const { first, backgrounds, notes } = block;
  const tag = messages(lang).validation.noteTag;
  const want = (r: number, c: number) => wanted.get(cellKey(first + r, left + c));
  const plan =
    wanted instanceof MarksByRow
      ? planWith(backgrounds, notes, want, tag, (visit) => {
          // Row by row through the cells wanted, then the notes: no key per cell.
          const byRow = wanted.byRow;
          for (let r = 0; r < backgrounds.length; r++) {
            const cells = byRow[first + r];
            if (!cells) continue;
            const width = backgrounds[r]!.length;
            for (let k = left; k < cells.length && k - left < width; k++) {
              const w = cells[k];
              if (w) visit(r, k - left, w);
            }
          }
          oursLeft(notes, want, visit);
        })
      : planMarks(backgrounds, notes, want, tag, cellsOf(wanted, first, left));
  return placed(plan, first, left);
}

/** Whether a list is in row order (as checkWorkbook leaves each sheet's problems, and a check its fixes). */
function inRowOrder(list: readonly { readonly row: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.row < list[i - 1]!.row) return false;
  return true;
}

/**
 * What Check all sheets writes on one sheet: `marksToWrite(block, wantedMarks(layout, problems,
 * fixes, lang, timeZone), lang)`, without a record of the wanted marks. The problems and fixes, in
 * row order, are walked beside the block's rows: each row's cells gather their problems in lists
 * kept for the whole walk, then the row's cells are planned, those holding Houqin's note too.
 * Tens of thousands of marked cells on a messy sheet make no object, list or map entry each.
 */
export function sheetMarksToWrite(
  block: MarkBlock,
  layout: TableLayout,
  problems: readonly Problem[],
  fixes: readonly Fix[],
  lang: Lang,
  timeZone: string,
): PlacedMarks | null {
  if (!inRowOrder(problems) || !inRowOrder(fixes))
    return marksToWrite(block, wantedMarks(layout, problems, fixes, lang, timeZone), lang);
  const left = block.left ?? 0;
  const { first, backgrounds, notes } = block;
  const tag = messages(lang).validation.noteTag;
  const index = layout.index;
  const plan = planWith(
    backgrounds,
    notes,
    () => undefined,
    tag,
    (visit) =>
      new RowWalk(index, problems, fixes, lang, timeZone, left).walk(first, backgrounds, notes, visit),
  );
  return placed(plan, first, left);
}

/** sheetMarksToWrite's walk: a row's wanted cells, in lists kept for every row. */
class RowWalk {
  declare readonly index: TableLayout['index'];
  declare readonly problems: readonly Problem[];
  declare readonly fixes: readonly Fix[];
  declare readonly lang: Lang;
  declare readonly timeZone: string;
  declare readonly left: number;
  /** Per block column, the current row's problem texts (emptied after the row). */
  declare readonly lists: string[][];
  /** Per block column, the current row's tidying note, if any. */
  declare readonly tidied: (string | undefined)[];
  declare readonly wanted: boolean[];
  /** The cell handed to `visit`: its fields are set for each wanted cell, read at once, never kept. */
  declare readonly mark: { problems: readonly string[]; tidied: string | undefined };
  declare p: number;
  declare f: number;

  constructor(
    index: TableLayout['index'],
    problems: readonly Problem[],
    fixes: readonly Fix[],
    lang: Lang,
    timeZone: string,
    left: number,
  ) {
    this.index = index;
    this.problems = problems;
    this.fixes = fixes;
    this.lang = lang;
    this.timeZone = timeZone;
    this.left = left;
    this.lists = [];
    this.tidied = [];
    this.wanted = [];
    this.mark = { problems: NONE, tidied: undefined };
    this.p = 0;
    this.f = 0;
  }

  walk(
    first: number,
    backgrounds: readonly (readonly string[])[],
    notes: readonly (readonly string[])[],
    visit: Visit,
  ): void {
    const width = backgrounds.length ? backgrounds[0]!.length : 0;
    for (let c = 0; c < width; c++) {
      this.lists.push([]);
      this.tidied.push(undefined);
      this.wanted.push(false);
    }
    for (let r = 0; r < backgrounds.length; r++) {
      const any = this.gather(first + r, backgrounds[r]!.length);
      const noteRow = notes[r]!;
      if (!any) {
        // Nothing wanted on the row: only Houqin's old notes are taken off.
        for (let c = 0; c < noteRow.length; c++)
          if (noteRow[c] !== '' && ours(noteRow[c])) visit(r, c, undefined);
        continue;
      }
      this.visitRow(r, noteRow, visit);
    }
  }

  /** Gathers the problems and fixes of sheet row `row` into the lists; whether any cell is wanted. */
  gather(row: number, width: number): boolean {
    let any = false;
    const { problems, fixes, index, left } = this;
    while (this.p < problems.length && problems[this.p]!.row < row) this.p++;
    for (; this.p < problems.length && problems[this.p]!.row === row; this.p++) {
      const problem = problems[this.p]!;
      if (problem.column === null || row <= 1) continue;
      const c = index[problem.column];
      if (c === undefined || c < left || c - left >= width) continue;
      this.lists[c - left]!.push(detailIn(problem, this.lang));
      this.wanted[c - left] = any = true;
    }
    while (this.f < fixes.length && fixes[this.f]!.row < row) this.f++;
    for (; this.f < fixes.length && fixes[this.f]!.row === row; this.f++) {
      const fix = fixes[this.f]!;
      const c = index[fix.column];
      if (c === undefined || c < left || c - left >= width) continue;
      this.tidied[c - left] = normalisedNote(fix, this.lang, this.timeZone);
      this.wanted[c - left] = any = true;
    }
    return any;
  }

  /** Plans the cells of a row with something wanted, then empties the lists. */
  visitRow(r: number, noteRow: readonly string[], visit: Visit): void {
    const mark = this.mark;
    for (let c = 0; c < noteRow.length; c++) {
      if (this.wanted[c]) {
        mark.problems = this.lists[c]!;
        mark.tidied = this.tidied[c];
        visit(r, c, mark);
        this.lists[c]!.length = 0;
        this.tidied[c] = undefined;
        this.wanted[c] = false;
      } else if (noteRow[c] !== '' && ours(noteRow[c])) visit(r, c, undefined);
    }
  }
}
