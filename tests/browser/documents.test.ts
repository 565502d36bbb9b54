import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  agencyStatementDocument,
  buildSafetyReport,
  countSheetDocument,
  feeNoticeDocument,
  monthlyAccountsDocument,
  openCount,
  startStocktake,
  handoverDocument,
  handoverGroups,
  renderDocument,
  safetyDocument,
  type DocumentModel,
} from '../../src/core/documents';
import { sheetDecl } from '../../src/core/sheets';
import { columnHeader } from '../../src/core/table/labels';
import { tableOf } from '../../src/core/table/record';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { instantOf } from '../../src/core/time';
import { digestWorkbook, TZ } from '../integration/digest.fixture';
import { launchChromium } from '../support/browser';
import { printToPdf } from '../support/pdf';
import { ASSETS, DRILLS, NOVEMBER, SAFETY_INPUT } from '../unit/documents.fixture';
import { table } from '../unit/figures.fixture';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const A4 = /^59[45]\.\d+ x 841\.\d+ pts \(A4\)$/;
const pageLine = (i: number, n: number) => new RegExp(`第 ${i} 页，共 ${n} 页`);
/** pdftotext keeps CJK text but may space it out; compare without spaces. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('printed documents in Chromium, read back with poppler', () => {
  it('the safety report e-mailed by the bundle prints on A4 with its counts and page numbers', async () => {
    const bundle = digestWorkbook();
    bundle.emu.clock.set(instantOf('2026-12-01', TZ, 6));
    bundle.clickMenu('发送上月安全月报');
    const html = bundle.emu.mail.outbox.at(-1)!.attachments![0]!.html!;
    const pdf = await printToPdf(page, html, 'safety-report');
    expect(pdf.pageSize).toMatch(A4);
    const n = pdf.pages.length;
    expect(n).toBeGreaterThanOrEqual(1);
    pdf.pages.forEach((text, i) => expect(text).toMatch(pageLine(i + 1, n)));
    const all = flat(pdf.pages.join('\n'));
    for (const t of [
      '第一中学',
      '学校安全工作月报',
      '2026年11月',
      '看台栏杆松动（第11周）',
      '填报人（签字）',
    ])
      expect(all).toContain(t);
    for (const png of pdf.pngs) expect(existsSync(png)).toBe(true);
  });

  it('a long report runs over pages: the table header on each, long text wrapped, markup printed as text', async () => {
    const many = Array.from({ length: 90 }, (_, i) => ({
      date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      location: `教学楼 ${i + 1} 室`,
      result: 'hazard',
      finding:
        i === 3 ? '超长'.repeat(5_000) : i === 5 ? '<script>alert(1)</script>' : `插座松动 第 ${i + 1} 处`,
      fixDeadline: '2026-12-20',
      responsible: '李强',
    }));
    const input = {
      ...SAFETY_INPUT,
      tables: { ...SAFETY_INPUT.tables, inspectionResults: table('inspectionResults', many) },
    };
    const report = buildSafetyReport(input, DRILLS, NOVEMBER, DEFAULT_SETTINGS);
    const html = renderDocument(
      safetyDocument(report, { lang: 'zh-CN', schoolName: '第一中学', today: '2026-12-01' }),
    );
    await page.setViewportSize({ width: 800, height: 1100 });
    const pdf = await printToPdf(page, html, 'safety-report-long');
    expect(pdf.pageSize).toMatch(A4);
    const n = pdf.pages.length;
    expect(n).toBeGreaterThan(3);
    pdf.pages.forEach((text, i) => {
      expect(text).toMatch(pageLine(i + 1, n));
      expect(flat(text).length).toBeGreaterThan(20);
    });
    // Pages 2 … n−1 hold only the two hazard tables: each starts with the repeated header.
    for (const text of pdf.pages.slice(1, -1)) expect(flat(text)).toContain('隐患内容');
    const all = flat(pdf.pages.join(''));
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain('超长超长超长超长');
    // Nothing wider than the printable width: the 10,000 characters wrap inside their cell.
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('table')].some((t) => t.scrollWidth > t.clientWidth + 1),
    );
    expect(overflow).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
  });

  it('the handover list: a page per room and custodian, the header again on a long room, signatures on each', async () => {
    const more = Array.from({ length: 70 }, (_, i) => ({
      assetId: `ZC-2${String(i).padStart(3, '0')}`,
      name: i === 2 ? '很长的名称'.repeat(300) : `学生课桌 ${i + 1}`,
      model: '1.2m',
      location: '初一(3)班',
      custodian: '赵敏',
      status: 'in_use',
      quantity: 1,
    }));
    const rows = [...ASSETS.rows.map((r) => r.cells), ...more];
    const assets = table('assets', rows as Record<string, unknown>[]);
    const doc = handoverDocument(handoverGroups(assets, TZ), {
      lang: 'zh-CN',
      schoolName: '第一中学',
      today: '2027-01-20',
      term: '2026—2027学年第一学期',
    });
    const pdf = await printToPdf(page, renderDocument(doc, { printButton: true }), 'handover');
    expect(pdf.pageSize).toMatch(A4);
    const n = pdf.pages.length;
    expect(n).toBeGreaterThan(4);
    pdf.pages.forEach((text, i) => {
      expect(text).toMatch(pageLine(i + 1, n));
      // Every page is a table page: its header row is there, repeated on the long room's pages.
      expect(flat(text)).toContain('资产编号资产名称');
    });
    const all = flat(pdf.pages.join(''));
    expect(all.includes('2026—2027学年第一学期')).toBe(true);
    // The name's markup is printed as text (pdftotext may break it over the cell's lines).
    expect(all.includes('<script>alert(1)')).toBe(true);
    // The Print button is for the screen only.
    expect(all.includes('打印时选择')).toBe(false);
    // Four sheets of paper end in two signature lines each.
    expect(pdf.pages.filter((t) => flat(t).includes('保管人（签字）')).length).toBe(4);
  });

  it('the count sheet and the fee papers print on A4 with their text and page numbers on every page', async () => {
    const tz = TZ;
    const ctx = { lang: 'zh-CN' as const, schoolName: '第一中学', today: '2026-12-01', timeZone: tz };
    const items = table('feeItems', [
      { code: 'F01', name: '作业本费', kind: 'agency', standard: 12.5, unit: '学期' },
      { code: 'F02', name: '校服费', kind: 'agency', standard: 120, unit: '套' },
      {
        code: 'F03',
        name: '住宿费',
        kind: 'approved',
        standard: 800,
        unit: '学期',
        approvalRef: '价〔2025〕12号',
      },
    ]);
    const payments = table(
      'feePayments',
      Array.from({ length: 120 }, (_, i) => ({
        receiptNo: `S${i}`,
        date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        itemCode: ['F01', 'F02', 'F03'][i % 3],
        payer: `学生${i % 45}`,
        className: '初一(1)班',
        amount: [12.5, 120, 800][i % 3],
        collector: ['刘洋', '陈静'][i % 2],
        depositDate: i % 4 ? `2026-11-${String(1 + (i % 28)).padStart(2, '0')}` : '',
      })),
    );
    // The class's exercise books (more than the 500.00 collected) and the school's uniforms (shared).
    const spending = table('agencySpending', [
      {
        date: '2026-11-20',
        className: '初一(1)班',
        itemCode: 'F01',
        amount: 520,
        purchase: '作业本',
        handler: '刘洋',
      },
      { date: '2026-11-21', itemCode: 'F02', amount: 4000.01, purchase: '校服', handler: '刘洋' },
    ]);
    const stock = startStocktake(
      {
        stockItems: table(
          'stockItems',
          Array.from({ length: 60 }, (_, i) => ({
            itemId: `WZ-${i}`,
            name: `物品${i}`,
            unit: '个',
            location: `仓库${i % 3}`,
          })),
        ),
        assets: ASSETS,
      },
      { lang: 'zh-CN', today: '2026-12-30', timeZone: tz },
    );
    if (!stock.ok) throw new Error(stock.message);
    const sheet = tableOf('stocktake', [
      sheetDecl('stocktake').columns.map((c) => columnHeader('zh-CN', 'stocktake', c.key)),
      ...stock.records.map((r) => [
        r.countDate,
        r.kind,
        r.ref,
        r.name,
        r.location,
        r.unit,
        r.bookQty,
        '',
        '',
        r.status,
        '',
      ]),
    ]);
    const docs: [string, DocumentModel, string][] = [
      ['count-sheet', countSheetDocument(openCount(sheet, tz), ctx), '账面数量'],
      ['fee-notice', feeNoticeDocument({ feeItems: items }, ctx), '收费标准'],
      [
        'fee-accounts',
        monthlyAccountsDocument({ feeItems: items, feePayments: payments }, { year: 2026, month: 11 }, ctx),
        '已上缴',
      ],
      [
        'agency-statement',
        agencyStatementDocument(
          { feeItems: items, feePayments: payments, agencySpending: spending },
          '初一(1)班',
          {
            ...ctx,
            term: { name: '秋季学期', start: '2026-09-01', end: '2027-01-20' },
          },
        )!,
        '代收金额',
      ],
    ];
    for (const [name, doc, header] of docs) {
      const pdf = await printToPdf(page, renderDocument(doc), name);
      expect(pdf.pageSize).toMatch(A4);
      const n = pdf.pages.length;
      pdf.pages.forEach((text, i) => {
        expect(text).toMatch(pageLine(i + 1, n));
        expect(flat(text)).toContain(header);
      });
      expect(flat(pdf.pages[0]!)).toContain(flat(doc.title));
    }
    // The statement's last page ends with its per-item summary, its notice and the signatures.
    const statement = await printToPdf(page, renderDocument(docs[3]![1]), 'agency-statement');
    const last = flat(statement.pages.at(-1)!);
    expect(last).toContain('按代办项目汇总');
    expect(last).toContain('超过代收');
    expect(last).toContain('班主任（签字）');
  });
});
