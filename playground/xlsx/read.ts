/**
 * An .xlsx package read into what the playground needs: each worksheet's cells (value, type,
 * formula — shared formulas expanded per cell — and style), merges, hidden sheets, rows and
 * columns, widths, frozen panes, drop-downs and notes; and the original parts, kept byte for byte
 * so that saving can patch only what Houqin changed (see patch.ts).
 *
 * Written for what real programs write (ECMA-376 Part 1, §18): any namespace prefix (Tencent Docs
 * writes `<x:workbook>`), the workbook part wherever `_rels/.rels` points, inline strings (Numbers,
 * exports by scripts), cells and rows without `r`, formatted empty cells far past the data (WPS).
 */
import { shiftFormula } from './formula';
import {
  attr,
  cellRef,
  decode,
  decodeOoxml,
  elements,
  first,
  plainText,
  relsPathOf,
  resolveTarget,
  rootPrefix,
  utf8,
  type Element,
} from './xml';
import { readZip, UnreadableWorkbook, type ZipEntry } from './zip';

export const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
  comments: /\/comments$/,
  vmlDrawing: /\/vmlDrawing$/,
  calcChain: /\/calcChain$/,
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The part it points to, resolved; '' for external targets. */
  part: string;
}

export function readRels(parts: Map<string, string>, part: string): Relationship[] {
  const text = parts.get(relsPathOf(part));
  if (!text) return [];
  return elements(text, 'Relationship').map((e) => ({
    id: e.attrs.Id ?? '',
    type: e.attrs.Type ?? '',
    target: e.attrs.Target ?? '',
    part: e.attrs.TargetMode === 'External' ? '' : resolveTarget(part, e.attrs.Target ?? ''),
  }));
}

export type CellType = 'n' | 's' | 'b' | 'e' | 'blank';

export interface XlsxCell {
  row: number;
  col: number;
  type: CellType;
  /** Numbers as serials (dates too), text, booleans; '' for a blank. */
  value: string | number | boolean;
  /** The formula without '=', expanded for the cells of a shared formula. */
  formula?: string;
  /** 'shared' or 'array' when the cell is part of one; `si` names the shared group. */
  formulaKind?: 'shared' | 'array' | 'normal';
  sharedIndex?: string;
  sharedMaster?: boolean;
  style: number;
  /** Offsets of the `<c>` element in the worksheet's XML. */
  start: number;
  end: number;
}

export interface XlsxRow {
  row: number;
  start: number;
  end: number;
  /** The opening tag as written, and whether the row is `<row …/>`. */
  openTag: string;
  selfClosing: boolean;
  cells: XlsxCell[];
  hidden: boolean;
  /** The row's own style (`customFormat`), which its empty cells show; 0 for none. */
  style: number;
}

export interface XlsxValidation {
  sqref: string;
  attrs: Record<string, string>;
  formula1: string;
  prompt: string;
  /** The element as written, kept when Houqin's drop-downs are written again. */
  raw: string;
}

export interface XlsxSheet {
  name: string;
  part: string;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  xml: string;
  prefix: string;
  rows: XlsxRow[];
  /** Rows and columns the cells reach, formatted blanks included. */
  maxRow: number;
  maxCol: number;
  merges: string[];
  hiddenCols: number[];
  /** Styles of whole columns (`<col style>`), which their empty cells show. */
  colStyles: { min: number; max: number; style: number }[];
  /** Column widths in character units, by column. */
  widths: Map<number, number>;
  frozen: { rows: number; cols: number };
  validations: XlsxValidation[];
  notes: Map<string, string>;
  /** The part holding the sheet's notes, when it has one. */
  commentsPart?: string;
  /** Whether the sheet has Excel 365 threaded comments (whose notes are left as they are). */
  threadedComments: boolean;
  /** Whether some row or cell leaves out `r` (its place is then its order). */
  implicitRefs: boolean;
  hasArrayFormulas: boolean;
}

export interface XlsxStyles {
  part: string | null;
  /** Per cell style (cellXfs index): its number format code, bold, and solid fill colour. */
  formats: string[];
  bold: boolean[];
  fills: (string | null)[];
}

export interface XlsxBook {
  /** Every part as read, in the zip's order. */
  entries: ZipEntry[];
  /** XML parts as text, by name (parts that are not XML are left out). */
  text: Map<string, string>;
  workbookPart: string;
  sheets: XlsxSheet[];
  strings: string[];
  styles: XlsxStyles;
  date1904: boolean;
  definedNames: number;
}

/** Built-in number formats (ECMA-376 Part 1, 18.8.30), as the emulator writes them. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd hh:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
// The East Asian built-ins (27–36, 50–58) are dates in a Chinese or Japanese locale.
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58])
  BUILTIN_FORMATS[id] = 'yyyy"年"m"月"d"日"';
BUILTIN_FORMATS[32] = 'h"时"mm"分"';
BUILTIN_FORMATS[33] = 'h"时"mm"分"ss"秒"';
BUILTIN_FORMATS[55] = 'AM/PM h"时"mm"分"';
BUILTIN_FORMATS[56] = 'AM/PM h"时"mm"分"ss"秒"';

function readStyles(text: string | undefined, part: string | null): XlsxStyles {
  const styles: XlsxStyles = { part, formats: [], bold: [], fills: [] };
  if (!text) return styles;
  const custom = new Map<number, string>();
  const numFmts = first(text, 'numFmts');
  if (numFmts)
    for (const f of elements(numFmts.inner, 'numFmt'))
      custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? 'General');
  const fonts = elements(first(text, 'fonts')?.inner ?? '', 'font').map((f) => {
    const b = first(f.inner, 'b');
    return !!b && !['0', 'false'].includes(b.attrs.val ?? '1');
  });
  const fills = elements(first(text, 'fills')?.inner ?? '', 'fill').map((f) => {
    const pattern = first(f.inner, 'patternFill');
    if (pattern?.attrs.patternType !== 'solid') return null;
    const rgb = first(pattern.inner, 'fgColor')?.attrs.rgb;
    return rgb && /^[0-9a-f]{8}$/i.test(rgb) ? `#${rgb.slice(2).toLowerCase()}` : null;
  });
  for (const xf of elements(first(text, 'cellXfs')?.inner ?? '', 'xf')) {
    const id = Number(xf.attrs.numFmtId ?? 0);
    styles.formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
    styles.bold.push(fonts[Number(xf.attrs.fontId ?? 0)] ?? false);
    styles.fills.push(fills[Number(xf.attrs.fillId ?? 0)] ?? null);
  }
  return styles;
}

function readSharedStrings(text: string | undefined): string[] {
  if (!text) return [];
  return elements(text, 'si').map((si) => plainText(si.inner));
}

/** Stops the reading of a sheet too large to hold: `cells` so far, all sheets together. */
export type SizeCheck = (sheet: string, rows: number, cols: number) => void;

const CELL_OR_ROW = /<((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;

function cellValue(
  type: string,
  inner: string,
  strings: readonly string[],
): { type: CellType; value: string | number | boolean } {
  const v = first(inner, 'v');
  const raw = v ? decode(v.inner) : '';
  switch (type) {
    case 's': {
      const s = strings[Number(raw)];
      return s === undefined ? { type: 'blank', value: '' } : { type: 's', value: s };
    }
    case 'inlineStr': {
      const is = first(inner, 'is');
      return { type: 's', value: is ? plainText(is.inner) : decodeOoxml(raw) };
    }
    case 'str':
      return { type: 's', value: decodeOoxml(raw) };
    case 'b':
      return { type: 'b', value: raw === '1' || raw.toLowerCase() === 'true' };
    case 'e':
      return { type: 'e', value: raw };
    case 'd': {
      // ISO 8601 date cells (Strict, some exporters): the serial, as Excel keeps them, wall clock as UTC.
      if (!raw) return { type: 'blank', value: '' };
      const wall = /T/.test(raw) ? raw.replace(/(Z|[+-]\d\d:?\d\d)$/, '') : `${raw}T00:00:00`;
      const ms = Date.parse(`${wall}Z`);
      return Number.isFinite(ms) ? { type: 'n', value: ms / 86_400_000 + 25_569 } : { type: 's', value: raw };
    }
    default: {
      if (!v) return { type: 'blank', value: '' };
      const n = Number(raw);
      return Number.isFinite(n) ? { type: 'n', value: n } : { type: 's', value: raw };
    }
  }
}

function readSheetData(
  sheet: XlsxSheet,
  strings: readonly string[],
  check: SizeCheck,
  from: number,
  to: number,
): void {
  const xml = sheet.xml;
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let row: XlsxRow | null = null;
  let nextRow = 1;
  let nextCol = 1;
  CELL_OR_ROW.lastIndex = from;
  for (let m = CELL_OR_ROW.exec(xml); m && m.index < to; m = CELL_OR_ROW.exec(xml)) {
    const [open, prefix, name, attrText, slash] = m as unknown as [string, string, string, string, string];
    const attrs = parseAttrsFast(attrText);
    if (name === 'row') {
      const r = attrs.r ? Number(attrs.r) : nextRow;
      if (!attrs.r) sheet.implicitRefs = true;
      nextRow = r + 1;
      nextCol = 1;
      let end = m.index + open.length;
      if (!slash) {
        const close = xml.indexOf(`</${prefix}row>`, end);
        end = close < 0 ? to : close + prefix.length + 6;
      }
      row = {
        row: r,
        start: m.index,
        end,
        openTag: open,
        selfClosing: !!slash,
        cells: [],
        hidden: attrs.hidden === '1' || attrs.hidden === 'true',
        style: attrs.customFormat === '1' || attrs.customFormat === 'true' ? Number(attrs.s ?? 0) || 0 : 0,
      };
      // The rows read so far, with all their cells: a refusal then names the farthest cell.
      check(sheet.name, sheet.maxRow, sheet.maxCol);
      sheet.rows.push(row);
      sheet.maxRow = Math.max(sheet.maxRow, r);
      continue;
    }
    if (!row) continue;
    const ref = attrs.r ? cellRef(attrs.r) : null;
    if (!ref) sheet.implicitRefs = true;
    const col = ref?.col ?? nextCol;
    nextCol = col + 1;
    let end = m.index + open.length;
    let inner = '';
    if (!slash) {
      const close = xml.indexOf(`</${prefix}c>`, end);
      inner = xml.slice(end, close);
      end = close + prefix.length + 4;
      CELL_OR_ROW.lastIndex = end;
    }
    const { type, value } = cellValue(attrs.t ?? 'n', inner, strings);
    const cell: XlsxCell = {
      row: row.row,
      col,
      type,
      value,
      style: Number(attrs.s ?? 0) || 0,
      start: m.index,
      end,
    };
    const f = inner ? first(inner, 'f') : undefined;
    if (f) readFormula(cell, f, shared, sheet);
    row.cells.push(cell);
    if (col > sheet.maxCol) {
      sheet.maxCol = col;
      check(sheet.name, sheet.maxRow, sheet.maxCol);
    }
  }
  check(sheet.name, sheet.maxRow, sheet.maxCol);
}

function readFormula(
  cell: XlsxCell,
  f: Element,
  shared: Map<string, { formula: string; row: number; col: number }>,
  sheet: XlsxSheet,
): void {
  const text = decode(f.inner);
  const kind = f.attrs.t;
  if (kind === 'shared' && f.attrs.si !== undefined) {
    cell.formulaKind = 'shared';
    cell.sharedIndex = f.attrs.si;
    const master = shared.get(f.attrs.si);
    if (text && !master) {
      shared.set(f.attrs.si, { formula: text, row: cell.row, col: cell.col });
      cell.formula = text;
      cell.sharedMaster = true;
    } else if (master)
      cell.formula = shiftFormula(master.formula, cell.row - master.row, cell.col - master.col);
    return;
  }
  if (kind === 'array') {
    cell.formulaKind = 'array';
    sheet.hasArrayFormulas = true;
  } else cell.formulaKind = 'normal';
  if (text) cell.formula = text;
}

/** Attributes of a tag, fast: the sheet data of a large workbook has millions. */
function parseAttrsFast(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([\w:.-]+)="([^"]*)"|([\w:.-]+)='([^']*)'/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = m[1] ?? m[3]!;
    const value = m[2] ?? m[4]!;
    attrs[key] = value.includes('&') ? decode(value) : value;
  }
  return attrs;
}

function readLayout(sheet: XlsxSheet): void {
  const xml = sheet.xml;
  for (const c of elements(xml, 'col')) {
    const min = Number(c.attrs.min);
    const max = Math.min(Number(c.attrs.max), 16_384);
    if (!(min >= 1) || !(max >= min)) continue;
    const hidden = c.attrs.hidden === '1' || c.attrs.hidden === 'true';
    if (Number(c.attrs.style)) sheet.colStyles.push({ min, max, style: Number(c.attrs.style) });
    for (let col = min; col <= max && col <= Math.max(sheet.maxCol, min) + 1; col++) {
      if (hidden) sheet.hiddenCols.push(col);
      if (c.attrs.width && (c.attrs.customWidth === '1' || c.attrs.customWidth === 'true'))
        sheet.widths.set(col, Number(c.attrs.width));
    }
  }
  const merges = first(xml, 'mergeCells');
  if (merges) sheet.merges = elements(merges.inner, 'mergeCell').map((e) => e.attrs.ref ?? '');
  const view = first(xml, 'sheetView');
  const pane = view ? first(view.inner, 'pane') : undefined;
  if (pane && (pane.attrs.state === 'frozen' || pane.attrs.state === 'frozenSplit'))
    sheet.frozen = { rows: Number(pane.attrs.ySplit ?? 0) || 0, cols: Number(pane.attrs.xSplit ?? 0) || 0 };
  const validations = first(xml, 'dataValidations');
  if (validations)
    sheet.validations = elements(validations.inner, 'dataValidation').map((v) => ({
      sqref: v.attrs.sqref ?? '',
      attrs: v.attrs,
      formula1: decode(first(v.inner, 'formula1')?.inner ?? ''),
      prompt: v.attrs.prompt ?? '',
      raw: xml.slice(v.start, v.end),
    }));
}

function readNotes(sheet: XlsxSheet, text: Map<string, string>): void {
  for (const rel of readRels(text, sheet.part)) {
    if (/\/threadedComment$/.test(rel.type)) sheet.threadedComments = true;
    if (!REL.comments.test(rel.type)) continue;
    const comments = text.get(rel.part);
    if (!comments) continue;
    sheet.commentsPart = rel.part;
    for (const c of elements(comments, 'comment')) {
      const body = first(c.inner, 'text');
      if (c.attrs.ref && body) sheet.notes.set(c.attrs.ref.toUpperCase(), plainText(body.inner));
    }
  }
}

const isXml = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name);

/**
 * Reads an .xlsx; throws UnreadableWorkbook saying why a file cannot be read, and lets `check`
 * refuse a sheet too large before all of it is read.
 */
export function readXlsx(bytes: Uint8Array, check: SizeCheck = () => undefined): XlsxBook {
  const entries = readZip(bytes);
  const text = new Map<string, string>();
  for (const e of entries) if (isXml(e.name)) text.set(e.name, utf8.decode(e.data).replace(/^\uFEFF/, ''));
  if (!text.has('[Content_Types].xml')) throw new UnreadableWorkbook('notWorkbook');
  const office = readRels(text, '').find((r) => REL.officeDocument.test(r.type));
  const workbookPart = office?.part ?? 'xl/workbook.xml';
  const workbook = text.get(workbookPart);
  if (!workbook) throw new UnreadableWorkbook('notWorkbook');
  const rels = readRels(text, workbookPart);
  const partOf = (type: RegExp): string | null => rels.find((r) => type.test(r.type))?.part ?? null;
  const stylesPart = partOf(REL.styles);
  const strings = readSharedStrings(text.get(partOf(REL.sharedStrings) ?? ''));
  const styles = readStyles(stylesPart ? text.get(stylesPart) : undefined, stylesPart);
  const pr = first(workbook, 'workbookPr');
  const date1904 = pr?.attrs.date1904 === '1' || pr?.attrs.date1904 === 'true';
  const sheets: XlsxSheet[] = [];
  for (const s of elements(first(workbook, 'sheets')?.inner ?? '', 'sheet')) {
    const relId = attr(s.attrs, 'id') ?? '';
    const rel = rels.find((r) => r.id === relId);
    // Chart sheets and dialog sheets have no cells: they stay in the file untouched.
    if (!rel || !REL.worksheet.test(rel.type)) continue;
    const xml = text.get(rel.part);
    if (xml === undefined) throw new UnreadableWorkbook('broken');
    const state = s.attrs.state === 'hidden' || s.attrs.state === 'veryHidden' ? s.attrs.state : 'visible';
    const sheet = emptySheet({
      name: s.attrs.name ?? `Sheet${sheets.length + 1}`,
      part: rel.part,
      relId,
      state,
      xml,
      prefix: rootPrefix(xml),
    });
    const data = first(xml, 'sheetData');
    if (data) readSheetData(sheet, strings, check, data.innerStart, data.innerStart + data.inner.length);
    readLayout(sheet);
    readNotes(sheet, text);
    sheets.push(sheet);
  }
  if (!sheets.length) throw new UnreadableWorkbook('notWorkbook');
  const definedNames = elements(workbook, 'definedName').length;
  return { entries, text, workbookPart, sheets, strings, styles, date1904, definedNames };
}

/** The style an empty cell shows: its row's, else its column's (0 for none). */
export function emptyCellStyle(sheet: XlsxSheet, row: XlsxRow | undefined, col: number): number {
  if (row?.style) return row.style;
  return sheet.colStyles.find((s) => col >= s.min && col <= s.max)?.style ?? 0;
}

/** A sheet part with nothing read into it yet: where it is, and empty contents to fill. */
export function emptySheet(
  where: Pick<XlsxSheet, 'name' | 'part' | 'relId' | 'state' | 'xml' | 'prefix'>,
): XlsxSheet {
  return {
    ...where,
    rows: [],
    maxRow: 0,
    maxCol: 0,
    merges: [],
    hiddenCols: [],
    colStyles: [],
    widths: new Map(),
    frozen: { rows: 0, cols: 0 },
    validations: [],
    notes: new Map(),
    threadedComments: false,
    implicitRefs: false,
    hasArrayFormulas: false,
  };
}
