// `npm start -- --workbook FILE.xlsx`: the file is opened instead of the demo, every change is
// saved back to it (the file as opened kept as FILE.xlsx.bak), and what can go wrong is said clearly.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../emulator';
import { cliText } from '../../playground/cli';
import { startPlayground, StartError, type RunningPlayground } from '../../playground/server';
import { fromXlsx } from '../../playground/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'houqin-playground-'));
const open: RunningPlayground[] = [];

async function start(options: Parameters<typeof startPlayground>[0]): Promise<RunningPlayground> {
  const running = await startPlayground(options);
  open.push(running);
  return running;
}

async function post(running: RunningPlayground, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, running.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

afterAll(async () => {
  await Promise.all(open.map((r) => r.close()));
});

describe('the playground on a workbook file', () => {
  it('offers to set up a workbook without Houqin sheets, then saves the result back, keeping a .bak', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('我们的表').getCell('A1').value = '00123';
    const file = join(dir, 'office.xlsx');
    const original = Buffer.from(await book.xlsx.writeBuffer());
    writeFileSync(file, original);

    const running = await start({ port: 0, workbook: file });
    const view = (await (await fetch(new URL('/api/view', running.url))).json()) as {
      setUp: boolean;
      setupFunction: string;
      source: string;
    };
    expect(view.setUp).toBe(false);
    expect(view.source).toContain(file);
    expect(readFileSync(`${file}.bak`)).toEqual(original);

    await post(running, '/api/menu', { functionName: view.setupFunction });
    expect(readFileSync(`${file}.bak`)).toEqual(original);
    const saved = createEmulator();
    await fromXlsx(saved, readFileSync(file));
    const names = saved.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['设置', '维修记录', '我们的表']));
    expect(saved.spreadsheet.getSheetByName('我们的表')!.getRange('A1').getValue()).toBe('00123');

    // Later actions leave the .bak as the file was when opened.
    await post(running, '/api/clock', { days: 1 });
    expect(readFileSync(`${file}.bak`)).toEqual(original);
  });

  it('says which file is missing or unreadable', async () => {
    const missing = join(dir, 'nope.xlsx');
    await expect(startPlayground({ port: 0, workbook: missing })).rejects.toMatchObject({
      key: 'fileMissing',
      params: { file: missing },
    });
    const garbage = join(dir, 'garbage.xlsx');
    writeFileSync(garbage, 'this is not a spreadsheet');
    const error = (await startPlayground({ port: 0, workbook: garbage }).catch(
      (e: unknown) => e,
    )) as StartError;
    // The reason, and what to do: a text file is not a zip, so it is no .xlsx.
    expect(error.key).toBe('notZip');
    expect(cliText(error.key, error.params)).toMatch(
      /无法打开 .*garbage\.xlsx：它不是 \.xlsx 工作簿[\s\S]*Cannot open .*garbage\.xlsx: it is not an \.xlsx workbook/,
    );
  });

  it('says the port is in use and suggests --port', async () => {
    const first = await start({ port: 0 });
    const port = Number(new URL(first.url).port);
    const error = (await startPlayground({ port }).catch((e: unknown) => e)) as StartError;
    expect(error).toBeInstanceOf(StartError);
    expect(error.key).toBe('portInUse');
    expect(cliText(error.key, error.params)).toContain(`--port ${port + 1}`);
  });
});
