import { createEmulator } from '../../emulator';
import type { CellValue } from '../../src/core/table/mapping';
import { loadBundle, type Bundle } from '../support/bundle';
import { STAFF } from '../support/office';
import { fillSheet, setSetting } from '../support/workbook';

const day = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Assets in `rooms` rooms, one the class 三年级2班 whose list the office keeps as a PDF. */
function assets(n: number): Record<string, CellValue>[] {
  return Array.from({ length: n }, (_, i) => ({
    assetId: `ZC-${String(i + 1).padStart(5, '0')}`,
    name: i === 0 ? '多媒体讲台' : ['投影仪', '课桌', '书架'][i % 3]!,
    category: '教学设备',
    location: i % 300 === 0 ? '三年级2班' : `室${101 + (i % 300)}`,
    custodian: `老师${i % 30}`,
    quantity: 1,
    status: '在用',
  }));
}

/** December 1st, 2026: a school with assets, stock, fees and a repair of November. */
function school(n = 30): Bundle {
  const bundle = loadBundle(createEmulator({ now: '2026-12-01T09:00:00+08:00', timeZone: 'Asia/Shanghai' }));
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(bundle.emu, '学校名称', '第一中学');
  fillSheet(bundle.emu, 'assets', assets(n));
  fillSheet(bundle.emu, 'stockItems', [{ itemId: 'WZ-01', name: '粉笔', unit: '盒', location: '仓库A' }]);
  fillSheet(bundle.emu, 'stockMovements', [
    { date: day('2026-08-30'), itemId: 'WZ-01', type: '采购入库', quantity: 10 },
  ]);
  fillSheet(bundle.emu, 'feeItems', [
    { code: 'F01', name: '作业本费', kind: '代办费', standard: 12.5, unit: '学期' },
    {
      code: 'F03',
      name: '住宿费',
      kind: '核定收费',
      standard: 800,
      unit: '学期',
      approvalRef: '价〔2025〕12号',
    },
  ]);
  fillSheet(bundle.emu, 'feePayments', [
    {
      receiptNo: 'S01',
      date: day('2026-11-02'),
      itemCode: 'F01',
      payer: '张三',
      className: '初一(1)班',
      amount: 12.5,
      collector: '刘洋',
      depositDate: day('2026-11-02'),
    },
  ]);
  fillSheet(bundle.emu, 'repairs', [
    {
      repairId: 'R-001',
      reportedAt: day('2026-11-10'),
      location: '初一(1)班',
      description: '门锁损坏',
      status: '已完成',
    },
  ]);
  return bundle;
}

/** What the dialog's PDF buttons send: the reference embedded in the page, exactly as the page reads it. */
function refOf(html: string): unknown {
  const json = /<script type="application\/json" id="houqin-pdf">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('the dialog has no PDF buttons');
  return (JSON.parse(json) as { ref: unknown }).ref;
}

/** Opens a document's dialog from the menu (answering its question, if any) and returns the page. */
function open(bundle: Bundle, menu: string, answer?: string): string {
  if (answer !== undefined) bundle.emu.ui.answerPrompts({ button: 'OK', text: answer });
  const before = bundle.emu.ui.dialogs.length;
  bundle.clickMenu(menu);
  expect(bundle.emu.ui.dialogs).toHaveLength(before + 1);
  return bundle.emu.ui.dialogs.at(-1)!.html;
}

interface PdfReply {
  ok: boolean;
  fileName?: string;
  base64?: string;
  message?: string;
}

const pdfOf = (bundle: Bundle, ref: unknown) => bundle.run('apiDocumentPdf', ref) as PdfReply;
const mailOf = (bundle: Bundle, ref: unknown) =>
  bundle.run('apiEmailDocumentPdf', ref) as { ok: boolean; message: string };

/** The bytes as text: the stand-in PDF's header and page are ASCII, its embedded source HTML UTF-8. */
const bytesOf = (reply: PdfReply) => Buffer.from(reply.base64!, 'base64').toString('utf8');

describe("every document's dialog gives a PDF the office can keep", () => {
  const cases: [kind: string, menu: string, answer: string | undefined, file: string, content: string][] = [
    ['handover', '打印财产交接单…', '三年级2班', '财产交接单-三年级2班-第一学期.pdf', '多媒体讲台'],
    ['every room', '打印财产交接单…', '', '财产交接单-全部房间-第一学期.pdf', '室102'],
    ['fee notice', '打印收费公示', undefined, '收费公示-2026年12月1日.pdf', '价〔2025〕12号'],
    ['fee accounts', '打印月度收费账目…', '', '月度收费账目-2026-11.pdf', '刘洋'],
    ['agency statement', '打印代办费清单…', '初一(1)班', '代办费清单-初一(1)班-第一学期.pdf', '张三'],
    [
      'damage',
      '打印班级财产损坏统计（上月、本学期）',
      undefined,
      '班级财产损坏统计-2026-11.pdf',
      '初一(1)班',
    ],
    ['safety report', '预览上月安全月报', undefined, '安全月报-2026-11.pdf', '学校安全工作月报'],
  ];

  it.each(cases)(
    '%s: 下载 PDF returns the rebuilt document as a named PDF',
    (_kind, menu, answer, file, content) => {
      const bundle = school();
      const page = open(bundle, menu, answer);
      expect(page).toContain('>下载 PDF</button>');
      expect(page).toContain('>发送 PDF 到我的邮箱</button>');
      const reply = pdfOf(bundle, refOf(page));
      expect(reply).toMatchObject({ ok: true, fileName: file });
      const bytes = bytesOf(reply);
      expect(bytes.startsWith('%PDF-')).toBe(true);
      expect(bytes).toContain(content);
      expect(bytes).toContain('第一中学');
      // The PDF is the page without its buttons.
      expect(bytes).not.toContain('data-pdf');
      expect(bytes).not.toContain('window.print');
    },
  );

  it('the stocktake count sheet under way', () => {
    const bundle = school();
    bundle.clickMenu('开始盘点');
    const reply = pdfOf(bundle, refOf(open(bundle, '打印盘点表')));
    expect(reply).toMatchObject({ ok: true, fileName: '财产物资盘点表-2026年12月1日.pdf' });
    expect(bytesOf(reply)).toContain('粉笔');
  });

  it('in English when Settings say so: the buttons, the file name and the e-mail', () => {
    const bundle = school();
    setSetting(bundle.emu, '界面语言', 'English');
    const page = open(bundle, '打印收费公示');
    expect(page).toContain('>Download PDF</button>');
    expect(page).toContain('>E-mail the PDF to me</button>');
    expect(pdfOf(bundle, refOf(page)).fileName).toMatch(/^Fee notice-.*\.pdf$/);
    expect(mailOf(bundle, refOf(page)).message).toMatch(
      /^Sent Fee notice-.*\.pdf to head@school\.example\.$/,
    );
    expect(bundle.emu.mail.outbox[0]!.subject).toMatch(/^第一中学 Fee notice \(/);
  });

  it('rebuilds from the workbook as it is now, not from what the page showed', () => {
    const bundle = school();
    const page = open(bundle, '打印收费公示');
    fillSheet(bundle.emu, 'feeItems', [
      { code: 'F09', name: '午餐费', kind: '代办费', standard: 5, unit: '天' },
    ]);
    expect(bytesOf(pdfOf(bundle, refOf(page)))).toContain('午餐费');
  });

  it('reads each sheet once: the same service calls for 300 and for 5,000 assets', () => {
    const calls = (n: number) => {
      const bundle = school(n);
      bundle.emu.calls.reset();
      expect(pdfOf(bundle, { kind: 'handover', who: '三年级2班' }).ok).toBe(true);
      return bundle.emu.calls.snapshot();
    };
    expect(calls(5000)).toEqual(calls(300));
  });
});

describe('a crafted call is refused with a message, and nothing is made or sent', () => {
  const BAD: [string, unknown][] = [
    ['an unknown document', { kind: 'minutes' }],
    ['no document at all', undefined],
    ['a string', '财产交接单'],
    ['HTML sent along', { kind: 'feeNotice', html: '<h1>伪造</h1>' }],
    ['a huge name', { kind: 'handover', who: '室'.repeat(100_000) }],
    ['a month that is not one', { kind: 'safety', month: '2026-13' }],
    ['a number for a class', { kind: 'agencyStatement', className: 3 }],
  ];

  it.each(BAD)('%s', (_what, ref) => {
    const bundle = school();
    bundle.emu.calls.reset();
    for (const reply of [pdfOf(bundle, ref), mailOf(bundle, ref)])
      expect(reply).toEqual({
        ok: false,
        message: '无法识别要生成哪份文件，没有生成或发送任何内容。请从「后勤助手」菜单重新打开这份文件。',
      });
    expect(bundle.emu.mail.outbox).toHaveLength(0);
    expect(bundle.emu.calls.count('Blob.getAs')).toBe(0);
  });

  it('a room nobody has: says so', () => {
    const reply = pdfOf(school(), { kind: 'handover', who: '不存在的房间' });
    expect(reply).toEqual({
      ok: false,
      message: '资产登记中没有存放地点或保管人为「不存在的房间」的在册资产。',
    });
  });
});

describe('发送 PDF 到我的邮箱', () => {
  const REF = { kind: 'handover', who: '三年级2班' };

  it('sends one message with the PDF attached, to the signed-in user only', () => {
    const bundle = school();
    const reply = mailOf(bundle, REF);
    expect(reply).toEqual({
      ok: true,
      message: `已把 财产交接单-三年级2班-第一学期.pdf 发送到 ${STAFF.head}，请查收。`,
    });
    expect(bundle.emu.mail.outbox).toHaveLength(1);
    const mail = bundle.emu.mail.outbox[0]!;
    expect(mail.to).toBe(STAFF.head);
    expect(mail.cc).toBeUndefined();
    expect(mail.subject).toBe('第一中学班级（部门）财产交接单（三年级2班，第一学期）');
    expect(mail.body).toContain('财产交接单');
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments![0]!;
    expect([pdf.name, pdf.contentType]).toEqual(['财产交接单-三年级2班-第一学期.pdf', 'application/pdf']);
    expect(pdf.html).toContain('多媒体讲台');
  });

  it('escapes what the workbook holds in the message', () => {
    const bundle = school();
    setSetting(bundle.emu, '学校名称', '<b>第一中学</b>');
    expect(mailOf(bundle, REF).ok).toBe(true);
    const mail = bundle.emu.mail.outbox[0]!;
    expect(mail.htmlBody).toContain('&lt;b&gt;第一中学&lt;/b&gt;');
    expect(mail.htmlBody).not.toContain('<b>');
  });

  it("short of today's quota: nothing is sent, and the message says so", () => {
    const bundle = school();
    bundle.emu.mail.setQuota(0);
    expect(mailOf(bundle, REF)).toEqual({
      ok: false,
      message: '今天的邮件配额已经用完，PDF 没有发送。请改用「下载 PDF」保存，或明天再发送。',
    });
    expect(bundle.emu.mail.outbox).toHaveLength(0);
  });

  it('without the signed-in address: nothing is sent, and the message says why', () => {
    const bundle = school();
    bundle.emu.setActiveUser('');
    const reply = mailOf(bundle, REF);
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('无法取得您登录的邮箱地址');
    expect(bundle.emu.mail.outbox).toHaveLength(0);
  });

  it('a send that fails is never said to be sent', () => {
    const bundle = school();
    bundle.emu.mail.failNext(1, 'Service unavailable: Email.');
    const reply = mailOf(bundle, REF);
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(/^PDF 没有发送：.*Service unavailable: Email\.$/);
    expect(bundle.emu.mail.outbox).toHaveLength(0);
  });
});
