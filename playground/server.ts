/**
 * The playground's web server: the page, its JSON API, and the real sidebar with its
 * `google.script.run` bridge into the same bundle. Requests are handled one at a time, as the
 * bundle runs synchronously; with a workbook file, an action that changed the workbook is saved
 * back (see save.ts) before it answers. Only this machine's own page is answered (see guard.ts).
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fill } from '../src/core/i18n';
import { handleRun, openSidebarPage, RUN_ENDPOINT, serveSidebarHtml } from './bridge';
import { buildDemo, DEMO_NOW } from './demo';
import { readBody, refusalOf, tooLarge, type Refusal } from './guard';
import { insertUploaded, readUpload, UploadRefused, type UploadedSheet } from './upload';
import { inEveryLanguage, playgroundText } from './i18n';
import { openWorkbookFile, type Snapshot, type WorkbookFile } from './save';
import { Playground, type ClockRequest, type JobKind } from './session';
import { serveWebApp } from './webapp';
import {
  openXlsx,
  saveXlsx,
  UnreadableWorkbook,
  WorkbookTooLarge,
  type ConversionNotes,
  type Lack,
  type LoadedBook,
} from './xlsx';

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  port: number;
  /** An .xlsx to open instead of the demo; changes are saved back to it. */
  workbook?: string;
}

export interface RunningPlayground {
  url: string;
  playground: Playground;
  notes: ConversionNotes;
  /** Stops serving, then waits for a save under way. */
  close(): Promise<void>;
}

/** A problem the person starting the playground can fix; `key` names its message in `playground.cli`. */
export class StartError extends Error {
  constructor(
    readonly key:
      'fileMissing' | 'fileUnreadable' | 'tooLarge' | 'portInUse' | 'badOption' | UnreadableWorkbook['key'],
    readonly params: Record<string, string | number>,
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
  }
}

/** Where saves go when the file cannot hold everything Houqin changed: `office.xlsx` → `office.houqin.xlsx`. */
export function asideFile(file: string): string {
  const name = basename(file);
  const stem = name.replace(/\.xlsx$/i, '');
  return join(dirname(file), `${stem}.houqin.xlsx`);
}

async function openWorkbook(file: string): Promise<{
  playground: Playground;
  notes: ConversionNotes;
  saving: WorkbookFile;
  loaded: LoadedBook;
}> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StartError('fileMissing', { file });
    throw new StartError('fileUnreadable', { file, message: (error as Error).message });
  }
  const playground = Playground.create(new Date().toISOString());
  playground.emu.spreadsheet.rename(basename(file).replace(/\.xlsx$/i, ''));
  let opened: ReturnType<typeof openXlsx>;
  try {
    opened = openXlsx(playground.emu, bytes);
  } catch (error) {
    if (error instanceof WorkbookTooLarge) throw new StartError('tooLarge', { file, ...error.size });
    if (error instanceof UnreadableWorkbook) throw new StartError(error.key, { file, ...error.params });
    throw new StartError('fileUnreadable', { file, message: (error as Error).message });
  }
  // Only a file that opened is kept as FILE.bak, before anything can be saved over it.
  const saving = await openWorkbookFile(file, bytes);
  // The menu follows the workbook's language, as it would when Google opens the document.
  playground.bundle.open('FULL');
  return { playground, notes: opened.notes, saving, loaded: opened.loaded };
}

/** What the page says about what a file saved beside the original lacks. */
function describeLacks(lacks: readonly Lack[], text: ReturnType<typeof playgroundText>): string {
  return lacks
    .map((l) => fill(text.xlsx.lacks[l.kind], { sheet: l.sheet, count: l.count }))
    .join(text.xlsx.lackSeparator);
}

async function pageHtml(): Promise<string> {
  const dir = join(__dirname, 'page');
  const [html, css, js] = await Promise.all([
    readFile(join(dir, 'index.html'), 'utf8'),
    readFile(join(dir, 'style.css'), 'utf8'),
    build({
      entryPoints: [join(dir, 'main.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      logLevel: 'warning',
    }).then((r) => r.outputFiles[0]!.text),
  ]);
  return html
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${js.replace(/<\/script/gi, '<\\/script')}</script>`);
}

/** A JSON object body; anything else gets the same answer as a body that is not JSON. */
function parseObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  let playground: Playground;
  let notes: ConversionNotes = { skippedValidations: [] };
  let saving: WorkbookFile | null = null;
  let loaded: LoadedBook | null = null;
  if (options.workbook) ({ playground, notes, saving, loaded } = await openWorkbook(options.workbook));
  else {
    playground = Playground.create(DEMO_NOW);
    buildDemo(playground.bundle);
  }
  const page = await pageHtml();
  let lastSave = '';

  /** Saves the workbook file, if there is one; what the page says about it is kept in `lastSave`. */
  const save = async (file: WorkbookFile): Promise<void> => {
    const text = playgroundText(playground.lang());
    const original = options.workbook!;
    let lacks: Lack[] = [];
    try {
      await file.save(async (): Promise<Snapshot> => {
        const saved = saveXlsx(loaded!, playground.emu.spreadsheet);
        lacks = saved.lacks;
        // What the original cannot hold goes to a new file beside it; the original stays as it was.
        return lacks.length ? { bytes: saved.bytes, file: asideFile(original) } : saved.bytes;
      });
      lastSave = lacks.length
        ? fill(text.xlsx.savedAside, {
            file: asideFile(original),
            original,
            lacks: describeLacks(lacks, text),
          })
        : fill(text.saved, { file: original });
    } catch (error) {
      lastSave = fill(text.saveFailed, { file: options.workbook!, message: (error as Error).message });
    }
  };

  /** Runs one action and answers with its result, once the file is saved if the action changed it. */
  const act = async (
    res: ServerResponse,
    action: () => unknown,
    status: () => number = () => 200,
  ): Promise<void> => {
    const before = playground.workbookChanges();
    const result = action();
    if (saving && playground.workbookChanges() !== before) await save(saving);
    json(res, status(), result);
  };

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const html = (res: ServerResponse, text: string): void => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };

  const refuse = (res: ServerResponse, { status, message }: Refusal): void => json(res, status, { message });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refused = refusalOf(req);
    if (refused) return refuse(res, refused);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const get = req.method === 'GET';
    if (get && url.pathname === '/') return html(res, page);
    if (get && url.pathname === '/sidebar')
      return html(res, serveSidebarHtml(openSidebarPage(playground.bundle)));
    if (get && url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (serveWebApp(playground.bundle, req, res)) return;
    if (get && url.pathname === '/api/version') return json(res, 200, { version: playground.version });
    if (get && url.pathname === '/api/view') {
      const text = playground.view().text;
      const source = options.workbook
        ? fill(text.fileWorkbook, { file: options.workbook })
        : text.demoWorkbook;
      return json(res, 200, { ...playground.view(), source, lastSave });
    }
    if (req.method !== 'POST') return json(res, 404, { message: 'not found' });
    const body = await readBody(req);
    if (body === null) return refuse(res, tooLarge());
    if (url.pathname === RUN_ENDPOINT) {
      // The sidebar acts on the workbook behind the page's back: count it as an action.
      let status = 200;
      return act(
        res,
        () => {
          const answer = handleRun(playground.bundle, body);
          playground.version += 1;
          status = answer.status;
          return answer.json;
        },
        () => status,
      );
    }
    const input = parseObject(body);
    if (!input) return json(res, 400, { message: inEveryLanguage((t) => t.refusedType) });
    if (url.pathname === '/api/menu')
      return act(res, () =>
        playground.runMenu(
          String(input.functionName),
          Array.isArray(input.answers) ? (input.answers as (string | null)[]) : [],
        ),
      );
    if (url.pathname === '/api/upload') {
      const text = playgroundText(playground.lang());
      let sheets: UploadedSheet[];
      try {
        sheets = await readUpload(String(input.name ?? ''), Buffer.from(String(input.data ?? ''), 'base64'));
      } catch (error) {
        const problem = error instanceof UploadRefused ? error.problem : 'unreadable';
        return json(res, 400, { message: fill(text.upload.failed, { why: text.upload.refused[problem] }) });
      }
      return act(res, () => {
        const names = insertUploaded(playground.emu, sheets);
        playground.version += 1;
        return { message: fill(text.upload.done, { names: names.map((n) => `「${n}」`).join('、') }) };
      });
    }
    if (url.pathname === '/api/job') return act(res, () => playground.runJob(input.kind as JobKind));
    if (url.pathname === '/api/clock') {
      const target = playground.clockTarget(input as ClockRequest);
      if ('refused' in target) return json(res, 400, { message: target.refused });
      return act(res, () => playground.setToday(target.day));
    }
    return json(res, 404, { message: 'not found' });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => json(res, 500, { message: (error as Error).message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartError('portInUse', { port: options.port, next: options.port + 1 })
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    playground,
    notes,
    // A save under way is finished first: Ctrl+C never drops the last change.
    close: async () => {
      await new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      });
      await saving?.settled();
    },
  };
}
