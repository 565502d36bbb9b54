// Files written by Google Sheets, Excel, LibreOffice, WPS Office, Tencent Docs and Numbers open in
// the playground and survive Houqin's changes: opened, set up and changed by a reported repair, then
// saved; an independent reader (SheetJS, not the code that wrote the file) and the parts' XML
// itself find every untouched cell, merge, formula with its cached result, hidden flag, defined
// name and drawing as before. Files that cannot be read are refused with a reason, and nothing is
// written.
import { unzipSync, zipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import * as XLSX from 'xlsx';
import { createEmulator } from '../../emulator';
import { cliText } from '../../playground/cli';
import { runMenuKey } from '../../playground/menu';
import { asideFile, startPlayground, type RunningPlayground } from '../../playground/server';
import { openXlsx, readXlsxGrids, saveXlsx } from '../../playground/xlsx';
import { loadBundle } from '../support/bundle';
import { HIDDEN_SHEET, LEDGER, officeFile, PNG, PROGRAMS, REPAIRS } from './office-files.fixture';

const dir = mkdtempSync(join(tmpdir(), 'houqin-office-'));
const open: RunningPlayground[] = [];
afterAll(async () => {
  await Promise.allSettled(open.map((r) => r.close()));
});

/** The first three headers of the repairs sheet, as "Set up workbook" writes them. */
function repairsHeaders(): string[] {
  const emu = createEmulator();
  const bundle = loadBundle(emu);
  bundle.open('FULL');
  runMenuKey(bundle, 'setup');
  const sheet = emu.spreadsheet.getSheetByName(REPAIRS)!;
  return (sheet.getRange(1, 1, 1, 3).getValues()[0] as string[]).map(String);
}
const HEADERS = repairsHeaders();

async function post(
  running: RunningPlayground,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, running.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const read = (bytes: Buffer) =>
  XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellStyles: true, cellNF: true });

/** Every cell of a SheetJS sheet as what a person sees: value, type and formula. */
function cells(ws: XLSX.WorkSheet): Record<string, { v: unknown; t: string; f?: string }> {
  const out: Record<string, { v: unknown; t: string; f?: string }> = {};
  for (const [ref, cell] of Object.entries(ws)) {
    if (ref.startsWith('!')) continue;
    const c = cell as XLSX.CellObject;
    if (c.t === 'z') continue;
    out[ref] = { v: c.v, t: c.t, ...(c.f ? { f: c.f } : {}) };
  }
  return out;
}

/** Defined names with the sheet they belong to by name, not by place (new sheets move places). */
function names(book: XLSX.WorkBook): { name: string; ref: string; sheet: string | null }[] {
  return (book.Workbook?.Names ?? []).map((n) => ({
    name: n.Name,
    ref: n.Ref,
    sheet: n.Sheet === undefined ? null : book.SheetNames[n.Sheet]!,
  }));
}

/** Elements of a worksheet in the order the schema requires (ECMA-376 Part 1, 18.3.1.99), those the fixtures use. */
const WORKSHEET_ORDER = [
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'mergeCells',
  'dataValidations',
  'pageMargins',
  'drawing',
  'legacyDrawing',
  'tableParts',
];

/** Every XML part well-formed; each worksheet's elements in schema order, every row inside sheetData. */
function checkXml(parts: Record<string, Uint8Array>): void {
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const text = Buffer.from(data).toString('utf8');
    expect({ name, valid: XMLValidator.validate(text) }).toEqual({ name, valid: true });
    if (!/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    expect({ name, outside: /<\/(?:x:)?sheetData>[\s\S]*<(?:x:)?row[\s>]/.test(text) }).toEqual({
      name,
      outside: false,
    });
    const at = WORKSHEET_ORDER.map((e) => text.search(new RegExp(`<(?:x:)?${e}[\\s/>]`))).filter(
      (i) => i >= 0,
    );
    expect({ name, order: at }).toEqual({ name, order: [...at].sort((a, b) => a - b) });
  }
}

const hiddenOf = (book: XLSX.WorkBook, name: string): number =>
  book.Workbook?.Sheets?.[book.SheetNames.indexOf(name)]?.Hidden ?? 0;

describe('files from every office program open and survive a save', () => {
  it.each(PROGRAMS)('%s: set up and a reported repair change only what they change', async (program) => {
    const file = join(dir, `${program}.xlsx`);
    const original = officeFile(program, HEADERS);
    writeFileSync(file, original);
    const running = await startPlayground({ port: 0, workbook: file });
    open.push(running);
    const view = (await (await fetch(new URL('/api/view', running.url))).json()) as {
      setupFunction: string;
      sheets: { name: string }[];
    };
    expect(view.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([LEDGER, HIDDEN_SHEET, REPAIRS]));
    // What the add-on sees: the cached result of a fill-down formula, the first cell of a merge.
    const ledger = running.playground.emu.spreadsheet.getSheetByName(LEDGER)!;
    expect(ledger.getRange('A1:B1').getValues()).toEqual([['2026年固定资产台账', '']]);
    expect(ledger.getRange('E4').getValue()).toBe(2400);
    expect(ledger.getRange('E4').getFormula()).toBe('=C4*D4');
    expect(ledger.getRange('A3').getValue()).toBe('00123');
    expect(running.playground.emu.spreadsheet.getSheetByName(HIDDEN_SHEET)!.isSheetHidden()).toBe(true);

    expect((await post(running, '/api/menu', { functionName: view.setupFunction })).status).toBe(200);
    const reported = await post(running, '/__run', {
      name: 'apiSubmitReportRepair',
      args: [{ location: '初一(1)班', description: `测试：${program} 窗户玻璃破裂` }],
    });
    expect(reported.status).toBe(200);
    await running.close();
    expect(running.playground.view().log.filter((l) => l.kind === 'error')).toEqual([]);
    expect(existsSync(asideFile(file))).toBe(false);
    expect(readFileSync(`${file}.bak`)).toEqual(original);

    const saved = readFileSync(file);
    const before = read(original);
    const after = read(saved);
    // Houqin's sheets were added; the office's sheets are still there, the hidden one still hidden.
    expect(after.SheetNames).toEqual(expect.arrayContaining([LEDGER, HIDDEN_SHEET, REPAIRS, '设置']));
    expect(hiddenOf(after, HIDDEN_SHEET)).toBeGreaterThan(0);
    expect(hiddenOf(after, LEDGER)).toBe(0);
    for (const name of [LEDGER, HIDDEN_SHEET]) {
      expect({ name, cells: cells(after.Sheets[name]!) }).toEqual({
        name,
        cells: cells(before.Sheets[name]!),
      });
      expect(after.Sheets[name]!['!merges']).toEqual(before.Sheets[name]!['!merges']);
    }
    const ws = after.Sheets[LEDGER]!;
    expect(ws.E5).toMatchObject({ f: 'C5*D5', v: 900 });
    expect(ws['!rows']?.[4]?.hidden).toBe(true);
    expect(ws['!cols']?.[5]?.hidden).toBe(true);
    expect(names(after)).toEqual(names(before));
    // The changed cells changed: the repair is in the office's own 维修记录 sheet, under its headers.
    const repairs = XLSX.utils.sheet_to_json<unknown[]>(after.Sheets[REPAIRS]!, { header: 1 });
    expect(repairs[0]!.slice(0, 3)).toEqual(HEADERS);
    expect(repairs.flat()).toContain(`测试：${program} 窗户玻璃破裂`);

    // The parts Houqin did not change are the same, byte for byte.
    const partsBefore = unzipSync(original);
    const partsAfter = unzipSync(saved);
    checkXml(partsAfter);
    const changed = Object.keys(partsBefore).filter(
      (name) =>
        !partsAfter[name] ||
        Buffer.compare(Buffer.from(partsBefore[name]!), Buffer.from(partsAfter[name]!)) !== 0,
    );
    const mayChange = [
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/calcChain.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/_rels/sheet3.xml.rels',
    ];
    expect(changed.filter((name) => !mayChange.includes(name))).toEqual([]);
    if (partsBefore['xl/media/image1.png']) expect(partsAfter['xl/media/image1.png']).toEqual(PNG);
    // The style of a cell Houqin did not touch is the one it had: the old styles are all still there.
    const styles = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
    const oldXfs = /<(?:x:)?cellXfs[^>]*>([\s\S]*?)<\/(?:x:)?cellXfs>/.exec(
      styles(partsBefore['xl/styles.xml']!),
    )![1]!;
    expect(styles(partsAfter['xl/styles.xml']!)).toContain(oldXfs);
  });

  it("patches a changed cell into the sheet, keeping its style, and writes out a fill-down formula's other cells", () => {
    const original = officeFile('excel', HEADERS);
    const emu = createEmulator();
    const { loaded } = openXlsx(emu, original);
    const ledger = emu.spreadsheet.getSheetByName(LEDGER)!;
    ledger.getRange('E3').setValue(7100); // the first cell of the shared formula
    ledger.getRange('B4').setValue('学生课桌');
    ledger.getRange('H3').setValue('新列');
    ledger.getRange('H4').setValue('00126'); // column H is formatted as text: the id stays text
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(HIDDEN_SHEET)!);
    const { bytes, lacks } = saveXlsx(loaded, emu.spreadsheet);
    expect(lacks).toEqual([]);
    checkXml(unzipSync(bytes));
    const after = read(Buffer.from(bytes));
    const ws = after.Sheets[LEDGER]!;
    expect(ws.E3).toMatchObject({ v: 7100, t: 'n' });
    expect(ws.E3.f).toBeUndefined();
    expect(ws.E4).toMatchObject({ v: 2400, f: 'C4*D4' });
    expect(ws.E5).toMatchObject({ v: 900, f: 'C5*D5' });
    expect(ws.B4.v).toBe('学生课桌');
    expect(ws.H3.v).toBe('新列');
    expect(ws.H4).toMatchObject({ v: '00126', t: 's' });
    // The removed sheet is gone with its part; the ledger's own names still point at it.
    expect(after.SheetNames).toEqual([LEDGER, REPAIRS]);
    expect(unzipSync(bytes)['xl/worksheets/sheet2.xml']).toBeUndefined();
    expect(names(after)).toEqual(names(read(original)));
    expect(ws.A3.v).toBe('00123');
    expect(ws['!merges']).toEqual([XLSX.utils.decode_range('A1:E1')]);
    const xml = Buffer.from(unzipSync(bytes)['xl/worksheets/sheet1.xml']!).toString('utf8');
    // The amount keeps its style (s="3": a border and #,##0.00); the title row keeps its height.
    expect(xml).toMatch(/<c r="E3" s="3"><v>7100<\/v><\/c>/);
    expect(xml).toMatch(/<c r="H4" s="5" t="inlineStr">/);
    expect(xml).toContain('<row r="1" ht="24" customHeight="1">');
    // The calculation chain named E3 as a formula: it is dropped and rebuilt by the program opening the file.
    expect(unzipSync(bytes)['xl/calcChain.xml']).toBeUndefined();
  });

  it('gives the sheets of an .xlsx as grids of values for importing, cached formula results and dates included', () => {
    const grids = readXlsxGrids(officeFile('tencent', HEADERS));
    const ledger = grids.find((g) => g.name === LEDGER)!;
    expect(ledger.values[2]!.slice(0, 5)).toEqual(['00123', '投影仪', 2, 3500, 7000]);
    expect(ledger.values[2]![6]).toEqual(new Date(Date.UTC(2023, 8, 1)));
    expect(ledger.merges).toEqual(['A1:E1']);
    expect(grids.find((g) => g.name === HIDDEN_SHEET)!.hidden).toBe(true);
  });

  it("adds notes beside a sheet's own notes, keeping those as they were", () => {
    // A sheet with a note from the finance office, and its drawing (a form button and the note's shape).
    const parts = unzipSync(officeFile('excel', HEADERS));
    const comment =
      '<comment ref="B3" authorId="0"><text><r><rPr><b/></rPr><t>财务：</t></r><r><t>2023年采购</t></r></text></comment>';
    parts['xl/comments1.xml'] = new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>财务</author></authors><commentList>${comment}<comment ref="D4" authorId="0"><text><t>单价待核</t></text></comment></commentList></comments>`,
    );
    const button =
      '<v:shape id="_x0000_s1025" type="#_x0000_t201"><x:ClientData ObjectType="Button"><x:Anchor>9, 0, 1, 0, 11, 0, 3, 0</x:Anchor></x:ClientData></v:shape>';
    const noteB3 =
      '<v:shape id="_x0000_s1026" type="#_x0000_t202" style="width:200pt"><x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>';
    const noteD4 =
      '<v:shape id="_x0000_s1027" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>3</x:Column></x:ClientData></v:shape>';
    parts['xl/drawings/vmlDrawing1.vml'] = new TextEncoder().encode(
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${button}${noteB3}${noteD4}</xml>`,
    );
    const rels = Buffer.from(parts['xl/worksheets/_rels/sheet1.xml.rels']!).toString('utf8');
    parts['xl/worksheets/_rels/sheet1.xml.rels'] = new TextEncoder().encode(
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>',
      ),
    );
    const sheet = Buffer.from(parts['xl/worksheets/sheet1.xml']!).toString('utf8');
    parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(
      sheet.replace('<tableParts', '<legacyDrawing r:id="rId8"/><tableParts'),
    );
    const original = Buffer.from(zipSync(parts));
    const emu = createEmulator();
    const { loaded } = openXlsx(emu, original);
    const ledger = emu.spreadsheet.getSheetByName(LEDGER)!;
    expect(ledger.getRange('B3').getNote()).toBe('财务：2023年采购');
    // Validation marks do this on Houqin's sheets; the emulator's API stands in on the office's own.
    ledger.getRange('C3').setNote('数量待核对');
    ledger.getRange('D4').setNote('');
    const { bytes, lacks } = saveXlsx(loaded, emu.spreadsheet);
    expect(lacks).toEqual([]);
    const saved = unzipSync(bytes);
    checkXml(saved);
    const ws = read(Buffer.from(bytes)).Sheets[LEDGER]!;
    expect(ws.B3.c?.map((c: XLSX.Comment) => c.t)).toEqual(['财务：2023年采购']);
    expect(ws.C3.c?.map((c: XLSX.Comment) => c.t)).toEqual(['数量待核对']);
    expect(ws.D4.c).toBeUndefined();
    const comments = Buffer.from(saved['xl/comments1.xml']!).toString('utf8');
    expect(comments).toContain(comment); // the finance office's note, bold run and all
    const vml = Buffer.from(saved['xl/drawings/vmlDrawing1.vml']!).toString('utf8');
    expect(vml).toContain(button);
    expect(vml).toContain(noteB3);
    expect(vml).not.toContain(noteD4);
    expect(vml).toMatch(/<x:Row>2<\/x:Row><x:Column>2<\/x:Column>/);
  });

  it('saves to a new file beside the original, saying what it lacks, when a change cannot be carried', async () => {
    const file = join(dir, 'colour.xlsx');
    const original = officeFile('wps', HEADERS);
    writeFileSync(file, original);
    const running = await startPlayground({ port: 0, workbook: file });
    open.push(running);
    // No Houqin action sets font colours today; the emulator's API stands in for a future one.
    running.playground.emu.spreadsheet.getSheetByName(LEDGER)!.getRange('C3:C4').setFontColor('#ff0000');
    const setUp = (await (await fetch(new URL('/api/view', running.url))).json()) as {
      setupFunction: string;
    };
    // Set up is saved with the colours above, which the file cannot take.
    await post(running, '/api/menu', { functionName: setUp.setupFunction });
    const said = (await (await fetch(new URL('/api/view', running.url))).json()) as { lastSave: string };
    expect(said.lastSave).toContain(`已保存到新文件 ${asideFile(file)}，原文件 ${file} 未改动`);
    expect(said.lastSave).toContain(`「${LEDGER}」2 个单元格的字体颜色`);
    await running.close();
    expect(readFileSync(file)).toEqual(original);
    const aside = read(readFileSync(asideFile(file)));
    expect(aside.SheetNames).toContain('设置');
    expect(cells(aside.Sheets[LEDGER]!)).toEqual(cells(read(original).Sheets[LEDGER]!));
  });
});

/**
 * The excel fixture with sheet2.xml replaced by `content`, its size in the zip's directory set to
 * `declared` (a zip bomb may claim any size).
 */
function zipWithSheet2(content: Uint8Array<ArrayBuffer>, declared: number): Buffer {
  const parts = unzipSync(officeFile('excel', HEADERS));
  parts['xl/worksheets/sheet2.xml'] = content;
  const zip = Buffer.from(zipSync(parts, { level: 9 }));
  const name = Buffer.from('xl/worksheets/sheet2.xml');
  for (
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  ) {
    const length = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + length).equals(name)) zip.writeUInt32LE(declared, at + 24);
  }
  return zip;
}

describe('a file that cannot be read is refused with the reason, and nothing is written', () => {
  const cases: [string, () => Buffer, string, RegExp][] = [
    [
      'not a zip',
      () => Buffer.from('编号,名称\n001,投影仪\n'),
      'notZip',
      /不是 \.xlsx 工作簿[\s\S]*not an \.xlsx workbook/,
    ],
    [
      'encrypted (an OLE compound file)',
      () =>
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
      'encrypted',
      /取消密码[\s\S]*remove the password/,
    ],
    [
      'a zip bomb that says how large it is',
      () => zipWithSheet2(new Uint8Array(1024 * 1024), 500 * 1024 * 1024),
      'bomb',
      /sheet2\.xml/,
    ],
    [
      'a zip bomb that lies about its size',
      () => zipWithSheet2(new Uint8Array(8 * 1024 * 1024), 1000),
      'bomb',
      /sheet2\.xml/,
    ],
    [
      'a zip without a workbook',
      () => Buffer.from(zipSync({ 'word/document.xml': new TextEncoder().encode('<w/>') })),
      'notWorkbook',
      /没有 Excel 工作簿/,
    ],
    [
      'a million rows',
      () => {
        const parts = unzipSync(officeFile('wps', HEADERS));
        const xml = Buffer.from(parts['xl/worksheets/sheet2.xml']!).toString('utf8');
        parts['xl/worksheets/sheet2.xml'] = new TextEncoder().encode(
          xml.replace(/<\/sheetData>/, '<row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData>'),
        );
        return Buffer.from(zipSync(parts));
      },
      'tooLarge',
      /第 1000000 行/,
    ],
  ];
  it.each(cases)('%s', async (_, make, key, says) => {
    const file = join(dir, `refused-${key}.xlsx`);
    const bytes = make();
    writeFileSync(file, bytes);
    const started = Date.now();
    const error = (await startPlayground({ port: 0, workbook: file }).catch((e: unknown) => e)) as {
      key: string;
      params: Record<string, string | number>;
    };
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error.key).toBe(key);
    expect(cliText(error.key as Parameters<typeof cliText>[0], error.params)).toMatch(says);
    expect(existsSync(`${file}.bak`)).toBe(false);
    expect(readFileSync(file)).toEqual(bytes);
  });
});
