/**
 * The file as it was opened, with Houqin's changes patched in: changed worksheets (sheet-patch.ts),
 * new sheets as new worksheet parts, renamed, hidden, shown or removed sheets in workbook.xml, new
 * styles appended to styles.xml, notes on sheets that had none. Every other part is written back
 * with the same content: drawings, charts, images, tables, pivot caches, themes, defined names.
 */
import { LAYERS } from '../../emulator/layers';
import type { SheetImpl } from '../../emulator/sheet';
import type { SpreadsheetImpl } from '../../emulator/spreadsheet';
import type { LoadedBook, SheetState } from './load';
import { emptySheet, readRels, REL, type XlsxSheet } from './read';
import { BLANK_WORKSHEET, patchSheet, putElement, type LackKind } from './sheet-patch';
import { EMPTY_STYLES, StyleBook } from './styles';
import {
  colLetters,
  decode,
  elements,
  escapeXml,
  first,
  plainText,
  relsPathOf,
  rootPrefix,
  splice,
  utf8,
} from './xml';
import type { ZipEntry } from './zip';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
};
const CONTENT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

/** Something Houqin changed that the saved file does not hold. */
export interface Lack {
  sheet: string;
  kind: LackKind;
  count: number;
}

function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  const without = tag.replace(re, '');
  if (value === null) return without;
  return without.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

/** The relative target of `part` from the folder of `fromPart`. */
function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i += 1;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** The prefix bound to the relationships namespace in `xml`'s root, or null when none is. */
function relPrefix(xml: string): string | null {
  for (const m of xml.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g))
    if (m[2] === REL_NS || m[2] === 'http://purl.oclc.org/ooxml/officeDocument/relationships') return m[1]!;
  return null;
}

class Package {
  readonly text: Map<string, string>;
  readonly added: string[] = [];
  readonly removed = new Set<string>();
  private relCounter = 0;

  constructor(private readonly loaded: LoadedBook) {
    this.text = new Map(loaded.book.text);
  }

  freePart(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!this.text.has(name) && !this.loaded.book.entries.some((e) => e.name === name)) return name;
    }
  }

  put(part: string, text: string): void {
    if (!this.text.has(part) && !this.added.includes(part)) this.added.push(part);
    this.text.set(part, text);
    this.removed.delete(part);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.text.delete(part);
  }

  /** Adds a relationship from `from` to `to`; returns its id. */
  addRel(from: string, type: string, to: string): string {
    const relsPart = relsPathOf(from);
    const rels =
      this.text.get(relsPart) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
    const ids = new Set(elements(rels, 'Relationship').map((r) => r.attrs.Id));
    let id: string;
    do id = `rIdHq${++this.relCounter}`;
    while (ids.has(id));
    const p = rootPrefix(rels);
    const element = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(from, to))}"/>`;
    const close = /<\/((?:[\w.-]+:)?)Relationships>\s*$/;
    const next = close.test(rels)
      ? rels.replace(close, `${element}</$1Relationships>`)
      : rels.replace(
          /<((?:[\w.-]+:)?)Relationships([^>]*?)\s*\/>\s*$/,
          `<$1Relationships$2>${element}</$1Relationships>`,
        );
    this.put(relsPart, next);
    return id;
  }

  removeRel(from: string, id: string): void {
    const relsPart = relsPathOf(from);
    const rels = this.text.get(relsPart);
    if (!rels) return;
    const found = elements(rels, 'Relationship').find((r) => r.attrs.Id === id);
    if (found) this.text.set(relsPart, splice(rels, [{ start: found.start, end: found.end, text: '' }]));
  }

  contentType(part: string, type: string | null): void {
    let types = this.text.get('[Content_Types].xml')!;
    const p = rootPrefix(types);
    const existing = elements(types, 'Override').find((o) => o.attrs.PartName === `/${part}`);
    if (existing) types = splice(types, [{ start: existing.start, end: existing.end, text: '' }]);
    if (type)
      types = types.replace(
        /<\/((?:[\w.-]+:)?)Types>\s*$/,
        `<${p}Override PartName="/${escapeXml(part)}" ContentType="${type}"/></$1Types>`,
      );
    this.text.set('[Content_Types].xml', types);
  }

  defaultType(extension: string, type: string): void {
    const types = this.text.get('[Content_Types].xml')!;
    if (elements(types, 'Default').some((d) => d.attrs.Extension?.toLowerCase() === extension)) return;
    const p = rootPrefix(types);
    this.text.set(
      '[Content_Types].xml',
      types.replace(
        /<\/((?:[\w.-]+:)?)Types>\s*$/,
        `<${p}Default Extension="${extension}" ContentType="${type}"/></$1Types>`,
      ),
    );
  }

  entries(): ZipEntry[] {
    const out: ZipEntry[] = [];
    const original = this.loaded.book.text;
    for (const e of this.loaded.book.entries) {
      if (this.removed.has(e.name)) continue;
      const now = this.text.get(e.name);
      out.push({
        name: e.name,
        data: now !== undefined && now !== original.get(e.name) ? utf8.encode(now) : e.data,
      });
    }
    for (const name of this.added)
      if (!this.removed.has(name)) out.push({ name, data: utf8.encode(this.text.get(name)!) });
    return out;
  }
}

function commentsXml(notes: Map<string, string>): string {
  const list = [...notes]
    .map(
      ([ref, text]) =>
        `<comment ref="${ref}" authorId="0"><text><t xml:space="preserve">${escapeXml(text)}</t></text></comment>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Houqin</author></authors><commentList>${list}</commentList></comments>`;
}

/** The shape that makes Excel show the note at `ref` (ECMA-376 Part 4, 19.1; as Excel writes it). */
function noteShape(ref: string, id: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

const NOTE_SHAPETYPE = `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/** The legacy drawing of a sheet's notes, for a sheet that had none. */
function notesVml(refs: readonly string[], block: number): string {
  const shapes = refs.map((ref, i) => noteShape(ref, block * 1024 + i + 1));
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${NOTE_SHAPETYPE}${shapes.join('')}</xml>`;
}

/**
 * The comments part of a sheet that had notes, with Houqin's notes: a note Houqin did not change
 * keeps its element (author, formatting); changed and new notes are written, removed ones dropped.
 * Returns the notes whose element was kept (their shapes stay too).
 */
function rewriteComments(pkg: Package, part: string, notes: Map<string, string>): Set<string> {
  let text = pkg.text.get(part)!;
  const p = rootPrefix(text);
  const authorsEl = first(text, 'authors');
  const authorCount = authorsEl ? elements(authorsEl.inner, 'author').length : 0;
  const authors = authorsEl ? elements(authorsEl.inner, 'author').map((a) => decode(a.inner)) : [];
  const list = first(text, 'commentList');
  const old = list ? elements(text, 'comment', list.innerStart, list.innerStart + list.inner.length) : [];
  const kept = new Set<string>();
  const items: string[] = [];
  let houqin = authors.indexOf('Houqin');
  for (const [ref, note] of notes) {
    const was = old.find((c) => c.attrs.ref?.toUpperCase() === ref);
    const body = was ? first(was.inner, 'text') : undefined;
    if (was && body && plainText(body.inner) === note) {
      items.push(text.slice(was.start, was.end));
      kept.add(ref);
      continue;
    }
    if (houqin < 0) houqin = authors.push('Houqin') - 1;
    items.push(
      `<${p}comment ref="${ref}" authorId="${houqin}"><${p}text><${p}t xml:space="preserve">${escapeXml(note)}</${p}t></${p}text></${p}comment>`,
    );
  }
  const listXml = `<${p}commentList>${items.join('')}</${p}commentList>`;
  if (list) text = splice(text, [{ start: list.start, end: list.end, text: listXml }]);
  else text = text.replace(/<\/((?:[\w.-]+:)?)comments>\s*$/, `${listXml}</$1comments>`);
  if (authors.length !== authorCount) {
    const authorsXml = `<${p}authors>${authors.map((a) => `<${p}author>${escapeXml(a)}</${p}author>`).join('')}</${p}authors>`;
    const now = first(text, 'authors');
    text = now
      ? splice(text, [{ start: now.start, end: now.end, text: authorsXml }])
      : text.replace(/(<(?:[\w.-]+:)?comments\b[^>]*>)/, `$1${authorsXml}`);
  }
  pkg.put(part, text);
  return kept;
}

/**
 * The note shapes of the sheet's legacy drawing: those of `kept` notes and every shape that is not
 * a note (form controls) stay, the others go, `fresh` notes get new shapes. A sheet without a
 * drawing gets one, and its `<legacyDrawing>`; returns the sheet's XML.
 */
function placeNoteShapes(
  pkg: Package,
  sheet: XlsxSheet,
  xml: string,
  kept: Set<string>,
  fresh: string[],
  block: number,
): string {
  const rel = readRels(pkg.text, sheet.part).find((r) => REL.vmlDrawing.test(r.type));
  const vml = rel ? pkg.text.get(rel.part) : undefined;
  if (rel && vml !== undefined) {
    let next = Math.max(block * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
    let out = vml.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (shape) => {
      if (!/ObjectType\s*=\s*["']Note["']/.test(shape)) return shape;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
      const ref =
        row !== undefined && col !== undefined ? `${colLetters(Number(col) + 1)}${Number(row) + 1}` : '';
      return kept.has(ref) ? shape : '';
    });
    if (fresh.length && !out.includes('_x0000_t202'))
      out = out.replace(/<\/xml>\s*$/, `${NOTE_SHAPETYPE}</xml>`);
    out = out.replace(/<\/xml>\s*$/, `${fresh.map((ref) => noteShape(ref, next++)).join('')}</xml>`);
    pkg.put(rel.part, out);
    return xml;
  }
  if (!fresh.length) return xml;
  const dir = sheet.part.split('/').slice(0, -2).join('/');
  const part = pkg.freePart((n) => `${dir ? `${dir}/` : ''}drawings/vmlDrawing${n}.vml`);
  pkg.put(part, notesVml(fresh, block));
  pkg.defaultType('vml', CONTENT.vml);
  const id = pkg.addRel(sheet.part, TYPES.vmlDrawing, part);
  const prefix = relPrefix(xml);
  const attr = prefix ? `${prefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
  return putElement(xml, 'legacyDrawing', `<${sheet.prefix}legacyDrawing ${attr}/>`);
}

function blankSheet(name: string, part: string): XlsxSheet {
  return emptySheet({ name, part, relId: '', state: 'visible', xml: BLANK_WORKSHEET, prefix: '' });
}

function emptyState(name: string): SheetState {
  const layers = Object.fromEntries(LAYERS.map((l) => [l, []])) as unknown as SheetState['layers'];
  return { name, hidden: false, frozen: { rows: 0, cols: 0 }, widths: new Map(), layers };
}

/** The workbook as .xlsx bytes, and what Houqin changed that they do not hold. */
export function saveBook(loaded: LoadedBook, spreadsheet: unknown): { entries: ZipEntry[]; lacks: Lack[] } {
  const ss = spreadsheet as SpreadsheetImpl;
  const { book } = loaded;
  const pkg = new Package(loaded);
  const lacks: Lack[] = [];
  const stylesPart = book.styles.part;
  const styles = new StyleBook((stylesPart && book.text.get(stylesPart)) || EMPTY_STYLES);
  const workbookPart = book.workbookPart;
  const dir = workbookPart.split('/').slice(0, -1).join('/');
  let formulasChanged = false;
  let vmlBlock = 100;
  /** Each sheet of the emulator in order, with its part and relationship id. */
  const order: { cur: SheetImpl; sheet: XlsxSheet; isNew: boolean; base: SheetState }[] = [];
  for (const cur of ss._sheets) {
    const origin = loaded.origin.get(cur);
    if (origin) order.push({ cur, sheet: origin.sheet, isNew: false, base: origin.state });
    else {
      const part = pkg.freePart((n) => `${dir ? `${dir}/` : ''}worksheets/sheet${n}.xml`);
      pkg.put(part, BLANK_WORKSHEET);
      order.push({ cur, sheet: blankSheet(cur._name, part), isNew: true, base: emptyState(cur._name) });
    }
  }
  for (const entry of order) {
    const patch = patchSheet(entry.sheet, entry.base, entry.cur, styles, book.date1904);
    formulasChanged ||= patch.formulasChanged;
    for (const lack of patch.lacks) lacks.push({ sheet: entry.cur._name, ...lack });
    let xml = patch.xml;
    if (patch.notes) {
      let kept = new Set<string>();
      if (entry.sheet.commentsPart) kept = rewriteComments(pkg, entry.sheet.commentsPart, patch.notes);
      else if (patch.notes.size) {
        const comments = pkg.freePart((n) => `${dir ? `${dir}/` : ''}comments${n}.xml`);
        pkg.put(comments, commentsXml(patch.notes));
        pkg.contentType(comments, CONTENT.comments);
        pkg.addRel(entry.sheet.part, TYPES.comments, comments);
      }
      const fresh = [...patch.notes.keys()].filter((ref) => !kept.has(ref));
      xml = placeNoteShapes(pkg, entry.sheet, xml, kept, fresh, vmlBlock++);
    }
    if (xml !== entry.sheet.xml || entry.isNew) pkg.put(entry.sheet.part, xml);
  }

  // workbook.xml: the sheets in their places, names, hidden flags; new sheets; removed ones.
  let workbook = book.text.get(workbookPart)!;
  const p = rootPrefix(workbook);
  const sheetsEl = first(workbook, 'sheets')!;
  const originalSheets = elements(
    workbook,
    'sheet',
    sheetsEl.innerStart,
    sheetsEl.innerStart + sheetsEl.inner.length,
  );
  const rid = (attrs: Record<string, string>): string =>
    Object.entries(attrs).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1] ?? '';
  type Slot = { xml: string; oldIndex: number | null; relId: string };
  const kept = new Set(order.filter((o) => !o.isNew).map((o) => o.sheet.relId));
  const slots: Slot[] = [];
  originalSheets.forEach((e, i) => {
    const relId = rid(e.attrs);
    const known = book.sheets.find((s) => s.relId === relId);
    if (known && !kept.has(relId)) {
      // Removed by Houqin (a blank default sheet): its part and relationship go too.
      pkg.remove(known.part);
      pkg.remove(relsPathOf(known.part));
      pkg.removeRel(workbookPart, relId);
      pkg.contentType(known.part, null);
      return;
    }
    let xml = workbook.slice(e.start, e.end);
    const now = order.find((o) => !o.isNew && o.sheet.relId === relId);
    if (now) {
      if (now.cur._name !== now.sheet.name) xml = setAttr(xml, 'name', escapeXml(now.cur._name));
      const wasHidden = now.sheet.state !== 'visible';
      if (now.cur._hidden !== wasHidden) xml = setAttr(xml, 'state', now.cur._hidden ? 'hidden' : null);
    }
    slots.push({ xml, oldIndex: i, relId });
  });
  let nextId = Math.max(0, ...originalSheets.map((e) => Number(e.attrs.sheetId) || 0)) + 1;
  const relAttr = relPrefix(workbook);
  order.forEach((o, i) => {
    if (!o.isNew) return;
    const relId = pkg.addRel(workbookPart, TYPES.worksheet, o.sheet.part);
    pkg.contentType(o.sheet.part, CONTENT.worksheet);
    const idAttr = relAttr ? `${relAttr}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
    const xml = `<${p}sheet name="${escapeXml(o.cur._name)}" sheetId="${nextId++}"${o.cur._hidden ? ' state="hidden"' : ''} ${idAttr}/>`;
    // After the sheet before it in the emulator's order; first when it is first.
    const before = order
      .slice(0, i)
      .reverse()
      .find((b) => slots.some((s) => s.relId === (b.isNew ? `new:${b.sheet.part}` : b.sheet.relId)));
    const at = before
      ? slots.findIndex((s) => s.relId === (before.isNew ? `new:${before.sheet.part}` : before.sheet.relId)) +
        1
      : 0;
    slots.splice(at, 0, { xml, oldIndex: null, relId: `new:${o.sheet.part}` });
  });
  const newIndex = new Map<number, number>();
  slots.forEach((s, i) => {
    if (s.oldIndex !== null) newIndex.set(s.oldIndex, i);
  });
  const edits: { start: number; end: number; text: string }[] = [
    {
      start: sheetsEl.innerStart,
      end: sheetsEl.innerStart + sheetsEl.inner.length,
      text: slots.map((s) => s.xml).join(''),
    },
  ];
  // Names scoped to a sheet say which by its place in the list (ECMA-376 Part 1, 18.2.5).
  for (const name of elements(workbook, 'definedName')) {
    const local = name.attrs.localSheetId;
    if (local === undefined) continue;
    const moved = newIndex.get(Number(local));
    const raw = workbook.slice(name.start, name.end);
    const open = /^<[^>]*>/.exec(raw)![0];
    edits.push({
      start: name.start,
      end: name.end,
      text: moved === undefined ? '' : setAttr(open, 'localSheetId', String(moved)) + raw.slice(open.length),
    });
  }
  for (const view of elements(workbook, 'workbookView')) {
    const open = /^<[^>]*>/.exec(workbook.slice(view.start))![0];
    let tag = open;
    for (const key of ['activeTab', 'firstSheet']) {
      const old = view.attrs[key];
      if (old !== undefined) tag = setAttr(tag, key, String(newIndex.get(Number(old)) ?? 0));
    }
    if (tag !== open) edits.push({ start: view.start, end: view.start + open.length, text: tag });
  }
  workbook = splice(workbook, edits);
  if (!slots.length) throw new Error('a workbook needs at least one sheet');

  if (formulasChanged) {
    // Formulas Houqin wrote have no result yet, and the calculation chain lists cells that changed:
    // the program opening the file recalculates and rebuilds the chain.
    const calc = first(workbook, 'calcPr');
    if (calc) {
      const open = /^<[^>]*>/.exec(workbook.slice(calc.start))![0];
      workbook =
        workbook.slice(0, calc.start) +
        setAttr(open, 'fullCalcOnLoad', '1') +
        workbook.slice(calc.start + open.length);
    } else {
      const after = [
        'oleSize',
        'customWorkbookViews',
        'pivotCaches',
        'smartTagPr',
        'smartTagTypes',
        'webPublishing',
        'fileRecoveryPr',
        'webPublishObjects',
        'extLst',
      ]
        .map((n) => first(workbook, n))
        .find(Boolean);
      const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
      workbook = after
        ? workbook.slice(0, after.start) + element + workbook.slice(after.start)
        : workbook.replace(/<\/((?:[\w.-]+:)?)workbook>\s*$/, `${element}</$1workbook>`);
    }
    for (const rel of readRels(pkg.text, workbookPart).filter((r) => REL.calcChain.test(r.type))) {
      pkg.remove(rel.part);
      pkg.removeRel(workbookPart, rel.id);
      pkg.contentType(rel.part, null);
    }
  }
  pkg.put(workbookPart, workbook);

  if (styles.changed) {
    if (stylesPart) pkg.put(stylesPart, styles.write());
    else {
      const part = `${dir ? `${dir}/` : ''}styles.xml`;
      pkg.put(part, styles.write());
      pkg.addRel(workbookPart, TYPES.styles, part);
      pkg.contentType(part, CONTENT.styles);
    }
  }
  return { entries: pkg.entries(), lacks };
}
