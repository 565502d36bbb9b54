import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createEmulator, type Emulator } from '.';

export const DIST = join(__dirname, '..', 'dist');

let code: vm.Script | null = null;

function script(): vm.Script {
  // `npm test` builds first; the tests run what we ship, never the sources.
  code ??= new vm.Script(readFileSync(join(DIST, 'Code.js'), 'utf8'), { filename: 'Code.js' });
  return code;
}

/**
 * JavaScript's own globals, bound once as script-scope constants before Code.js runs. A vm
 * context answers a name missing from the script's scopes through an interceptor on its sandbox
 * object, about 0.2 µs per lookup, where Apps Script's V8 answers in nanoseconds: Code.js naming
 * `Math`, `Date` or `Map` in a loop over 50,000 rows spent most of its measured time there. A
 * script's top-level `const` is seen by every later script of the same context, so Code.js finds
 * them as Apps Script's V8 would, without the sandbox. Services (SpreadsheetApp…) stay on the
 * sandbox, where tests may replace them.
 */
const BUILTINS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'BigInt',
  'Math',
  'JSON',
  'Date',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Reflect',
  'Proxy',
  'Intl',
  'ArrayBuffer',
  'Uint8Array',
  'Int32Array',
  'Float64Array',
  'DataView',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
  'escape',
  'unescape',
];

let builtins: vm.Script | null = null;

function bindBuiltins(context: vm.Context): void {
  builtins ??= new vm.Script(`const ${BUILTINS.map((name) => `${name} = globalThis.${name}`).join(', ')};`, {
    filename: 'builtins.js',
  });
  builtins.runInContext(context);
}

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** The shipped bundle loaded into a vm whose globals are the emulator's services. */
export interface Bundle {
  readonly emu: Emulator;
  readonly context: vm.Context;
  /** Calls a global function of Code.js as Apps Script would, in the given auth mode. */
  call(name: string, args?: unknown[], mode?: AuthMode): unknown;
  /** Simple trigger onOpen, in the auth mode Google would use. */
  open(mode?: AuthMode): void;
  /** Clicks a menu item by caption, as a user would (FULL auth). */
  clickMenu(caption: string): void;
  /** A google.script.run call: arguments and result cross as JSON, as Google serialises them. */
  run(name: string, ...args: unknown[]): unknown;
  /** Types into cells and fires the simple onEdit trigger (LIMITED auth), if the bundle has one. */
  edit(sheetName: string, a1: string, values: unknown): void;
}

function json(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function hasDate(value: unknown): boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (value && typeof value === 'object') return Object.values(value).some(hasDate);
  return false;
}

export function loadBundle(emu: Emulator = createEmulator()): Bundle {
  const context = vm.createContext({ ...emu.globals });
  bindBuiltins(context);
  script().runInContext(context);

  const call = (name: string, args: unknown[] = [], mode: AuthMode = 'FULL'): unknown => {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`Code.js has no global function ${name}`);
    const before = emu.authMode.get();
    emu.authMode.set(mode);
    try {
      return fn(...args);
    } finally {
      emu.authMode.set(before as AuthMode);
    }
  };

  const modeEnum = (mode: AuthMode) =>
    (emu.globals.ScriptApp as { AuthMode: Record<AuthMode, unknown> }).AuthMode[mode];

  return {
    emu,
    context,
    call,
    open(mode: AuthMode = 'LIMITED') {
      call(
        'onOpen',
        [{ authMode: modeEnum(mode), source: mode === 'NONE' ? undefined : emu.spreadsheet }],
        mode,
      );
    },
    clickMenu(caption: string) {
      const item = emu.ui.allMenuItems().find((i) => i.path[i.path.length - 1] === caption);
      if (!item) throw new Error(`no menu item "${caption}"`);
      call(item.functionName);
    },
    run(name: string, ...args: unknown[]) {
      const result = call(name, args.map(json));
      if (hasDate(result)) throw new Error(`${name} returned a Date: google.script.run cannot carry it`);
      return json(result);
    },
    edit(sheetName: string, a1: string, values: unknown) {
      const event = emu.edit(sheetName, a1, values);
      if (typeof context.onEdit === 'function') call('onEdit', [event], 'LIMITED');
    },
  };
}
