// `npm start`'s promises, tried against the running playground server over HTTP and the real save
// path on temporary files: a save never breaks or loses the file, only this machine's own page
// drives it, and it stays up whatever it is sent.
import { fork } from 'node:child_process';
import ExcelJS from 'exceljs';
import fsp from 'node:fs/promises';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../emulator';
import { cliText } from '../../playground/cli';
import { MAX_BODY_BYTES } from '../../playground/guard';
import { startPlayground, type RunningPlayground } from '../../playground/server';
import { CLOCK_WINDOW, MAX_CLOCK_STEP_DAYS } from '../../playground/session';
import { runMenuKey } from '../../playground/menu';
import { fromXlsx, MAX_CELLS, toXlsx } from '../../playground/xlsx';
import { loadBundle } from '../support/bundle';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'houqin-safety-'));
const open: RunningPlayground[] = [];

async function start(options: Parameters<typeof startPlayground>[0]): Promise<RunningPlayground> {
  const running = await startPlayground(options);
  open.push(running);
  return running;
}

afterAll(async () => {
  await Promise.allSettled(open.map((r) => r.close()));
});

interface Answer {
  status: number;
  body: string;
  json: { message?: string; result?: unknown } & Record<string, unknown>;
}

/** One HTTP request with exactly these headers (fetch would not let a test set Host). */
function send(
  running: RunningPlayground,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const url = new URL(path, running.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method,
        agent: false,
        headers: { host: url.host, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Answer['json'] = {};
          try {
            json = JSON.parse(text) as Answer['json'];
          } catch {
            // an HTML page
          }
          resolve({ status: res.statusCode ?? 0, body: text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A POST as the playground's own page makes it: its origin, a JSON body. */
function post(running: RunningPlayground, path: string, body: unknown): Promise<Answer> {
  return send(running, path, {
    method: 'POST',
    headers: { origin: new URL(running.url).origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const run = (running: RunningPlayground, name: string, ...args: unknown[]) =>
  post(running, '/__run', { name, args });

const repair = (description: string) => ({ location: '初一(1)班', description });

function repairsIn(bytes: Buffer): Promise<string[]> {
  const emu = createEmulator();
  return fromXlsx(emu, bytes).then(() =>
    emu.spreadsheet
      .getSheetByName('维修记录')!
      .getDataRange()
      .getValues()
      .flat()
      .filter((v): v is string => typeof v === 'string' && v.startsWith('测试')),
  );
}

let template: Buffer;
beforeAll(async () => {
  // A set-up workbook cut to 20 rows a sheet: the full template's 1,000 make each save seconds long.
  const emu = createEmulator({ spreadsheetName: '后勤管理' });
  const bundle = loadBundle(emu);
  bundle.open('FULL');
  runMenuKey(bundle, 'setup');
  for (const sheet of emu.spreadsheet.getSheets()) sheet.deleteRows(21, sheet.getMaxRows() - 20);
  template = (await toXlsx(emu.spreadsheet)).bytes;
});

/** A set-up workbook file of its own for each test. */
function workbookFile(name: string): string {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, template);
  return file;
}

describe('a save never breaks or loses the file', () => {
  it('leaves the file alone after a run that only read it, and saves one that changed it', async () => {
    const file = workbookFile('read-only');
    const running = await start({ port: 0, workbook: file });
    const before = statSync(file);

    const data = await run(running, 'apiSidebarData');
    expect(data.status).toBe(200);
    await run(running, 'apiMyTasks');
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readFileSync(file)).toEqual(template);

    const reported = await run(running, 'apiSubmitReportRepair', repair('测试：窗户玻璃破裂'));
    expect(reported.status).toBe(200);
    await expect(repairsIn(readFileSync(file))).resolves.toEqual(['测试：窗户玻璃破裂']);
  });

  it('keeps the file as Houqin first opened it as .bak, never overwritten by a later run', async () => {
    const file = workbookFile('backup');
    const first = await start({ port: 0, workbook: file });
    // Taken on opening, before any save.
    expect(readFileSync(`${file}.bak`)).toEqual(template);
    await run(first, 'apiSubmitReportRepair', repair('测试：第一次'));
    await first.close();

    const second = await start({ port: 0, workbook: file });
    await run(second, 'apiSubmitReportRepair', repair('测试：第二次'));
    expect(readFileSync(`${file}.bak`)).toEqual(template);
    await expect(repairsIn(readFileSync(file))).resolves.toEqual(['测试：第一次', '测试：第二次']);
  });

  it('saves one at a time, each through a temporary file renamed over the original', async () => {
    const file = workbookFile('queue');
    const running = await start({ port: 0, workbook: file });
    const writes: string[] = [];
    const renames: [string, string][] = [];
    let writing = 0;
    let mostAtOnce = 0;
    const realWrite = fsp.writeFile;
    const realRename = fsp.rename;
    // Slow writes: saves that were not queued would overlap.
    const writeSpy = jest.spyOn(fsp, 'writeFile').mockImplementation(async (path, data, options) => {
      writes.push(String(path));
      mostAtOnce = Math.max(mostAtOnce, ++writing);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await realWrite(path, data, options);
      writing -= 1;
    });
    const renameSpy = jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      renames.push([String(from), String(to)]);
      await realRename(from, to);
    });
    try {
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => run(running, 'apiSubmitReportRepair', repair(`测试：第${n}处`))),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      writeSpy.mockRestore();
      renameSpy.mockRestore();
    }
    expect(mostAtOnce).toBe(1);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes).not.toContain(file);
    expect(renames.length).toBe(writes.length);
    for (const [from, to] of renames) {
      expect(to).toBe(file);
      expect(from.startsWith(dir)).toBe(true); // the same folder: a rename, not a copy
    }
    // The last save holds every change, whichever request it answered.
    await expect(repairsIn(readFileSync(file))).resolves.toHaveLength(5);
  });

  it('killed in the middle of writing a save, leaves the old file whole', async () => {
    const file = workbookFile('killed');
    // A playground in a process of its own whose saves stop halfway through writing: the test
    // kills it there, as Ctrl+C twice or a closed terminal would.
    const child = join(dir, 'halfway.ts');
    writeFileSync(
      child,
      `const fsp = require('node:fs/promises');
const { writeFileSync } = require('node:fs');
const { startPlayground } = require(${JSON.stringify(join(ROOT, 'playground', 'server'))});
const realWrite = fsp.writeFile;
fsp.writeFile = (path, data, options) => {
  if (String(path).includes('.bak')) return realWrite(path, data, options);
  writeFileSync(path, data.subarray(0, data.length >> 1));
  process.send('halfway');
  return new Promise(() => {});
};
startPlayground({ port: 0, workbook: process.argv[2] }).then((r) => process.send(r.url));
`,
    );
    const proc = fork(child, [file], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    const messages: string[] = [];
    const next = () => new Promise<string>((resolve) => proc.once('message', (m) => resolve(String(m))));
    const url = await next();
    const halfway = next();
    const fake = { url } as RunningPlayground;
    void run(fake, 'apiSubmitReportRepair', repair('测试：保存到一半')).catch(() => undefined);
    messages.push(await halfway);
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
    expect(messages).toEqual(['halfway']);

    expect(readFileSync(file)).toEqual(template);
    // The next start clears what the killed save left and saves whole files again.
    const running = await start({ port: 0, workbook: file });
    expect(readdirSync(dir).filter((name) => name.startsWith('.killed.'))).toEqual([]);
    await run(running, 'apiSubmitReportRepair', repair('测试：再保存'));
    await expect(repairsIn(readFileSync(file))).resolves.toEqual(['测试：再保存']);
    expect(readFileSync(`${file}.bak`)).toEqual(template);
  });
});

describe("only this machine's own page drives it", () => {
  let running: RunningPlayground;
  beforeAll(async () => {
    running = await start({ port: 0 });
  });
  const reportedBy = (description: string) =>
    running.playground.emu.spreadsheet
      .getSheetByName('维修记录')!
      .getDataRange()
      .getValues()
      .filter((row) => row.includes(description));

  it("refuses another site's text/plain POST, which would otherwise write a record", async () => {
    const body = JSON.stringify({ name: 'apiSubmitReportRepair', args: [repair('测试：跨站')] });
    const crossSite = await send(running, '/__run', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.message).toContain('只接受本机演示页面自己发出的请求');
    const noOrigin = await send(running, '/__run', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body,
    });
    expect(noOrigin.status).toBe(403);
    const ownOriginPlainText = await send(running, '/__run', {
      method: 'POST',
      headers: { origin: new URL(running.url).origin, 'content-type': 'text/plain' },
      body,
    });
    expect(ownOriginPlainText.status).toBe(415);
    expect(ownOriginPlainText.json.message).toContain('application/json');
    expect(reportedBy('测试：跨站')).toEqual([]);

    // The page itself still works.
    expect((await run(running, 'apiSubmitReportRepair', repair('测试：本页'))).status).toBe(200);
    expect(reportedBy('测试：本页')).toHaveLength(1);
  });

  it('refuses a request for another host name, as a DNS-rebinding page sends, without the roster', async () => {
    const port = new URL(running.url).port;
    const rebound = await send(running, '/api/view', { headers: { host: `evil.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('lina@school.example');
    expect(rebound.body).toContain('localhost');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const own = await send(running, '/api/view', { headers: { host } });
      expect(own.status).toBe(200);
      expect(own.body).toContain('lina@school.example');
    }
  });

  it("calls only the bundle's entry points, not what its globals inherit", async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'Date', 'SpreadsheetApp', '__houqin']) {
      const answer = await run(running, name);
      expect({ name, status: answer.status }).toEqual({ name, status: 404 });
      expect(answer.json.message).toContain(name);
    }
    expect((await run(running, 'apiSidebarData')).status).toBe(200);
  });
});

describe('it stays up', () => {
  let running: RunningPlayground;
  beforeAll(async () => {
    running = await start({ port: 0 });
  });
  const today = () => running.playground.today();

  it('refuses a clock date that is not a real day, outside the window or too far ahead', async () => {
    const start = today();
    for (const [body, says] of [
      [{ today: '9999-99-99' }, '「9999-99-99」不是有效日期'],
      [{ today: '2026-02-30' }, '「2026-02-30」不是有效日期'],
      [{ today: '2026-9-1' }, '不是有效日期'],
      [{ today: '1999-12-31' }, `日期须在 ${CLOCK_WINDOW.from} 至 ${CLOCK_WINDOW.to} 之间`],
      [{ today: '2100-01-01' }, `日期须在 ${CLOCK_WINDOW.from} 至 ${CLOCK_WINDOW.to} 之间`],
      [{ days: 1e12 }, '日期须在'],
      [{ days: MAX_CLOCK_STEP_DAYS + 1 }, `最多前进 ${MAX_CLOCK_STEP_DAYS} 天`],
      [{ today: '2027-09-14' }, `最多前进 ${MAX_CLOCK_STEP_DAYS} 天`],
      [{ days: 1.5 }, '要前进的天数'],
      [{ today: 20260915 }, '要前进的天数'],
    ] as const) {
      const answer = await post(running, '/api/clock', body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.json.message).toContain(says);
    }
    expect(today()).toBe(start);
  });

  it('moves the clock a month at a time with automation on, and back any distance', async () => {
    const toggle = running.playground.view().menu.find((m) => m.caption.includes('自动提醒'))!;
    await post(running, '/api/menu', { functionName: toggle.functionName });
    expect(running.playground.emu.triggers.list().length).toBeGreaterThan(0);
    const start = today();
    const far = await post(running, '/api/clock', { today: '2099-12-31' });
    expect(far.status).toBe(400);
    const month = await post(running, '/api/clock', { days: MAX_CLOCK_STEP_DAYS });
    expect(month.status).toBe(200);
    expect((month.json as { fired: string[] }).fired.length).toBeGreaterThan(0);
    const back = await post(running, '/api/clock', { today: '2001-03-01' });
    expect(back.status).toBe(200);
    expect(today()).toBe('2001-03-01');
    expect(start).not.toBe('2001-03-01');
  });

  it('refuses a body over the limit with 413 and a message, and keeps serving', async () => {
    const big = JSON.stringify({ functionName: 'x', pad: 'a'.repeat(MAX_BODY_BYTES) });
    const answer = await post(running, '/api/menu', JSON.parse(big));
    expect(answer.status).toBe(413);
    expect(answer.json.message).toContain(`${MAX_BODY_BYTES / 1024} KB`);
    // Without a Content-Length the body is counted as it arrives.
    const chunked = await send(running, '/__run', {
      method: 'POST',
      headers: {
        origin: new URL(running.url).origin,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect((await send(running, '/api/version', {})).status).toBe(200);
  });

  it('refuses a workbook too large to hold in memory, before building anything from it', async () => {
    for (const [name, cell, rows, cols] of [
      ['whole-sheet', 'XFD1048576', 1048576, 16384],
      ['wide', 'ZZ3000', 3000, 702],
    ] as const) {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('大表');
      sheet.getCell('A1').value = '名称';
      sheet.getCell(cell).value = 1;
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
      const started = Date.now();
      const error = (await startPlayground({ port: 0, workbook: file }).catch((e: unknown) => e)) as {
        key: string;
        params: Record<string, string | number>;
      };
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(error.key).toBe('tooLarge');
      expect(error.params).toMatchObject({ file, sheet: '大表', rows, cols, max: MAX_CELLS });
      expect(cliText('tooLarge', error.params)).toContain(`「大表」用到第 ${rows} 行、第 ${cols} 列`);
      expect(existsSync(`${file}.bak`)).toBe(false);
    }
  });
});
