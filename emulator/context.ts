/** Shared state of one emulator instance, plus call counting and the clock-aware Date class. */
import { isDateLike } from './tz';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface ClockDateCtor {
  new (): Date;
  new (value: number | string | Date): Date;
  new (
    year: number,
    monthIndex: number,
    date?: number,
    hours?: number,
    minutes?: number,
    seconds?: number,
    ms?: number,
  ): Date;
  now(): number;
  UTC: typeof Date.UTC;
  parse: typeof Date.parse;
  prototype: Date;
}

export interface Ctx {
  counts: Map<string, number>;
  /** Cells returned to the script by range getters (getValues, getFormulas, getNotes, …). */
  cellsRead: number;
  /** Depth of emulated calls in progress: a service method calling another is still one call. */
  callDepth: number;
  nowMs: number;
  ClockDate: ClockDateCtor;
  authMode: AuthModeName;
  activeUser: string;
  effectiveUser: string;
  uiAvailable: boolean;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  locale: string;
  logs: string[];
  toasts: { msg: string; title?: string; timeout?: number }[];
}

export function makeClockDate(ctx: { nowMs: number }): ClockDateCtor {
  const HostDate = Date;
  // A function (not a class) so that `Date()` without `new` returns a string, as in JavaScript.
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new HostDate(ctx.nowMs).toString();
    let ctorArgs: unknown[] = args;
    if (args.length === 0) ctorArgs = [ctx.nowMs];
    else if (args.length === 1 && isDateLike(args[0])) ctorArgs = [args[0].getTime()];
    return Reflect.construct(HostDate, ctorArgs, new.target) as unknown;
  }
  Object.setPrototypeOf(ClockDate, HostDate);
  // Share the host prototype: libraries that list Date.prototype's own methods (date-fns' TZDate
  // wraps every getter for its zone) must find them, as they would in Apps Script.
  ClockDate.prototype = HostDate.prototype;
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, 'now', { value: () => ctx.nowMs, writable: true, configurable: true });
  return ClockDate as unknown as ClockDateCtor;
}

/**
 * Wraps every public prototype method so each call the script makes increments `Class.method` in
 * `this._ctx.counts`; calls the emulator makes to itself inside one are not counted.
 */
export function countCalls(ctor: { prototype: object }, className: string): void {
  const proto = ctor.prototype as Record<string, unknown>;
  // toString() names the Apps Script class, whatever a bundler renames the emulator's class to.
  Object.defineProperty(proto, '_apiName', { value: className });
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc || typeof desc.value !== 'function') continue;
    const orig = desc.value as (...a: unknown[]) => unknown;
    const name = `${className}.${key}`;
    const wrapped = function (this: { _ctx: Ctx }, ...args: unknown[]): unknown {
      const ctx = this._ctx;
      if (ctx.callDepth === 0) ctx.counts.set(name, (ctx.counts.get(name) ?? 0) + 1);
      ctx.callDepth++;
      let result: unknown;
      try {
        result = orig.apply(this, args);
      } finally {
        ctx.callDepth--;
      }
      // Sheet.getSheetValues returns cells as Range.getValues does.
      if (ctx.callDepth === 0 && (className === 'Range' || key === 'getSheetValues'))
        ctx.cellsRead += cellsIn(key, result);
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: key });
    Object.defineProperty(proto, key, { ...desc, value: wrapped });
  }
}

const ONE_CELL_GETTERS = new Set(['getValue', 'getDisplayValue', 'getFormula', 'getNote', 'getBackground']);

/** Cells a Range method returned: a grid counts rows × columns; getValue and friends count one. */
function cellsIn(method: string, result: unknown): number {
  if (ONE_CELL_GETTERS.has(method)) return 1;
  if (!method.startsWith('get') || !Array.isArray(result)) return 0;
  let n = 0;
  for (const row of result) if (Array.isArray(row)) n += row.length;
  return n;
}

export function scriptError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

export function permissionError(method: string, scope?: string): Error {
  return scriptError(
    `You do not have permission to call ${method}.` + (scope ? ` Required permissions: ${scope}` : ''),
  );
}

/**
 * Defines Apps Script methods the emulator does not model so that calling one throws
 * "Range.moveTo is not implemented in the emulator" rather than a bare TypeError or, worse, nothing.
 */
export function notImplemented(ctor: { prototype: object }, className: string, names: string[]): void {
  for (const name of names) {
    Object.defineProperty(ctor.prototype, name, {
      value: () => {
        throw new Error(`${className}.${name} is not implemented in the emulator`);
      },
      writable: true,
      configurable: true,
    });
  }
}

/** Base for every emulated Apps Script object: holds the emulator context. */
export class Base {
  constructor(readonly _ctx: Ctx) {}
  toString(): string {
    const named = (this as { _apiName?: string })._apiName;
    return named ?? this.constructor.name.replace(/Impl$/, '');
  }
}
