import {
  buildSafetyReport,
  handoverDocument,
  handoverGroups,
  handoverTerm,
  pdfFileName,
  readDocumentRef,
  recipientsDue,
  renderDocument,
  reportLogChanges,
  safetyDocument,
  safetyRecipients,
  safetyReportKey,
  type DocumentModel,
} from '../../src/core/documents';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { ASSETS, DRILLS, NOVEMBER, SAFETY_INPUT } from './documents.fixture';
import { at, TZ } from './figures.fixture';

const settings = DEFAULT_SETTINGS;
const report = () => buildSafetyReport(SAFETY_INPUT, DRILLS, NOVEMBER, settings);

describe('the monthly safety report counts what the fixture holds, by hand', () => {
  test('inspections planned and done per kind, and in total as the shared figures count them', () => {
    const r = report();
    expect(r.inspections).toEqual([
      { kind: '消防设施检查', planned: 3, done: 2 },
      { kind: '用电线路检查', planned: 1, done: 1 },
    ]);
    expect([r.figures.inspectionsPlanned, r.figures.inspectionsDone]).toEqual([4, 3]);
    expect(r.records).toBe(6);
  });

  test('hazards found, fixed by their deadline or late, and those open at month end with deadline and person', () => {
    const r = report();
    expect(r.found.map((h) => h.finding)).toEqual([
      '扶手松动',
      '灭火器过期',
      '燃气管老化',
      '<script>alert(1)</script>',
    ]);
    expect([r.fixedOnTime, r.fixedLate]).toEqual([1, 1]);
    expect(r.openAtEnd.map((h) => [h.found, h.deadline, h.person])).toEqual([
      ['2026-10-20', '2026-10-25', '李强'],
      ['2026-11-15', '2026-12-05', '李强'],
      ['2026-11-20', '2026-11-25', ''],
    ]);
    // The shared figures say the same about the state at month end.
    expect(r.figures.hazardsOpen).toBe(3);
  });

  test('drills and trainings of the month, canteen sample days, repairs by cause', () => {
    const r = report();
    expect(r.drills.map((d) => d.topic)).toEqual(['消防疏散演练', '食品安全培训']);
    expect(r.samples).toEqual({ days: 2, okDays: 1, badDays: ['2026-11-02'] });
    expect(r.repairs).toEqual([
      { cause: 'wear', reported: 1, fixed: 2 },
      { cause: 'person', reported: 1, fixed: 0 },
      { cause: 'unknown', reported: 1, fixed: 0 },
      { cause: '', reported: 1, fixed: 0 },
    ]);
    expect([r.figures.repairsReported, r.figures.repairsFixed]).toEqual([4, 2]);
    expect(r.empty).toBe(false);
  });

  test('a month with no record says so, in the document, rather than showing zeros silently', () => {
    const r = buildSafetyReport(SAFETY_INPUT, DRILLS, { year: 2026, month: 1 }, settings);
    expect(r.empty).toBe(true);
    const html = renderDocument(
      safetyDocument(r, { lang: 'zh-CN', schoolName: '一中', today: '2026-02-01' }),
    );
    expect(html).toContain('如实报告为空，并非以零值代替漏报');
    expect(html).toContain('本月没有计划的安全检查');
  });

  test('the document shows the counts, the totals and the signatures, in either language', () => {
    const doc = safetyDocument(report(), { lang: 'zh-CN', schoolName: '第一中学', today: '2026-12-01' });
    const inspections = doc.sections[1]!.blocks[0]!;
    expect(inspections.kind === 'table' && inspections.totals).toEqual(['合计', 4, 3, '75%']);
    expect(doc.signatures).toEqual(['填报人', '总务主任', '校长']);
    expect(doc.period).toBe('2026年11月');
    const en = safetyDocument(report(), { lang: 'en', schoolName: 'No. 1', today: '2026-12-01' });
    expect(en.period).toBe('2026-11');
    expect(renderDocument(en)).toContain('Hazards still open at month end');
  });
});

const doc = (rows: string[][]): DocumentModel => ({
  lang: 'zh-CN',
  title: '<i>标题</i>',
  school: '"学校" & <script>',
  period: '2026年11月',
  issued: '2026年12月1日',
  meta: [{ label: '房间', value: '<img src=x onerror=alert(1)>' }],
  sections: [
    {
      heading: '表',
      blocks: [
        { kind: 'table', columns: [{ label: '名称' }, { label: '数量', align: 'right' }], rows, empty: '无' },
      ],
    },
  ],
  signatures: ['保管人'],
  fileName: 'x',
});

describe('the renderer', () => {
  test('escapes every value: a <script> in a cell prints as text', () => {
    const html = renderDocument(doc([['<script>alert(1)</script>', '3']]));
    expect(html).not.toMatch(/<script|<img|<i>标题/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;学校&quot; &amp; &lt;script&gt;');
  });

  test('a 10,000-character name is kept whole in a cell that wraps', () => {
    const long = '长'.repeat(10_000);
    const html = renderDocument(doc([[long, '1']]));
    expect(html).toContain(long);
    expect(html).toMatch(/table-layout: fixed/);
    expect(html).toMatch(/overflow-wrap: anywhere/);
  });

  test('A4, headers repeated on each page, page numbers, fonts for Windows, macOS and ChromeOS', () => {
    const html = renderDocument(doc([['a', '1']]));
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain('<thead>');
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    for (const font of ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC']) expect(html).toContain(font);
  });

  test('an empty table says so; the Print button only in the dialog version', () => {
    expect(renderDocument(doc([]))).toContain('<p class="empty">无</p>');
    expect(renderDocument(doc([]))).not.toContain('window.print');
    expect(renderDocument(doc([]), { printButton: true })).toContain('window.print()');
  });
});

describe('sending the report once', () => {
  const key = safetyReportKey(NOVEMBER);
  const now = at('2026-12-01', 6);

  test('the bureau and the office head, each once', () => {
    expect(safetyRecipients(['a@x.cn', 'Head@x.cn'], 'head@x.cn')).toEqual(['a@x.cn', 'Head@x.cn']);
  });

  test('a recipient logged as sent is not sent again; pending rows are settled in place', () => {
    const sent = reportLogChanges(key, '安全月报', ['a@x.cn'], { sent: true }, [], now, 'zh-CN');
    expect(sent.append).toHaveLength(1);
    expect(sent.append[0]).toMatchObject({ recipient: 'a@x.cn', itemKey: key, status: '已发送' });
    const log = [
      { row: 2, time: now, recipient: 'a@x.cn', itemKey: key, status: 'sent' as const, escalated: false },
    ];
    expect(recipientsDue(key, ['a@x.cn', 'b@x.cn'], log)).toEqual(['b@x.cn']);
    const waiting = [
      { row: 3, time: now, recipient: 'b@x.cn', itemKey: key, status: 'pending' as const, escalated: false },
    ];
    const later = reportLogChanges(key, '安全月报', ['b@x.cn'], { sent: true }, waiting, now, 'zh-CN');
    expect(later.append).toEqual([]);
    expect(later.update).toEqual([{ row: 3, patch: { time: now, status: '已发送', note: '' } }]);
    expect(TZ).toBe('Asia/Shanghai');
  });
});

describe('the term handover list (交接单)', () => {
  test("a room's list holds exactly that room's assets not scrapped, a page per custodian", () => {
    const groups = handoverGroups(ASSETS, TZ, ' 初一(1)班 ');
    expect(groups.map((g) => [g.location, g.custodian, g.assets.map((a) => a.assetId)])).toEqual([
      ['初一(1)班', '李强', ['ZC-005']],
      ['初一(1)班', '王芳', ['ZC-001', 'ZC-003', 'ZC-004']],
    ]);
    // No quantity written counts as one.
    expect(groups[1]!.assets.map((a) => a.quantity)).toEqual([45, 1, 1]);
  });

  test("a custodian's list holds every room they keep; empty asks for every room", () => {
    expect(handoverGroups(ASSETS, TZ, '李强').map((g) => g.location)).toEqual(['初一(1)班', '初一(2)班']);
    expect(handoverGroups(ASSETS, TZ, '').length).toBe(3);
    expect(handoverGroups(ASSETS, TZ, '校长室')).toEqual([]);
  });

  test('the document: school, term, a tick column, totals, both signatures on each page, markup as text', () => {
    const doc = handoverDocument(handoverGroups(ASSETS, TZ, '王芳'), {
      lang: 'zh-CN',
      schoolName: '第一中学',
      today: '2027-01-20',
      term: '2026学年第一学期',
    });
    const table = doc.sections[0]!.blocks[0]!;
    expect(table.kind === 'table' && table.columns.map((c) => c.label)).toEqual([
      '序号',
      '资产编号',
      '资产名称',
      '规格型号',
      '数量',
      '状态',
      '清点（✓ / 缺 / 损）',
      '备注',
    ]);
    expect(table.kind === 'table' && table.totals).toEqual(['合计', '3 项', '', '', 47, '', '', '']);
    expect(doc.sections[0]!.signatures).toEqual(['保管人', '后勤处经办人']);
    const html = renderDocument(doc);
    expect(html).toContain('2026学年第一学期');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('<td>维修中</td>');
  });

  test('the term: the one under way, else the next, else the last', () => {
    const cal = {
      terms: [
        { name: '秋季学期', start: '2026-09-01', end: '2027-01-20' },
        { name: '春季学期', start: '2027-02-20', end: '2027-07-05' },
      ],
      holidays: [],
      makeupDays: new Set<string>(),
      problems: [],
    };
    expect(handoverTerm(cal, '2027-01-20')).toBe('秋季学期');
    expect(handoverTerm(cal, '2027-02-01')).toBe('春季学期');
    expect(handoverTerm(cal, '2027-08-01')).toBe('春季学期');
  });
});

describe("the dialog's PDF buttons and where a converter supports less", () => {
  const who = '</script><script>alert(1)</script>';

  test('the buttons carry only which document, its parameters safe inside the page', () => {
    const html = renderDocument(doc([['a', '1']]), { printButton: true, pdf: { kind: 'handover', who } });
    expect(html).toContain('<button type="button" data-pdf="download">下载 PDF</button>');
    expect(html).toContain('<button type="button" data-pdf="email">发送 PDF 到我的邮箱</button>');
    expect(html).toContain('role="status" aria-live="polite"');
    expect(html).not.toContain('<script>alert(1)');
    const json = /<script type="application\/json" id="houqin-pdf">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json)).toMatchObject({
      ref: { kind: 'handover', who },
      endpoints: { download: 'apiDocumentPdf', email: 'apiEmailDocumentPdf' },
    });
    // Nothing of the toolbar prints.
    expect(html).toContain('@media print { .toolbar, .toolbar * { display: none !important; } }');
  });

  test('the page footer says the school, the document and the period where page counters are not supported', () => {
    const html = renderDocument(doc([['a', '1']]));
    // A converter that does not know counter(pages) drops the second declaration and keeps the first.
    expect(html).toContain(
      '@bottom-center { content: "\\"学校\\" & \\3c script>　\\3c i>标题\\3c /i>　2026年11月"; content: "第 " counter(page)',
    );
    expect(html).not.toMatch(/<\/style>[^]*<\/style>/);
  });

  test('signature lines keep a width without flexbox', () => {
    expect(renderDocument(doc([]))).toMatch(/\.sign i \{ display: inline-block; width: 20mm; flex: 1;/);
  });
});

describe('which document a PDF is of', () => {
  test('the page may name a document and its parameters, nothing else', () => {
    expect(readDocumentRef({ kind: 'damage', month: '2026-11' }, 'zh-CN')).toEqual({
      ok: true,
      values: { kind: 'damage', month: '2026-11' },
    });
    for (const bad of [
      { kind: 'minutes' },
      { kind: 'damage', month: '2026-11', html: '<h1>' },
      { kind: 'handover', who: 'x'.repeat(101) },
      { kind: 'agencyStatement', className: '' },
      { kind: 'feeAccounts', month: '2026-1' },
      null,
      [],
    ])
      expect(readDocumentRef(bad, 'en')).toEqual({
        ok: false,
        errors: { document: expect.stringContaining('cannot tell which document') },
      });
  });

  test('its file name says the document, what it is for and its period, once each', () => {
    const handover = { ...doc([]), fileName: '财产交接单', period: '2026秋季学期' };
    expect(pdfFileName(handover, { kind: 'handover', who: '三年级2班' })).toBe(
      '财产交接单-三年级2班-2026秋季学期',
    );
    expect(pdfFileName(handover, { kind: 'handover', who: '' })).toBe('财产交接单-全部房间-2026秋季学期');
    expect(pdfFileName({ ...handover, period: '—' }, { kind: 'handover', who: '王芳' })).toBe(
      '财产交接单-王芳',
    );
    const agency = { ...doc([]), fileName: '代办费清单-初一(1)班', period: '第一学期' };
    expect(pdfFileName(agency, { kind: 'agencyStatement', className: '初一(1)班' })).toBe(
      '代办费清单-初一(1)班-第一学期',
    );
    const safety = { ...doc([]), fileName: '安全月报-2026-11', period: '2026年11月' };
    expect(pdfFileName(safety, { kind: 'safety', month: '2026-11' })).toBe('安全月报-2026-11');
  });
});
