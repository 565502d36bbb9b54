// The playground's .xlsx reader on what office programs write beyond the plain cases: fill-down
// formulas moved to each cell, text with phonetic guides (Japanese/Chinese Excel), OOXML escapes,
// formula text results, error cells, 1904-based dates (Excel for Mac), ISO date cells.
import { zipSync } from 'fflate';
import { createEmulator } from '../../emulator';
import { openXlsx, readXlsxGrids } from '../../playground/xlsx';
import { shiftFormula } from '../../playground/xlsx/formula';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const enc = (s: string) => new TextEncoder().encode(s);

/** A one-sheet workbook with this sheetData, `date1904` as asked. */
function book(sheetData: string, { date1904 = false, strings = [] as string[] } = {}): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': enc(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      '_rels/.rels': enc(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': enc(
        `<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': enc(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      'xl/styles.xml': enc(
        `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
      'xl/sharedStrings.xml': enc(
        `<sst xmlns="${MAIN}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`,
      ),
      'xl/worksheets/sheet1.xml': enc(
        `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
      ),
    }),
  );
}

describe('the .xlsx reader', () => {
  it('moves a fill-down formula to each cell: relative references move, absolute ones, text and sheet names do not', () => {
    expect(shiftFormula('B2*$C$1+SUM(B$2:B2)', 3, 0)).toBe('B5*$C$1+SUM(B$2:B5)');
    expect(shiftFormula('LOG10(A1)&"A1"', 1, 1)).toBe('LOG10(B2)&"A1"');
    expect(shiftFormula("'Q1 A1'!A1+Sheet2!$A2", 2, 1)).toBe("'Q1 A1'!B3+Sheet2!$A4");
    expect(shiftFormula('SUM(A:A)+SUM(2:2)', 1, 1)).toBe('SUM(B:B)+SUM(3:3)');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });

  it('reads text without its phonetic guide, OOXML escapes, text results of formulas, errors and ISO dates', () => {
    const grids = readXlsxGrids(
      book(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><f>"编号"&amp;A2</f><v>编号7</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d" s="1"><v>2026-09-01</v></c></row>',
        {
          strings: [
            '<r><t>东京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
            '<t>第一行_x000D_\n第二行</t>',
          ],
        },
      ),
    );
    expect(grids[0]!.values[0]).toEqual([
      '东京',
      '第一行\r\n第二行',
      '编号7',
      '#N/A',
      new Date(Date.UTC(2026, 8, 1)),
    ]);
  });

  it('reads dates of a 1904-based workbook (Excel for Mac) as the same days', () => {
    // 2026-09-01 is serial 46266 counted from 1899-12-30, 44804 from 1904-01-01.
    const bytes = book('<row r="1"><c r="A1" s="1"><v>44804</v></c></row>', { date1904: true });
    expect(readXlsxGrids(bytes)[0]!.values[0]).toEqual([new Date(Date.UTC(2026, 8, 1))]);
    const emu = createEmulator({ timeZone: 'Asia/Shanghai' });
    openXlsx(emu, bytes);
    const value = emu.spreadsheet.getSheetByName('表')!.getRange('A1').getValue() as Date;
    expect(value.toISOString()).toBe('2026-08-31T16:00:00.000Z'); // midnight 2026-09-01 in Shanghai
  });
});
