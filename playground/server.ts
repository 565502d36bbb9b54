/**
 * The playground's web server: the page, its JSON API, and the real sidebar with its
 * `google.script.run` bridge into the same bundle. Requests are handled one at a time, as the
 * bundle runs synchronously; with a workbook file, each action is saved back before it answers.
 */
import { build } from 'esbuild';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fill } from '../src/core/i18n';
import type { Day } from '../src/core/time';
import { handleRun, openSidebarPage, RUN_ENDPOINT, serveSidebarHtml } from './bridge';
import { buildDemo, DEMO_NOW } from './demo';
import { Playground, type JobKind } from './session';
import { fromXlsx, toXlsx, type ConversionNotes } from './xlsx';

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
  close(): Promise<void>;
}

/** A problem the person starting the playground can fix; `key` names its message in `playground.cli`. */
export class StartError extends Error {
  constructor(
    readonly key: 'fileMissing' | 'fileUnreadable' | 'portInUse' | 'badOption',
    readonly params: Record<string, string | number>,
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
  }
}

async function openWorkbook(file: string): Promise<{ playground: Playground; notes: ConversionNotes }> {
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
  let notes: ConversionNotes;
  try {
    notes = await fromXlsx(playground.emu, bytes);
  } catch (error) {
    throw new StartError('fileUnreadable', { file, message: (error as Error).message });
  }
  // The menu follows the workbook's language, as it would when Google opens the document.
  playground.bundle.open('FULL');
  return { playground, notes };
}

/** Writes the workbook back; the file as it was opened is kept beside it as FILE.xlsx.bak. */
function saver(playground: Playground, file: string): () => Promise<string> {
  let backedUp = false;
  return async () => {
    if (!backedUp) {
      await copyFile(file, `${file}.bak`);
      backedUp = true;
    }
    const { bytes } = await toXlsx(playground.emu.spreadsheet);
    await writeFile(file, bytes);
    return fill(playground.view().text.saved, { file });
  };
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  let playground: Playground;
  let notes: ConversionNotes = { skippedValidations: [] };
  if (options.workbook) ({ playground, notes } = await openWorkbook(options.workbook));
  else {
    playground = Playground.create(DEMO_NOW);
    buildDemo(playground.bundle);
  }
  const save = options.workbook ? saver(playground, options.workbook) : null;
  const page = await pageHtml();
  let lastSave = '';

  /** Runs one action, saves the workbook if there is a file, and answers with the action's result. */
  const act = async (
    res: ServerResponse,
    action: () => unknown,
    status: () => number = () => 200,
  ): Promise<void> => {
    const result = action();
    if (save)
      try {
        lastSave = await save();
      } catch (error) {
        lastSave = fill(playground.view().text.saveFailed, {
          file: options.workbook!,
          message: (error as Error).message,
        });
      }
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

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const get = req.method === 'GET';
    if (get && url.pathname === '/') return html(res, page);
    if (get && url.pathname === '/sidebar')
      return html(res, serveSidebarHtml(openSidebarPage(playground.bundle)));
    if (get && url.pathname === '/favicon.ico') return void res.writeHead(204).end();
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
    const input = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    if (url.pathname === '/api/menu')
      return act(res, () =>
        playground.runMenu(String(input.functionName), (input.answers as (string | null)[]) ?? []),
      );
    if (url.pathname === '/api/job') return act(res, () => playground.runJob(input.kind as JobKind));
    if (url.pathname === '/api/clock') {
      if (typeof input.today === 'string' && DAY_RE.test(input.today))
        return act(res, () => playground.setToday(input.today as Day));
      if (typeof input.days === 'number' && Number.isInteger(input.days))
        return act(res, () => playground.advanceDays(input.days as number));
      return json(res, 400, { message: 'Expected {today: "yyyy-MM-dd"} or {days: n}' });
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
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
