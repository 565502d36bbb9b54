/**
 * The school's side of the playground: the request page and status pages at /app (what a room's
 * QR code opens), and the QR label sheet at /labels, each served by the built bundle's doGet or menu
 * item. Scanning a code is opening its URL here. The emulated deployment is this server's /app.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from '../emulator/bundle';
import { deployWebApp } from '../emulator/webapp';
import { handleRun, RUN_ENDPOINT, serveSidebarHtml } from './bridge';

export const APP_PATH = '/app';
export const LABELS_PATH = '/labels';

/** The page for a GET of /app or /labels, or null for any other path. */
export function webAppPage(bundle: Bundle, url: URL): string | null {
  if (url.pathname !== APP_PATH && url.pathname !== LABELS_PATH) return null;
  deployWebApp(bundle.emu, `${url.origin}${APP_PATH}`);
  if (url.pathname === LABELS_PATH) {
    const shown = bundle.emu.ui.dialogs.length;
    // /labels: a label per room; /labels?of=assets: a label per asset.
    bundle.call(url.searchParams.get('of') === 'assets' ? 'menuPrintAssetLabels' : 'menuPrintRoomLabels');
    const dialog = bundle.emu.ui.dialogs[shown];
    return dialog
      ? dialog.html
      : `<p>${(bundle.emu.ui.alerts.at(-1)?.prompt ?? '').replace(/</g, '&lt;')}</p>`;
  }
  const parameter = Object.fromEntries(url.searchParams);
  const page = bundle.call('doGet', [{ parameter, queryString: url.search.slice(1) }]) as {
    getContent(): string;
  };
  return serveSidebarHtml(page.getContent());
}

/** The playground's hook: answers a GET of the web app's pages; false for anything else. */
export function serveWebApp(bundle: Bundle, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET') return false;
  const page = webAppPage(bundle, new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`));
  if (page === null) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page);
  return true;
}

/** The web app alone on localhost (for the browser tests): its pages and the run endpoint. */
export function startWebAppServer(bundle: Bundle): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (serveWebApp(bundle, req, res)) return;
    if (req.method === 'POST' && req.url === RUN_ENDPOINT) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, json } = handleRun(bundle, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(json));
      });
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}
