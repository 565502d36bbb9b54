/**
 * What a web app needs beyond the sheet add-on: CacheService (script cache with expiry on the
 * emulator's clock), Utilities.computeHmacSha256Signature and ScriptApp.getService().getUrl().
 * `installWebApp` adds them to an emulator's globals; each is counted like every other service call.
 */
import { createHmac } from 'node:crypto';
import { Base, countCalls, type Ctx } from './context';

/** Apps Script keeps a cached value at most six hours, and takes keys up to 250 characters. */
const MAX_EXPIRY_S = 21_600;
const MAX_KEY = 250;
const MAX_VALUE = 100 * 1024;

export class CacheImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _store: Map<string, { value: string; until: number }>,
  ) {
    super(ctx);
  }
  _check(key: string): string {
    const k = String(key);
    if (!k || k.length > MAX_KEY) throw new Error(`Argument too large: key`);
    return k;
  }
  get(key: string): string | null {
    const hit = this._store.get(this._check(key));
    if (!hit || hit.until <= this._ctx.nowMs) return null;
    return hit.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const hit = this._store.get(this._check(k));
      if (hit && hit.until > this._ctx.nowMs) out[k] = hit.value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    this._putOne(key, value, expirationInSeconds);
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [k, v] of Object.entries(values)) this._putOne(k, v, expirationInSeconds);
  }
  _putOne(key: string, value: string, seconds: number): void {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE) throw new Error('Argument too large: value');
    const s = Math.min(MAX_EXPIRY_S, Math.max(1, Number(seconds) || 600));
    this._store.set(this._check(key), { value: v, until: this._ctx.nowMs + s * 1000 });
  }
  remove(key: string): void {
    this._store.delete(this._check(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._store.delete(this._check(k));
  }
}

export class CacheServiceImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _scripts: Map<string, { value: string; until: number }>,
  ) {
    super(ctx);
  }
  getScriptCache(): CacheImpl {
    return new CacheImpl(this._ctx, this._scripts);
  }
  getDocumentCache(): CacheImpl {
    return new CacheImpl(this._ctx, this._scripts);
  }
}

/** The web app's deployment: getUrl() is null until someone deploys it (tests and the playground set it). */
export class ServiceImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _deployment: { url: string | null },
  ) {
    super(ctx);
  }
  getUrl(): string | null {
    return this._deployment.url;
  }
  isEnabled(): boolean {
    return this._deployment.url !== null;
  }
}

const signed = (bytes: Buffer) => [...bytes].map((b) => (b > 127 ? b - 256 : b));
const bytesOf = (v: unknown) =>
  typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from((v as number[]).map((b) => b & 255));

for (const [ctor, name] of [
  [CacheImpl, 'Cache'],
  [CacheServiceImpl, 'CacheService'],
  [ServiceImpl, 'Service'],
] as const)
  countCalls(ctor, name);

const deployments = new WeakMap<object, { url: string | null }>();

/** Adds the web app's services to `globals` (an emulator's). */
export function installWebApp(ctx: Ctx, globals: Record<string, unknown>): void {
  const deployment = { url: null as string | null };
  deployments.set(globals, deployment);
  globals.CacheService = new CacheServiceImpl(ctx, new Map());
  const count = (name: string) => ctx.counts.set(name, (ctx.counts.get(name) ?? 0) + 1);
  const utilities = globals.Utilities as Record<string, unknown>;
  // Another part of the emulator may define it; the shape is Apps Script's either way.
  if (typeof utilities.computeHmacSha256Signature !== 'function')
    utilities.computeHmacSha256Signature = (value: unknown, key: unknown): number[] => {
      count('Utilities.computeHmacSha256Signature');
      return signed(createHmac('sha256', bytesOf(key)).update(bytesOf(value)).digest());
    };
  const scriptApp = globals.ScriptApp as Record<string, unknown>;
  if (typeof scriptApp.getService !== 'function')
    scriptApp.getService = () => {
      count('ScriptApp.getService');
      return new ServiceImpl(ctx, deployment);
    };
}

/** Deploys (or undeploys, with null) the emulated web app at `url`. */
export function deployWebApp(emu: { globals: Record<string, unknown> }, url: string | null): void {
  const deployment = deployments.get(emu.globals);
  if (!deployment) throw new Error('installWebApp was not called for this emulator');
  deployment.url = url;
}
