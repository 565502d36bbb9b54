import { request } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { encode } from 'iconv-lite';
import { createEmulator, type Emulator } from '../../emulator';
import { decodeCsv, insertUploaded, parseCsv, readUpload, UploadRefused } from '../../playground/upload';
import { startPlayground } from '../../playground/server';
import { toXlsx } from '../../playground/xlsx';
import { loadBundle, type Bundle } from '../support/bundle';
import { ASSET_LEDGER_HEADER, assetLedger } from '../support/ledgers';

const TZ = 'Asia/Shanghai';

function setUp(): Bundle {
  const bundle = loadBundle(createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ }));
  bundle.open();
  bundle.call('menuSetUpWorkbook');
  return bundle;
}

/** The ledger as Excel saves it to CSV: every cell as text, dates as the office typed them. */
function ledgerCsv(): string {
  const cell = (v: unknown) => {
    const text = v instanceof Date ? '2022/3/5' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return assetLedger()
    .map((r) => r.map(cell).join(','))
    .join('\r\n');
}

const values = (emu: Emulator, name: string) =>
  emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();

/** Uploads like the playground's page does, then imports with the bundle's own calls. */
async function importFile(bundle: Bundle, name: string, bytes: Uint8Array) {
  const sheets = await readUpload(name, bytes);
  const [sheet] = insertUploaded(bundle.emu, sheets);
  return {
    sheet: sheet!,
    preview: bundle.run('apiImportPreview', { source: sheet, target: 'assets' }) as {
      ok: boolean;
      preview: { counts: Record<string, number> };
    },
    write: () =>
      bundle.run('apiImportWrite', { source: sheet, target: 'assets' }) as { ok: boolean; message: string },
  };
}

/** A zip of one entry, made by hand (PKWARE APPNOTE 4.3): local header, data, central directory, end. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

describe('playground: a ledger file imported through the same core', () => {
  it('reads a .csv in GB18030/GBK as Chinese Excel writes it, in UTF-8 with a BOM and without', async () => {
    const text = ledgerCsv();
    const gbk = new Uint8Array(encode(text, 'gbk'));
    const bom = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const plain = new Uint8Array(Buffer.from(text, 'utf8'));
    for (const bytes of [gbk, bom, plain]) expect(decodeCsv(bytes)).toBe(text);
    expect(parseCsv(decodeCsv(gbk))[3]).toEqual(ASSET_LEDGER_HEADER);
    expect(parseCsv('a,"b,""c""\r\nd",e\n1,2,3')).toEqual([
      ['a', 'b,"c"\r\nd', 'e'],
      ['1', '2', '3'],
    ]);
  });

  it('a GBK .csv ledger imports its 8 assets, ids kept as text, as the same ledger in the workbook would', async () => {
    const bundle = setUp();
    const file = await importFile(bundle, '固定资产台账.csv', new Uint8Array(encode(ledgerCsv(), 'gbk')));
    expect(file.sheet).toBe('固定资产台账');
    expect(file.preview.preview.counts).toMatchObject({ add: 8, skipped: 3 });
    expect(file.write()).toMatchObject({ ok: true });
    const assets = values(bundle.emu, '固定资产');
    expect(assets.slice(1).map((r) => r[0])).toEqual([
      'ZC00001',
      'ZC00002',
      'ZC00003',
      'ZC00004',
      'ZC00005',
      'ZC00006',
      'ZC00007',
      'ZC00008',
    ]);
    expect(assets[1]![7]).toBe(12800);
  });

  it('an .xlsx ledger (read with the playground’s own reader) imports the same way', async () => {
    const scratch = createEmulator({ timeZone: TZ });
    const ledger = assetLedger();
    const sheet = scratch.spreadsheet.getSheets()[0]!;
    sheet.setName('台账');
    sheet.getRange(1, 1, ledger.length, 13).setValues(ledger);
    const { bytes } = await toXlsx(scratch.spreadsheet);
    const bundle = setUp();
    const file = await importFile(bundle, 'ledger.xlsx', new Uint8Array(bytes));
    expect(file.sheet).toBe('台账');
    expect(file.preview.preview.counts).toMatchObject({ add: 8, skipped: 3 });
    expect(file.write()).toMatchObject({ ok: true });
    expect(values(bundle.emu, '固定资产')).toHaveLength(9);
  });

  it('a second upload of the same name gets its own sheet; nothing of the workbook is replaced', async () => {
    const bundle = setUp();
    const bytes = new Uint8Array(Buffer.from(ledgerCsv()));
    const first = insertUploaded(bundle.emu, await readUpload('台账.csv', bytes));
    const second = insertUploaded(bundle.emu, await readUpload('台账.csv', bytes));
    expect([first, second]).toEqual([['台账'], ['台账 (2)']]);
    expect(values(bundle.emu, '台账')).toEqual(values(bundle.emu, '台账 (2)'));
  });

  it('a cell holding "=…" arrives as text, never as a formula', async () => {
    const bundle = setUp();
    const csv =
      '资产编号,资产名称,类别,存放地点,保管人,状态\r\nH-1,"=HYPERLINK(""http://evil"")",家具,101,王老师,在用';
    const [name] = insertUploaded(bundle.emu, await readUpload('x.csv', new Uint8Array(Buffer.from(csv))));
    const sheet = bundle.emu.spreadsheet.getSheetByName(name!)!;
    expect(sheet.getRange('B2').getFormula()).toBe('');
    expect(sheet.getRange('B2').getValue()).toBe('=HYPERLINK("http://evil")');
  });

  it.each([
    ['a text file named .xlsx', 'ledger.xlsx', Buffer.from('卡片编号,名称\n1,2'), 'notZip'],
    ['a zip bomb', 'bomb.xlsx', zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024)), 'zipBomb'],
    ['a zip that is no workbook', 'other.xlsx', zipOf('hello.txt', Buffer.from('hello')), 'unreadable'],
    ['an .xlsx renamed .csv', 'ledger.csv', zipOf('hello.txt', Buffer.from('hello')), 'kind'],
    ['a .pdf', 'ledger.pdf', Buffer.from('%PDF-1.4'), 'kind'],
    ['an empty .csv', 'empty.csv', Buffer.from(',,\r\n,,\r\n'), 'empty'],
    ['100,000 rows', 'big.csv', Buffer.from('编号,名称\n' + 'A,b\n'.repeat(100_000)), 'tooLarge'],
  ])('refuses %s with its reason, adding no sheet', async (_, name, bytes, problem) => {
    const bundle = setUp();
    const before = bundle.emu.spreadsheet.getSheets().length;
    await expect(readUpload(name, new Uint8Array(bytes))).rejects.toMatchObject({ problem });
    await expect(readUpload(name, new Uint8Array(bytes))).rejects.toBeInstanceOf(UploadRefused);
    expect(bundle.emu.spreadsheet.getSheets()).toHaveLength(before);
  });
});

describe('the playground page’s upload', () => {
  /** A POST as the playground's page makes it. */
  function post(
    url: string,
    path: string,
    body: unknown,
  ): Promise<{ status: number; json: { message: string } }> {
    const at = new URL(path, url);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: at.port,
          path: at.pathname,
          method: 'POST',
          agent: false,
          headers: { host: at.host, origin: at.origin, 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  it('adds a GBK .csv as a new sheet and says how to import it; refuses a non-zip .xlsx saying why', async () => {
    const running = await startPlayground({ port: 0 });
    try {
      const sheets = () => running.playground.emu.spreadsheet.getSheets().map((s) => s.getName());
      const before = sheets();
      const data = Buffer.from(encode(ledgerCsv(), 'gbk')).toString('base64');
      const ok = await post(running.url, '/api/upload', { name: '资产台账.csv', data });
      expect(ok.status).toBe(200);
      expect(ok.json.message).toContain('已把「资产台账」作为新工作表加入工作簿');
      expect(sheets()).toEqual([...before, '资产台账']);
      const bad = await post(running.url, '/api/upload', {
        name: 'x.xlsx',
        data: Buffer.from('hello').toString('base64'),
      });
      expect(bad).toEqual({
        status: 400,
        json: {
          message:
            '没有导入任何内容：这个文件不是 .xlsx（.xlsx 是 zip 压缩包，这个文件不是）。请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再试。',
        },
      });
      expect(sheets()).toEqual([...before, '资产台账']);
    } finally {
      await running.close();
    }
  });
});
