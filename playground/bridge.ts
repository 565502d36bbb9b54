/**
 * Runs the real sidebar page outside Google: a `google.script.run` shim for the browser and the
 * server half that answers it by calling the built dist/Code.js in the emulator. Used by the browser
 * tests and by the playground.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from '../emulator/bundle';
import { answerOf, readBody, refusalOf, tooLarge } from './guard';

export const RUN_ENDPOINT = '/__run';

/**
 * The script that defines `google.script.run` and `google.script.host` in the page, as Google's
 * client does: calls are asynchronous, arguments and results cross as JSON, `Date` arguments are
 * refused, handlers receive the user object. Each server call is a fetch POST of {name, args}.
 */
export function googleScriptRunShim(endpoint: string = RUN_ENDPOINT): string {
  // Plain ES2019 in a string: a compiled function's source could name helpers the page lacks.
  return `(function (endpoint) {
  function hasDate(v) {
    if (Object.prototype.toString.call(v) === '[object Date]') return true;
    return !!v && typeof v === 'object' && Object.keys(v).some(function (k) { return hasDate(v[k]); });
  }
  function call(h, name, args) {
    if (args.some(hasDate)) throw new TypeError('Failed due to illegal value in argument of ' + name + ': Date');
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: name, args: args }),
    })
      .then(function (res) {
        return res.json().then(function (json) {
          if (res.ok) { if (h.ok) h.ok(json.result, h.user); }
          else if (h.fail) h.fail(new Error(json.message || 'HTTP ' + res.status), h.user);
        });
      })
      .catch(function (error) {
        if (h.fail) h.fail(error instanceof Error ? error : new Error(String(error)), h.user);
      });
  }
  function runner(h) {
    return new Proxy({}, {
      get: function (_target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, h, { ok: f })); };
        if (prop === 'withFailureHandler') return function (f) { return runner(Object.assign({}, h, { fail: f })); };
        if (prop === 'withUserObject') return function (u) { return runner(Object.assign({}, h, { user: u })); };
        return function () { call(h, prop, Array.prototype.slice.call(arguments)); };
      },
    });
  }
  // The playground shows the page in a frame: tell the parent when the page asks to close or resize.
  function tellParent(message) {
    if (window.parent !== window) window.parent.postMessage(Object.assign({ houqin: true }, message), '*');
  }
  window.google = {
    script: {
      run: runner({}),
      host: {
        origin: location.origin,
        close: function () { tellParent({ action: 'close' }); },
        setHeight: function (height) { tellParent({ action: 'setHeight', height: height }); },
        setWidth: function (width) { tellParent({ action: 'setWidth', width: width }); },
        editor: { focus: function () { tellParent({ action: 'focusEditor' }); } },
      },
    },
  };
})(${JSON.stringify(endpoint)});`;
}

/** build.mjs gathers the entry module's exports on this global of Code.js. */
const EXPORTS = '__houqin';

/**
 * Whether `name` is one of the bundle's entry points. Only those: not what the context inherits
 * (`constructor`, `toString`), nor its other globals (`Date`, the services).
 */
function isEntryPoint(bundle: Bundle, name: string): boolean {
  const exports: unknown = Object.hasOwn(bundle.context, EXPORTS) ? bundle.context[EXPORTS] : undefined;
  return (
    typeof exports === 'object' &&
    exports !== null &&
    Object.hasOwn(exports, name) &&
    typeof (exports as Record<string, unknown>)[name] === 'function'
  );
}

/**
 * Answers one shim request: `bundle.run(name, ...args)` with Google's JSON semantics. A thrown
 * error becomes a 500 with its message, which the page's failure handler receives.
 */
export function handleRun(bundle: Bundle, body: string): { status: number; json: unknown } {
  let request: { name?: unknown; args?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return { status: 400, json: { message: 'Request body is not JSON' } };
  }
  const { name, args = [] } = request ?? {};
  if (typeof name !== 'string' || !Array.isArray(args))
    return { status: 400, json: { message: 'Expected {name, args}' } };
  // Google refuses names ending in '_' (private functions); so does the bridge.
  if (name.endsWith('_') || !isEntryPoint(bundle, name))
    return { status: 404, json: { message: `Script function not found: ${name}` } };
  try {
    return { status: 200, json: { result: bundle.run(name, ...args) } };
  } catch (error) {
    // Errors come from the vm's realm: read the message rather than test instanceof.
    const message = (error as { message?: unknown } | null)?.message;
    return { status: 500, json: { message: typeof message === 'string' ? message : String(error) } };
  }
}

/** The page as Google would serve it, with the shim defined before the page's own script runs. */
export function serveSidebarHtml(distHtml: string, endpoint: string = RUN_ENDPOINT): string {
  const shim = `<script>${googleScriptRunShim(endpoint).replace(/<\/script/gi, '<\\/script')}</script>`;
  const at = distHtml.search(/<script\b/i);
  if (at >= 0) return distHtml.slice(0, at) + shim + distHtml.slice(at);
  return distHtml.replace(/<\/head>/i, () => `${shim}</head>`);
}

/**
 * The sidebar page as the bundle serves it: its menu item runs, as when a person opens it, and the
 * page it showed (dist/Sidebar.html with the Settings language's text embedded) is returned.
 */
export function openSidebarPage(bundle: Bundle): string {
  const shown = bundle.emu.ui.sidebars.length;
  bundle.call('menuOpenSidebar');
  const page = bundle.emu.ui.sidebars[shown];
  if (!page) throw new Error('Opening the sidebar showed no sidebar');
  return page.html;
}

/**
 * Serves the sidebar page (opened afresh on every page load, so a rebuild or a language change
 * shows) and the run endpoint on localhost. Requests are handled one at a time, as the bundle runs
 * synchronously.
 */
export function startSidebarServer(
  bundle: Bundle,
  port = 0,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const send = (status: number, type: string, text: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(text);
    };
    const answer = ({ status, json }: { status: number; json: unknown }) =>
      send(status, 'application/json', JSON.stringify(json));
    const refused = refusalOf(req);
    if (refused) return answer(answerOf(refused));
    if (req.method === 'POST' && req.url === RUN_ENDPOINT) {
      void readBody(req).then((body) =>
        answer(body === null ? answerOf(tooLarge()) : handleRun(bundle, body)),
      );
      return;
    }
    if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
      send(200, 'text/html', serveSidebarHtml(openSidebarPage(bundle)));
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}
