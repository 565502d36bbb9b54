/**
 * One worksheet's XML with what Houqin changed in it, and nothing else: the `<c>` of each changed
 * cell is written again (keeping its style, or a style derived from it when Houqin changed its
 * number format, background or bold), and the frozen pane, column widths or drop-downs only when
 * Houqin changed them. Every other byte of the part — merges, row heights, hidden rows and
 * columns, formulas and their cached results, drawings, tables, conditional formats — stays.
 */
import { DEFAULT_NUMBER_FORMAT } from '../../emulator/format';
import { LAYERS, type LayerName } from '../../emulator/layers';
import type { SheetImpl } from '../../emulator/sheet';
import { isModelled, PX_PER_CHAR, type SheetState } from './load';
import { emptyCellStyle, type XlsxCell, type XlsxRow, type XlsxSheet } from './read';
import type { StyleBook } from './styles';
import { colLetters, elements, escapeXml, first, splice } from './xml';

/** Element order inside `<worksheet>` (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const BLANK_WORKSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

/** Layers the patch writes; the others are counted as not carried when Houqin changed them. */
const WRITTEN: LayerName[] = [
  'values',
  'formulas',
  'formats',
  'backgrounds',
  'fontWeights',
  'validations',
  'notes',
];
export const UNWRITTEN = LAYERS.filter((l) => !WRITTEN.includes(l));

export type LackKind = 'notes' | 'styles' | 'validations';

export interface SheetPatch {
  xml: string;
  /** Whether any cell's formula was written or removed (the calculation chain is then stale). */
  formulasChanged: boolean;
  /** Notes to write in a comments part of its own, when they changed. */
  notes: Map<string, string> | null;
  lacks: { kind: LackKind; count: number }[];
}

const norm = (v: unknown): unknown => (v === '' || v === null ? undefined : v);

function differs(
  a: readonly (readonly unknown[] | undefined)[],
  b: readonly (readonly unknown[] | undefined)[],
  r: number,
  c: number,
): boolean {
  return norm(a[r]?.[c]) !== norm(b[r]?.[c]);
}

function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  const without = tag.replace(re, '');
  if (value === null) return without;
  return without.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

/** The element `xml` in its place in the worksheet: replacing one of its name, or inserted in order. */
export function putElement(sheetXml: string, name: string, element: string | null): string {
  const found = first(sheetXml, name);
  if (found) return splice(sheetXml, [{ start: found.start, end: found.end, text: element ?? '' }]);
  if (element === null) return sheetXml;
  for (const later of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1)) {
    const at = first(sheetXml, later);
    if (at) return sheetXml.slice(0, at.start) + element + sheetXml.slice(at.start);
  }
  const end = sheetXml.search(/<\/(?:[\w.-]+:)?worksheet>\s*$/);
  return sheetXml.slice(0, end) + element + sheetXml.slice(end);
}

interface Context {
  sheet: XlsxSheet;
  base: SheetState;
  cur: SheetImpl;
  styles: StyleBook;
  date1904: boolean;
  p: string;
}

/** The new `<c>` for a cell whose content or style Houqin changed; '' removes it. */
function cellXml(ctx: Context, r: number, c: number, old: XlsxCell | undefined, rowStyle: number): string {
  const { cur, base, p } = ctx;
  const L = cur._layers;
  const B = base.layers;
  const ref = `${colLetters(c + 1)}${r + 1}`;
  let style = old?.style ?? rowStyle;
  const change: Parameters<StyleBook['derive']>[1] = {};
  const format = (L.formats[r]?.[c] as string | undefined) ?? DEFAULT_NUMBER_FORMAT;
  if (differs(L.formats, B.formats, r, c))
    change.format = format === DEFAULT_NUMBER_FORMAT ? 'General' : format;
  if (differs(L.backgrounds, B.backgrounds, r, c))
    change.fill = (L.backgrounds[r]?.[c] as string | undefined) ?? null;
  if (differs(L.fontWeights, B.fontWeights, r, c)) change.bold = L.fontWeights[r]?.[c] === 'bold';
  if (Object.keys(change).length) style = ctx.styles.derive(style, change);
  const s = style ? ` s="${style}"` : '';
  const contentChanged = differs(L.values, B.values, r, c) || differs(L.formulas, B.formulas, r, c);
  if (!contentChanged && old) {
    const raw = ctx.sheet.xml.slice(old.start, old.end);
    const open = /^<[^>]*>/.exec(raw)![0];
    let tag = setAttr(open, 's', style ? String(style) : null);
    if (!/\sr\s*=/.test(tag)) tag = setAttr(tag, 'r', ref);
    return tag + raw.slice(open.length);
  }
  const formula = L.formulas[r]?.[c] as string | undefined;
  let value = norm(L.values[r]?.[c]);
  if (formula) {
    const cached = typeof value === 'number' ? `<${p}v>${value}</${p}v>` : '';
    return `<${p}c r="${ref}"${s}><${p}f>${escapeXml(formula.slice(1))}</${p}f>${cached}</${p}c>`;
  }
  if (value === undefined) return style ? `<${p}c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') {
    if (ctx.date1904 && /[yd]/i.test(format)) value = value - 1462;
    return `<${p}c r="${ref}"${s}><${p}v>${String(value)}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean')
    return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(String(value))}</${p}t></${p}is></${p}c>`;
}

/** A cell of a shared formula whose first cell changed: its own formula written out in full. */
function unshared(ctx: Context, cell: XlsxCell): string {
  const raw = ctx.sheet.xml.slice(cell.start, cell.end);
  const f = first(raw, 'f')!;
  const ref = `${colLetters(cell.col)}${cell.row}`;
  const out =
    raw.slice(0, f.start) +
    `<${f.prefix}f>${escapeXml(cell.formula ?? '')}</${f.prefix}f>` +
    raw.slice(f.end);
  return /^<[^>]*\sr\s*=/.test(out)
    ? out
    : setAttr(/^<[^>]*>/.exec(out)![0], 'r', ref) + out.slice(/^<[^>]*>/.exec(out)![0].length);
}

function openRowTag(ctx: Context, row: XlsxRow | null, r: number): string {
  if (!row) return `<${ctx.p}row r="${r}">`;
  let tag = setAttr(row.openTag.replace(/\s*\/>$/, '>'), 'spans', null);
  if (!/\sr\s*=/.test(tag)) tag = setAttr(tag, 'r', String(r));
  return tag;
}

function patchCells(ctx: Context): { xml: string; formulasChanged: boolean; lacks: SheetPatch['lacks'] } {
  const { sheet, cur, base, p } = ctx;
  const L = cur._layers;
  const B = base.layers;
  const changed = new Map<number, Set<number>>();
  const lacks: SheetPatch['lacks'] = [];
  let unwritten = 0;
  const height = Math.max(...LAYERS.map((l) => Math.max(L[l].length, B[l].length)));
  for (let r = 0; r < height; r++) {
    const width = Math.max(...LAYERS.map((l) => Math.max(L[l][r]?.length ?? 0, B[l][r]?.length ?? 0)));
    for (let c = 0; c < width; c++) {
      if (
        ['values', 'formulas', 'formats', 'backgrounds', 'fontWeights'].some((l) =>
          differs(L[l as LayerName], B[l as LayerName], r, c),
        )
      ) {
        let set = changed.get(r + 1);
        if (!set) changed.set(r + 1, (set = new Set()));
        set.add(c + 1);
      }
      if (UNWRITTEN.some((l) => differs(L[l], B[l], r, c))) unwritten += 1;
    }
  }
  if (unwritten) lacks.push({ kind: 'styles', count: unwritten });
  const rows = new Map(sheet.rows.map((row) => [row.row, row]));
  // Cells of a shared formula whose first cell changes get their own formula written out.
  const unshare = new Set<string>();
  let formulasChanged = false;
  for (const [r, cols] of changed) {
    for (const cell of rows.get(r)?.cells ?? []) {
      if (!cols.has(cell.col)) continue;
      const content =
        differs(L.values, B.values, r - 1, cell.col - 1) ||
        differs(L.formulas, B.formulas, r - 1, cell.col - 1);
      if (content && cell.formula !== undefined) formulasChanged = true;
      if (content && cell.sharedMaster && cell.sharedIndex !== undefined) unshare.add(cell.sharedIndex);
    }
    for (const c of cols) if (L.formulas[r - 1]?.[c - 1]) formulasChanged = true;
  }
  const touched = new Set(changed.keys());
  if (unshare.size)
    for (const row of sheet.rows)
      if (row.cells.some((c) => c.sharedIndex !== undefined && unshare.has(c.sharedIndex)))
        touched.add(row.row);
  const edits: { start: number; end: number; text: string }[] = [];
  const data = first(sheet.xml, 'sheetData');
  const openData = data && !/\/>$/.test(sheet.xml.slice(data.start, data.end));
  // Rows go before `</sheetData>`; a `<sheetData/>` is written out whole (at = -1).
  const dataEnd = openData ? data.innerStart + data.inner.length : -1;
  const inserts = new Map<number, string[]>();
  const ordered = [...sheet.rows].sort((a, b) => a.row - b.row);
  let maxRow = sheet.maxRow;
  let maxCol = sheet.maxCol;
  for (const r of [...touched].sort((a, b) => a - b)) {
    const row = rows.get(r);
    const cols = changed.get(r) ?? new Set<number>();
    const out: { col: number; xml: string }[] = [];
    for (const cell of row?.cells ?? []) {
      if (cols.has(cell.col)) continue;
      if (cell.sharedIndex !== undefined && unshare.has(cell.sharedIndex))
        out.push({ col: cell.col, xml: unshared(ctx, cell) });
      else {
        const raw = sheet.xml.slice(cell.start, cell.end);
        const open = /^<[^>]*>/.exec(raw)![0];
        const ref = `${colLetters(cell.col)}${cell.row}`;
        out.push({
          col: cell.col,
          xml: /\sr\s*=/.test(open) ? raw : setAttr(open, 'r', ref) + raw.slice(open.length),
        });
      }
    }
    const old = new Map((row?.cells ?? []).map((c) => [c.col, c]));
    for (const c of cols) {
      const xml = cellXml(ctx, r - 1, c - 1, old.get(c), emptyCellStyle(sheet, row, c));
      if (xml) {
        out.push({ col: c, xml });
        maxCol = Math.max(maxCol, c);
        maxRow = Math.max(maxRow, r);
      }
    }
    out.sort((a, b) => a.col - b.col);
    const body = out.map((o) => o.xml).join('');
    if (row) {
      edits.push({ start: row.start, end: row.end, text: `${openRowTag(ctx, row, r)}${body}</${p}row>` });
      continue;
    }
    if (!body) continue;
    const next = ordered.find((o) => o.row > r);
    const at = next ? next.start : dataEnd;
    const list = inserts.get(at) ?? [];
    list.push(`${openRowTag(ctx, null, r)}${body}</${p}row>`);
    inserts.set(at, list);
  }
  if (sheet.implicitRefs)
    for (const row of sheet.rows)
      if (!touched.has(row.row) && !/\sr\s*=/.test(row.openTag))
        edits.push({
          start: row.start,
          end: row.start + row.openTag.length,
          text: setAttr(row.openTag, 'r', String(row.row)),
        });
  for (const [at, list] of inserts) {
    if (at >= 0) edits.push({ start: at, end: at, text: list.join('') });
    else if (data)
      edits.push({
        start: data.start,
        end: data.end,
        text: `<${data.prefix}sheetData>${list.join('')}</${data.prefix}sheetData>`,
      });
  }
  let xml = edits.length ? splice(sheet.xml, edits) : sheet.xml;
  if (edits.length && (maxRow > sheet.maxRow || maxCol > sheet.maxCol || !first(xml, 'dimension'))) {
    const ref = `A1:${colLetters(Math.max(maxCol, 1))}${Math.max(maxRow, 1)}`;
    xml = putElement(xml, 'dimension', `<${p}dimension ref="${ref}"/>`);
  }
  return { xml, formulasChanged, lacks };
}

function patchPane(ctx: Context, xml: string): string {
  const { cur, base, p } = ctx;
  const rows = cur._frozenRows;
  const cols = cur._frozenCols;
  if (rows === base.frozen.rows && cols === base.frozen.cols) return xml;
  const active = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const pane =
    rows || cols
      ? `<${p}pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${colLetters(cols + 1)}${rows + 1}" activePane="${active}" state="frozen"/>`
      : '';
  const view = first(xml, 'sheetView');
  if (!view)
    return putElement(
      xml,
      'sheetViews',
      `<${p}sheetViews><${p}sheetView workbookViewId="0">${pane}</${p}sheetView></${p}sheetViews>`,
    );
  const open = /^<[^>]*>/.exec(xml.slice(view.start))![0];
  const inner = view.inner
    .replace(/<((?:[\w.-]+:)?)pane(?=[\s/>])[^>]*?\/>/g, '')
    .replace(/<((?:[\w.-]+:)?)selection(?=[\s/>])[^>]*?\/>/g, '');
  const tag = open.replace(/\s*\/>$/, '>');
  return splice(xml, [
    { start: view.start, end: view.end, text: `${tag}${pane}${inner}</${view.prefix}sheetView>` },
  ]);
}

function patchWidths(ctx: Context, xml: string): string {
  const { cur, base, p } = ctx;
  const changed: [number, number][] = [];
  const cols = new Set([...cur._colWidths.keys(), ...base.widths.keys()]);
  for (const c of cols) {
    const now = cur._colWidths.get(c);
    if (now !== base.widths.get(c)) changed.push([c, now ?? 100]);
  }
  if (!changed.length) return xml;
  type Span = { min: number; max: number; attrs: string };
  const spans: Span[] = elements(xml, 'col').map((e) => {
    const tag = /^<[^>]*>/.exec(xml.slice(e.start))![0];
    return {
      min: Number(e.attrs.min),
      max: Number(e.attrs.max),
      attrs: setAttr(setAttr(tag, 'min', null), 'max', null)
        .replace(/^<[\w.:-]+/, '')
        .replace(/\/?>$/, ''),
    };
  });
  let list = spans;
  for (const [col, px] of changed) {
    const width = (px / PX_PER_CHAR).toFixed(2);
    const next: Span[] = [];
    let placed = false;
    for (const s of list) {
      if (col < s.min || col > s.max) {
        next.push(s);
        continue;
      }
      if (s.min < col) next.push({ ...s, max: col - 1 });
      next.push({
        min: col,
        max: col,
        attrs: setAttr(setAttr(`<x${s.attrs}/>`, 'width', width), 'customWidth', '1').slice(2, -2),
      });
      if (col < s.max) next.push({ ...s, min: col + 1 });
      placed = true;
    }
    if (!placed) next.push({ min: col, max: col, attrs: ` width="${width}" customWidth="1"` });
    list = next.sort((a, b) => a.min - b.min);
  }
  const element = `<${p}cols>${list.map((s) => `<${p}col min="${s.min}" max="${s.max}"${s.attrs}/>`).join('')}</${p}cols>`;
  return putElement(xml, 'cols', element);
}

function ruleXml(p: string, rule: GoogleAppsScript.Spreadsheet.DataValidation, sqref: string): string | null {
  const type = String(rule.getCriteriaType());
  const values = rule.getCriteriaValues();
  const help = rule.getHelpText();
  const common = `allowBlank="1" showErrorMessage="1" errorStyle="${rule.getAllowInvalid() ? 'warning' : 'stop'}"${help ? ` showInputMessage="1" prompt="${escapeXml(help)}"` : ''} sqref="${sqref}"`;
  const list = (items: readonly unknown[]): string =>
    `<${p}dataValidation type="list" ${common}><${p}formula1>${escapeXml(`"${items.map((v) => String(v).replace(/"/g, '""')).join(',')}"`)}</${p}formula1></${p}dataValidation>`;
  if (type === 'VALUE_IN_LIST') return list((values[0] as unknown[]) ?? []);
  if (type === 'CHECKBOX') return list(['TRUE', 'FALSE']);
  if (type === 'DATE_IS_VALID_DATE')
    return `<${p}dataValidation type="date" operator="greaterThan" ${common}><${p}formula1>1</${p}formula1></${p}dataValidation>`;
  return null;
}

function patchValidations(ctx: Context, xml: string): { xml: string; skipped: number } {
  const { cur, base, p, sheet } = ctx;
  const L = cur._layers.validations as unknown as (
    GoogleAppsScript.Spreadsheet.DataValidation | undefined
  )[][];
  const B = base.layers.validations;
  const height = Math.max(L.length, B.length);
  let changed = false;
  let width = 0;
  for (let r = 0; r < height && !changed; r++) {
    const w = Math.max(L[r]?.length ?? 0, B[r]?.length ?? 0);
    for (let c = 0; c < w; c++) {
      const now = L[r]?.[c];
      const key = now
        ? JSON.stringify([
            now.getCriteriaType(),
            now.getCriteriaValues(),
            now.getAllowInvalid(),
            now.getHelpText(),
          ])
        : undefined;
      if (key !== norm(B[r]?.[c])) changed = true;
    }
  }
  if (!changed) return { xml, skipped: 0 };
  for (const row of L) width = Math.max(width, row?.length ?? 0);
  const kept = sheet.validations.filter((v) => !isModelled(v)).map((v) => v.raw);
  const written: string[] = [];
  let skipped = 0;
  const keyOf = (rule: GoogleAppsScript.Spreadsheet.DataValidation | undefined): string =>
    rule
      ? JSON.stringify([
          rule.getCriteriaType(),
          rule.getCriteriaValues(),
          rule.getAllowInvalid(),
          rule.getHelpText(),
        ])
      : '';
  // Drop-downs go out as column runs (C2:C1000), not one per cell.
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < L.length) {
      const rule = L[r]?.[c];
      if (!rule) {
        r += 1;
        continue;
      }
      const key = keyOf(rule);
      let end = r + 1;
      while (end < L.length && keyOf(L[end]?.[c]) === key) end += 1;
      const letters = colLetters(c + 1);
      const element = ruleXml(p, rule, `${letters}${r + 1}:${letters}${end}`);
      if (element) written.push(element);
      else skipped += end - r;
      r = end;
    }
  }
  const all = [...kept, ...written];
  const element = all.length
    ? `<${p}dataValidations count="${all.length}">${all.join('')}</${p}dataValidations>`
    : null;
  return { xml: putElement(xml, 'dataValidations', element), skipped };
}

function changedNotes(ctx: Context): number {
  const L = ctx.cur._layers.notes;
  const B = ctx.base.layers.notes;
  let count = 0;
  for (let r = 0; r < Math.max(L.length, B.length); r++)
    for (let c = 0; c < Math.max(L[r]?.length ?? 0, B[r]?.length ?? 0); c++)
      if (differs(L, B, r, c)) count += 1;
  return count;
}

export function patchSheet(
  sheet: XlsxSheet,
  base: SheetState,
  cur: SheetImpl,
  styles: StyleBook,
  date1904: boolean,
): SheetPatch {
  const ctx: Context = { sheet, base, cur, styles, date1904, p: sheet.prefix };
  const cells = patchCells(ctx);
  let xml = cells.xml;
  xml = patchPane(ctx, xml);
  xml = patchWidths(ctx, xml);
  const validations = patchValidations(ctx, xml);
  xml = validations.xml;
  const lacks = [...cells.lacks];
  if (validations.skipped) lacks.push({ kind: 'validations', count: validations.skipped });
  let notes: Map<string, string> | null = null;
  const noteChanges = changedNotes(ctx);
  if (noteChanges) {
    // Threaded comments (Excel 365) hang on the notes: they are not rewritten.
    if (sheet.threadedComments) lacks.push({ kind: 'notes', count: noteChanges });
    else {
      notes = new Map();
      cur._layers.notes.forEach((row, r) =>
        row?.forEach((text, c) => {
          if (text) notes!.set(`${colLetters(c + 1)}${r + 1}`, String(text));
        }),
      );
    }
  }
  return { xml, formulasChanged: cells.formulasChanged, notes, lacks };
}
