// .xlsx files laid out the way each office program writes them, made here part by part (no binary
// fixtures): the shapes that broke the playground before — namespace prefixes (Tencent Docs), shared
// formulas (Excel, LibreOffice), inline strings (Numbers), formatted empty cells far past the data
// (WPS), hidden sheets, rows and columns, merges, defined names, a drawing with a chart and an image.
import { zipSync, type Zippable } from 'fflate';

export type Program = 'excel' | 'google' | 'libreoffice' | 'wps' | 'tencent' | 'numbers';
export const PROGRAMS: Program[] = ['excel', 'google', 'libreoffice', 'wps', 'tencent', 'numbers'];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const T = (name: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${name}`;
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The name of the ledger sheet every fixture has, and of its hidden sheet. */
export const LEDGER = '资产台账';
export const HIDDEN_SHEET = '说明';
export const REPAIRS = '维修记录';

/** A 1×1 PNG: the image the drawing shows. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

interface Options {
  /** Namespace prefix of the SpreadsheetML elements ('x:' for Tencent Docs). */
  p: string;
  inlineStrings: boolean;
  sharedFormulas: boolean;
  /** WPS: styled empty cells past the data, one in column AA. */
  styledTail: boolean;
  drawing: boolean;
  calcChain: boolean;
  /** Cells without `r` (the order is their place). */
  implicitCells: boolean;
}

const OPTIONS: Record<Program, Options> = {
  excel: {
    p: '',
    inlineStrings: false,
    sharedFormulas: true,
    styledTail: false,
    drawing: true,
    calcChain: true,
    implicitCells: false,
  },
  google: {
    p: '',
    inlineStrings: false,
    sharedFormulas: false,
    styledTail: false,
    drawing: true,
    calcChain: false,
    implicitCells: false,
  },
  libreoffice: {
    p: '',
    inlineStrings: false,
    sharedFormulas: true,
    styledTail: false,
    drawing: false,
    calcChain: false,
    implicitCells: false,
  },
  wps: {
    p: '',
    inlineStrings: false,
    sharedFormulas: true,
    styledTail: true,
    drawing: true,
    calcChain: true,
    implicitCells: false,
  },
  tencent: {
    p: 'x:',
    inlineStrings: false,
    sharedFormulas: false,
    styledTail: false,
    drawing: false,
    calcChain: false,
    implicitCells: false,
  },
  numbers: {
    p: '',
    inlineStrings: true,
    sharedFormulas: false,
    styledTail: false,
    drawing: true,
    calcChain: false,
    implicitCells: true,
  },
};

type Cell = {
  ref: string;
  s?: number;
  text?: string;
  n?: number;
  f?: string;
  shared?: { si: number; ref?: string };
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sheetXml(
  o: Options,
  rows: { r: number; attrs?: string; cells: Cell[] }[],
  strings: string[],
  tail: string,
  head = '',
): string {
  const p = o.p;
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  let previous = 0;
  const cell = (c: Cell): string => {
    const col = c.ref
      .replace(/\d+$/, '')
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    // Numbers-style rows leave out `r` where a cell follows the one before it.
    const r = o.implicitCells && col === previous + 1 ? '' : ` r="${c.ref}"`;
    previous = col;
    const s = c.s ? ` s="${c.s}"` : '';
    if (c.text !== undefined) {
      if (o.inlineStrings)
        return `<${p}c${r}${s} t="inlineStr"><${p}is><${p}t>${esc(c.text)}</${p}t></${p}is></${p}c>`;
      let i = strings.indexOf(c.text);
      if (i < 0) i = strings.push(c.text) - 1;
      return `<${p}c${r}${s} t="s"><${p}v>${i}</${p}v></${p}c>`;
    }
    if (c.f !== undefined || c.shared) {
      const f = c.shared
        ? `<${p}f t="shared" si="${c.shared.si}"${c.shared.ref ? ` ref="${c.shared.ref}"` : ''}${c.f ? `>${esc(c.f)}</${p}f>` : '/>'}`
        : `<${p}f>${esc(c.f!)}</${p}f>`;
      return `<${p}c${r}${s}>${f}<${p}v>${c.n}</${p}v></${p}c>`;
    }
    if (c.n !== undefined) return `<${p}c${r}${s}><${p}v>${c.n}</${p}v></${p}c>`;
    return `<${p}c${r}${s}/>`;
  };
  const data = rows
    .map((row) => {
      previous = 0;
      return `<${p}row r="${row.r}"${row.attrs ?? ''}>${row.cells.map(cell).join('')}</${p}row>`;
    })
    .join('');
  return `${HEAD}<${p}worksheet ${ns} xmlns:r="${R}">${head}<${p}sheetData>${data}</${p}sheetData>${tail}</${p}worksheet>`;
}

/** A fixture workbook as the named program writes it. `repairsHeaders` makes a 维修记录 sheet too. */
export function officeFile(program: Program, repairsHeaders: string[]): Buffer {
  const o = OPTIONS[program];
  const p = o.p;
  const strings: string[] = [];
  // 资产台账: a merged title, a header, three assets (ids with leading zeros as text, dates, amounts),
  // 金额 = 数量 × 单价 as a fill-down formula, row 5 and column F hidden, a total row.
  const amount = (r: number, first: boolean): Cell =>
    o.sharedFormulas
      ? {
          ref: `E${r}`,
          s: 3,
          n: [0, 0, 0, 7000, 2400, 900][r]!,
          f: first ? `C${r}*D${r}` : undefined,
          shared: { si: 0, ...(first ? { ref: 'E3:E5' } : {}) },
        }
      : { ref: `E${r}`, s: 3, n: [0, 0, 0, 7000, 2400, 900][r]!, f: `C${r}*D${r}` };
  const ledgerRows = [
    {
      r: 1,
      attrs: ' ht="24" customHeight="1"',
      cells: [
        { ref: 'A1', s: 1, text: '2026年固定资产台账' },
        { ref: 'B1', s: 1 },
        { ref: 'C1', s: 1 },
        { ref: 'D1', s: 1 },
        { ref: 'E1', s: 1 },
      ],
    },
    {
      r: 2,
      cells: ['卡片编号', '资产名称', '数量', '单价', '金额', '备注', '取得日期'].map((text, i) => ({
        ref: `${'ABCDEFG'[i]}2`,
        s: 2,
        text,
      })),
    },
    {
      r: 3,
      cells: [
        { ref: 'A3', text: '00123' },
        { ref: 'B3', text: '投影仪' },
        { ref: 'C3', n: 2 },
        { ref: 'D3', n: 3500 },
        amount(3, true),
        { ref: 'F3', text: '藏起来的列' },
        { ref: 'G3', s: 4, n: 45170 },
      ],
    },
    {
      r: 4,
      cells: [
        { ref: 'A4', text: '00124' },
        { ref: 'B4', text: '课桌' },
        { ref: 'C4', n: 40 },
        { ref: 'D4', n: 60 },
        amount(4, false),
        { ref: 'F4', text: '' },
        { ref: 'G4', s: 4, n: 45200 },
      ].filter((c) => c.text !== ''),
    },
    {
      r: 5,
      attrs: ' hidden="1"',
      cells: [
        { ref: 'A5', text: '00125' },
        { ref: 'B5', text: '报废的椅子' },
        { ref: 'C5', n: 30 },
        { ref: 'D5', n: 30 },
        amount(5, false),
        { ref: 'G5', s: 4, n: 44000 },
      ],
    },
    {
      r: 6,
      cells: [
        { ref: 'A6', text: '合计' },
        { ref: 'E6', s: 3, n: 10300, f: 'SUM(E3:E5)' },
      ],
    },
  ] as { r: number; attrs?: string; cells: Cell[] }[];
  if (o.styledTail)
    ledgerRows.push(
      {
        r: 7,
        attrs: ' s="2" customFormat="1"',
        cells: [
          { ref: 'A7', s: 2 },
          { ref: 'G7', s: 2 },
          { ref: 'AA7', s: 2 },
        ],
      },
      { r: 60, cells: [{ ref: 'B60', s: 1 }] },
    );
  const ledgerTail =
    `<${p}mergeCells count="1"><${p}mergeCell ref="A1:E1"/></${p}mergeCells>` +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (o.drawing ? `<${p}drawing r:id="rId1"/>` : '') +
    (program === 'excel' ? `<${p}tableParts count="1"><${p}tablePart r:id="rId2"/></${p}tableParts>` : '');
  const ledgerHead =
    `<${p}dimension ref="A1:G6"/><${p}sheetViews><${p}sheetView workbookViewId="0" tabSelected="1"/></${p}sheetViews>` +
    `<${p}sheetFormatPr defaultRowHeight="15"/><${p}cols><${p}col min="1" max="1" width="14" customWidth="1"/><${p}col min="6" max="6" width="9" hidden="1" customWidth="1"/><${p}col min="8" max="8" width="12" style="5" customWidth="1"/></${p}cols>`;
  const ledger = sheetXml(o, ledgerRows, strings, ledgerTail, ledgerHead);
  const hidden = sheetXml(
    o,
    [{ r: 1, cells: [{ ref: 'A1', text: '本表由财务系统导出，请勿改动' }] }],
    strings,
    '',
  );
  const repairs = sheetXml(
    o,
    [{ r: 1, cells: repairsHeaders.map((text, i) => ({ ref: `${String.fromCharCode(65 + i)}1`, text })) }],
    strings,
    '',
  );
  const sheets = [
    { name: LEDGER, xml: ledger, state: '' },
    { name: HIDDEN_SHEET, xml: hidden, state: ' state="hidden"' },
    { name: REPAIRS, xml: repairs, state: '' },
  ];
  const files: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    wbRels.push(
      `<Relationship Id="rId${i + 1}" Type="${T('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
  });
  const ledgerRels: string[] = [];
  if (o.drawing) {
    ledgerRels.push(`<Relationship Id="rId1" Type="${T('drawing')}" Target="../drawings/drawing1.xml"/>`);
    files['xl/drawings/drawing1.xml'] =
      `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="校徽"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId1"/></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"/></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
    files['xl/drawings/_rels/drawing1.xml.rels'] =
      `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${T('image')}" Target="../media/image1.png"/><Relationship Id="rId2" Type="${T('chart')}" Target="../charts/chart1.xml"/></Relationships>`;
    files['xl/media/image1.png'] = PNG;
    files['xl/charts/chart1.xml'] =
      `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:val><c:numRef><c:f>'${LEDGER}'!$E$3:$E$5</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`;
    overrides.push(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
  }
  if (program === 'excel') {
    ledgerRels.push(`<Relationship Id="rId2" Type="${T('table')}" Target="../tables/table1.xml"/>`);
    files['xl/tables/table1.xml'] =
      `${HEAD}<table xmlns="${MAIN}" id="1" name="资产表" displayName="资产表" ref="A2:G5"><autoFilter ref="A2:G5"/><tableColumns count="7">${['卡片编号', '资产名称', '数量', '单价', '金额', '备注', '取得日期'].map((n, i) => `<tableColumn id="${i + 1}" name="${n}"/>`).join('')}</tableColumns></table>`;
    overrides.push(
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
    );
  }
  if (ledgerRels.length)
    files['xl/worksheets/_rels/sheet1.xml.rels'] =
      `${HEAD}<Relationships xmlns="${PKG}">${ledgerRels.join('')}</Relationships>`;
  let next = sheets.length + 1;
  wbRels.push(`<Relationship Id="rId${next++}" Type="${T('styles')}" Target="styles.xml"/>`);
  overrides.push(
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
  );
  if (!o.inlineStrings) {
    wbRels.push(`<Relationship Id="rId${next++}" Type="${T('sharedStrings')}" Target="sharedStrings.xml"/>`);
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    files['xl/sharedStrings.xml'] =
      `${HEAD}<${p}sst ${p ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<${p}si><${p}t>${esc(s)}</${p}t></${p}si>`).join('')}</${p}sst>`;
  }
  if (o.calcChain) {
    wbRels.push(`<Relationship Id="rId${next}" Type="${T('calcChain')}" Target="calcChain.xml"/>`);
    overrides.push(
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
    );
    files['xl/calcChain.xml'] =
      `${HEAD}<calcChain xmlns="${MAIN}"><c r="E3" i="1"/><c r="E4"/><c r="E5"/><c r="E6"/></calcChain>`;
  }
  // Styles: 1 = bold title with a border and centred, 2 = header fill, 3 = amount, 4 = a date,
  // 5 = text (column H is formatted as text).
  files['xl/styles.xml'] =
    `${HEAD}<${p}styleSheet ${p ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`}><${p}numFmts count="1"><${p}numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></${p}numFmts>` +
    `<${p}fonts count="2"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font><${p}font><${p}b/><${p}sz val="16"/><${p}name val="黑体"/></${p}font></${p}fonts>` +
    `<${p}fills count="3"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFDDEBF7"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill></${p}fills>` +
    `<${p}borders count="2"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border><${p}border><${p}left style="thin"/><${p}right style="thin"/><${p}top style="thin"/><${p}bottom style="thin"/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="6"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><${p}alignment horizontal="center"/></${p}xf><${p}xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1"/><${p}xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs>` +
    `<${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`;
  const wbNs = p ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  files['xl/workbook.xml'] =
    `${HEAD}<${p}workbook ${wbNs} xmlns:r="${R}"><${p}workbookPr/><${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews><${p}sheets>` +
    sheets
      .map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}"${s.state} r:id="rId${i + 1}"/>`)
      .join('') +
    `</${p}sheets><${p}definedNames><${p}definedName name="_xlnm.Print_Titles" localSheetId="0">'${LEDGER}'!$2:$2</${p}definedName><${p}definedName name="资产金额">'${LEDGER}'!$E$3:$E$5</${p}definedName></${p}definedNames>` +
    `<${p}calcPr calcId="191029"/></${p}workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `${HEAD}<Relationships xmlns="${PKG}">${wbRels.join('')}</Relationships>`;
  files['_rels/.rels'] =
    `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${T('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`;
  files['[Content_Types].xml'] =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`;
  const order = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
  const zip: Zippable = {};
  for (const name of [...order, ...Object.keys(files).filter((n) => !order.includes(n))]) {
    const data = files[name]!;
    zip[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }
  return Buffer.from(zipSync(zip));
}
