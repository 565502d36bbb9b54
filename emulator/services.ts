/** MailApp, PropertiesService, LockService, Session, Utilities, Logger. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Base, countCalls, Ctx, notImplemented, permissionError, scriptError } from './context';
import { formatJavaDate, parseJavaDate } from './java-date';
import { checkZone, isDateLike, zonedParts } from './tz';

// ---------------------------------------------------------------------------------------------------------
// MailApp

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  /** What `attachments` carried: each blob's name, type and size (a PDF made from HTML keeps its HTML). */
  attachments?: { name: string; contentType: string; size: number; html?: string }[];
  sentAt: Date;
}

export interface MailState {
  outbox: SentMail[];
  quota: number;
  used: Map<string, number>; // recipients used per script-zone day
  failures: { remaining: number; message: string };
}

const EMAIL_RE = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;
const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

function splitAddresses(s: string | undefined): string[] {
  if (!s) return [];
  return String(s)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function bareAddress(a: string): string {
  const m = /<([^>]+)>\s*$/.exec(a);
  return m ? (m[1] as string).trim() : a;
}

export class MailAppImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _mail: MailState,
  ) {
    super(ctx);
  }
  _dayKey(): string {
    const p = zonedParts(this._ctx.nowMs, this._ctx.scriptTimeZone);
    return `${p.year}-${p.month}-${p.day}`;
  }
  _remaining(): number {
    return Math.max(0, this._mail.quota - (this._mail.used.get(this._dayKey()) ?? 0));
  }
  _auth(method: string): void {
    if (this._ctx.authMode !== 'FULL') throw permissionError(`MailApp.${method}`, MAIL_SCOPE);
  }
  getRemainingDailyQuota(): number {
    this._auth('getRemainingDailyQuota');
    return this._remaining();
  }
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    this._auth('sendEmail');
    let msg: Record<string, unknown>;
    if (typeof a === 'object' && a !== null) msg = { ...(a as Record<string, unknown>) };
    else if (typeof d === 'string') msg = { to: a, replyTo: b, subject: c, body: d };
    else msg = { ...((d as Record<string, unknown> | undefined) ?? {}), to: a, subject: b, body: c };
    const str = (k: string): string | undefined =>
      msg[k] === undefined || msg[k] === null ? undefined : String(msg[k] as string);
    const to = str('to') ?? '';
    const cc = str('cc');
    const bcc = str('bcc');
    const recipients = [...splitAddresses(to), ...splitAddresses(cc), ...splitAddresses(bcc)];
    if (recipients.length === 0) throw scriptError('Failed to send email: no recipient');
    for (const r of recipients) if (!EMAIL_RE.test(bareAddress(r))) throw scriptError(`Invalid email: ${r}`);
    const replyTo = str('replyTo');
    if (replyTo && !EMAIL_RE.test(bareAddress(replyTo))) throw scriptError(`Invalid email: ${replyTo}`);
    if (this._mail.failures.remaining > 0) {
      this._mail.failures.remaining--;
      throw scriptError(this._mail.failures.message);
    }
    if (recipients.length > this._remaining())
      throw scriptError('Service invoked too many times for one day: email.');
    const key = this._dayKey();
    this._mail.used.set(key, (this._mail.used.get(key) ?? 0) + recipients.length);
    const sent: SentMail = {
      to,
      subject: str('subject') ?? '',
      body: str('body') ?? '',
      sentAt: new this._ctx.ClockDate(this._ctx.nowMs),
    };
    if (cc !== undefined) sent.cc = cc;
    if (bcc !== undefined) sent.bcc = bcc;
    const htmlBody = str('htmlBody');
    if (htmlBody !== undefined) sent.htmlBody = htmlBody;
    const name = str('name');
    if (name !== undefined) sent.name = name;
    if (replyTo !== undefined) sent.replyTo = replyTo;
    if (msg.noReply !== undefined) sent.noReply = Boolean(msg.noReply);
    // attachments: BlobSource[] (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)).
    if (Array.isArray(msg.attachments))
      sent.attachments = (msg.attachments as unknown[]).map((a) => {
        const source = a as { getBlob?: () => BlobImpl };
        if (typeof source?.getBlob !== 'function') throw scriptError('Invalid argument: attachments');
        const blob = source.getBlob();
        const out: { name: string; contentType: string; size: number; html?: string } = {
          name: blob.getName() ?? '',
          contentType: blob.getContentType() ?? '',
          size: blob.getBytes().length,
        };
        if (blob._sourceHtml !== undefined) out.html = blob._sourceHtml;
        return out;
      });
    this._mail.outbox.push(sent);
  }
}

// ---------------------------------------------------------------------------------------------------------
// PropertiesService

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;
const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertiesImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _store: Record<string, string>,
  ) {
    super(ctx);
  }
  _checkAuth(method: string): void {
    if (this._ctx.authMode === 'NONE') throw permissionError(`Properties.${method}`);
  }
  _size(extra: Record<string, string>, without?: Set<string>): number {
    let n = 0;
    const merged: Record<string, string> = { ...this._store, ...extra };
    for (const [k, v] of Object.entries(merged)) if (!without?.has(k)) n += utf8(k) + utf8(v);
    return n;
  }
  _put(entries: Record<string, string>, deleteOthers: boolean): void {
    for (const [k, v] of Object.entries(entries)) {
      if (utf8(v) > VALUE_LIMIT) throw scriptError('Argument too large: value');
      if (k === '') throw scriptError('Invalid argument: key');
    }
    const without = deleteOthers
      ? new Set(Object.keys(this._store).filter((k) => !(k in entries)))
      : undefined;
    if (this._size(entries, without) > STORE_LIMIT) {
      throw scriptError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    if (without) for (const k of without) delete this._store[k];
    Object.assign(this._store, entries);
  }
  getProperty(key: string): string | null {
    this._checkAuth('getProperty');
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(this._store, k) ? (this._store[k] as string) : null;
  }
  setProperty(key: string, value: unknown): this {
    this._checkAuth('setProperty');
    this._put({ [String(key)]: String(value) }, false);
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers?: boolean): this {
    this._checkAuth('setProperties');
    const entries: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) entries[k] = String(v);
    this._put(entries, Boolean(deleteAllOthers));
    return this;
  }
  getProperties(): Record<string, string> {
    this._checkAuth('getProperties');
    return { ...this._store };
  }
  getKeys(): string[] {
    this._checkAuth('getKeys');
    return Object.keys(this._store);
  }
  deleteProperty(key: string): this {
    this._checkAuth('deleteProperty');
    delete this._store[String(key)];
    return this;
  }
  deleteAllProperties(): this {
    this._checkAuth('deleteAllProperties');
    for (const k of Object.keys(this._store)) delete this._store[k];
    return this;
  }
}

export class PropertiesServiceImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _stores: {
      document: Record<string, string>;
      user: Record<string, string>;
      script: Record<string, string>;
    },
  ) {
    super(ctx);
  }
  _get(which: 'document' | 'user' | 'script', method: string): PropertiesImpl {
    if (this._ctx.authMode === 'NONE') throw permissionError(`PropertiesService.${method}`);
    return new PropertiesImpl(this._ctx, this._stores[which]);
  }
  getDocumentProperties(): PropertiesImpl {
    return this._get('document', 'getDocumentProperties');
  }
  getUserProperties(): PropertiesImpl {
    return this._get('user', 'getUserProperties');
  }
  getScriptProperties(): PropertiesImpl {
    return this._get('script', 'getScriptProperties');
  }
}

// ---------------------------------------------------------------------------------------------------------
// LockService

export interface LockState {
  heldByOther: boolean;
  held: Record<'document' | 'script' | 'user', boolean>;
  acquisitions: number;
}

export class LockImpl extends Base {
  _mine = false;
  constructor(
    ctx: Ctx,
    readonly _state: LockState,
    readonly _kind: 'document' | 'script' | 'user',
  ) {
    super(ctx);
  }
  _acquire(): boolean {
    if (this._mine) return true;
    if (this._state.heldByOther || this._state.held[this._kind]) return false;
    this._mine = true;
    this._state.held[this._kind] = true;
    this._state.acquisitions++;
    return true;
  }
  /**
   * "Attempts to acquire the lock, timing out after the provided number of milliseconds"
   * (https://developers.google.com/apps-script/reference/lock/lock#trylocktimeoutinmillis): a lock
   * held by another run is never released here, so a failed attempt has waited its whole timeout,
   * and the clock moves on by that much. A negative timeout never acquires the lock (gas-fakes
   * test/testlock.js "Lock timeout failures", live).
   */
  tryLock(timeoutMs: number): boolean {
    if (!(Number(timeoutMs) >= 0)) return false;
    if (this._acquire()) return true;
    this._ctx.nowMs += Number(timeoutMs) || 0;
    return false;
  }
  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs))
      throw scriptError('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this._mine;
  }
  releaseLock(): void {
    if (this._mine) {
      this._mine = false;
      this._state.held[this._kind] = false;
    }
  }
}

export class LockServiceImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _state: LockState,
  ) {
    super(ctx);
  }
  getDocumentLock(): LockImpl {
    if (this._ctx.authMode === 'NONE') throw permissionError('LockService.getDocumentLock');
    return new LockImpl(this._ctx, this._state, 'document');
  }
  getScriptLock(): LockImpl {
    return new LockImpl(this._ctx, this._state, 'script');
  }
  getUserLock(): LockImpl {
    return new LockImpl(this._ctx, this._state, 'user');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Session

export class UserImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _email: string,
  ) {
    super(ctx);
  }
  getEmail(): string {
    return this._email;
  }
  getUsername(): string {
    return this._email.split('@')[0] ?? '';
  }
  override toString(): string {
    return this._email;
  }
}

export class SessionImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _userLocale: string,
  ) {
    super(ctx);
  }
  getActiveUser(): UserImpl {
    return new UserImpl(this._ctx, this._ctx.authMode === 'NONE' ? '' : this._ctx.activeUser);
  }
  getEffectiveUser(): UserImpl {
    return new UserImpl(this._ctx, this._ctx.effectiveUser);
  }
  getScriptTimeZone(): string {
    return this._ctx.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this._userLocale;
  }
  getTemporaryActiveUserKey(): string {
    const u = this._ctx.activeUser;
    return u ? 'tmpkey-' + Buffer.from(u).toString('base64url') : '';
  }
  getTimeZone(): string {
    return this._ctx.scriptTimeZone;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Utilities & Logger

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;

export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** A string (in `charset`, UTF-8 unless US_ASCII) or a byte array (signed, as Apps Script's) as bytes. */
function bytesOf(value: unknown, charset: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  return Buffer.from(String(value), String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
}

/** Bytes as Apps Script returns them: Java's signed bytes (-128..127). */
function signedBytes(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}

function nodeHash(algorithm: unknown, method: string): string {
  const name = NODE_HASH[String(algorithm).replace(/^HMAC_/, '')];
  if (!name) throw new Error(`Utilities.${method}(${String(algorithm)}) is not implemented in the emulator`);
  return name;
}

export class UtilitiesImpl extends Base {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  /**
   * Java SimpleDateFormat parsing in a zone (https://developers.google.com/apps-script/reference/utilities/utilities#parsedatedate,-timezone,-format).
   * The message for text that does not fit is Java's ParseException text, not confirmed on Apps Script.
   */
  parseDate(date: string, timeZone: string, format: string): Date {
    checkZone(String(timeZone));
    const ms = parseJavaDate(String(date), String(timeZone), String(format), this._ctx.nowMs);
    if (ms === undefined || Number.isNaN(ms)) throw scriptError(`Unparseable date: "${String(date)}"`);
    return new this._ctx.ClockDate(ms);
  }
  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    return signedBytes(
      createHash(nodeHash(algorithm, 'computeDigest')).update(bytesOf(value, charset)).digest(),
    );
  }
  computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
    const hmac = createHmac(nodeHash(algorithm, 'computeHmacSignature'), bytesOf(key, charset));
    return signedBytes(hmac.update(bytesOf(value, charset)).digest());
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateLike(date)) {
      throw scriptError(
        `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
      );
    }
    checkZone(String(timeZone));
    return formatJavaDate(date.getTime(), String(timeZone), String(format));
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(\d+\$)?[-+ 0#,(]*\d*(?:\.\d+)?([sdfoxXeEgGc%])/g,
      (m, _pos, conv: string) => {
        if (conv === '%') return '%';
        const v = args[i++];
        if (conv === 'd') return String(Math.trunc(Number(v)));
        const prec = /\.(\d+)/.exec(m);
        if (conv === 'f' && prec) return Number(v).toFixed(Number(prec[1]));
        return String(v);
      },
    );
  }
  sleep(ms: number): void {
    this._ctx.nowMs += Math.max(0, Number(ms) || 0);
  }
  getUuid(): string {
    return randomUUID();
  }
  base64Encode(data: string | number[]): string {
    return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[]): string {
    return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64url');
  }
  base64Decode(s: string): number[] {
    return [...Buffer.from(s, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }
  /** https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String,String,String) */
  newBlob(data: unknown, contentType?: string, name?: string): BlobImpl {
    const bytes = Array.isArray(data) ? Buffer.from(data as number[]) : Buffer.from(String(data), 'utf8');
    return new BlobImpl(this._ctx, bytes, contentType ?? null, name ?? null);
  }
}

/**
 * The emulator's stand-in for the PDF Apps Script makes from HTML: a valid one-page PDF (PDF 1.4,
 * classic cross-reference table) whose page says it is a stand-in and which carries the source HTML
 * as an embedded file, `source.html` (a viewer lists it under attachments; `pdfdetach` extracts it).
 * So the bytes a script returns or attaches keep the document: tests decode them and find it, and
 * the playground's downloads open in any PDF viewer.
 */
export function standInPdf(html: string): Buffer {
  const source = Buffer.from(html, 'utf8');
  const lines = [
    'Houqin emulator: a stand-in for the PDF Apps Script makes from HTML.',
    'The page it was made from is attached to this PDF as source.html;',
    'open or print that attachment to see the document.',
  ];
  const text = lines.map((l, i) => `${i ? '0 -18 Td ' : ''}(${l}) Tj`).join(' ');
  const content = Buffer.from(`BT /F1 11 Tf 56 780 Td ${text} ET`, 'latin1');
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const put = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    at += buf.length;
  };
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = at;
    put(`${n} 0 obj\n`);
    body.forEach(put);
    put('\nendobj\n');
  };
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  obj(1, [
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(source.html) 5 0 R] >> >> >>',
  ]);
  obj(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  obj(3, [
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
  ]);
  obj(4, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
  obj(5, ['<< /Type /Filespec /F (source.html) /UF (source.html) /EF << /F 7 0 R >> >>']);
  obj(6, [`<< /Length ${content.length} >>\nstream\n`, content, '\nendstream']);
  obj(7, [
    `<< /Type /EmbeddedFile /Subtype /text#2Fhtml /Length ${source.length} >>\nstream\n`,
    source,
    '\nendstream',
  ]);
  const xref = at;
  const rows = offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`);
  put(`xref\n0 ${offsets.length}\n0000000000 65535 f \n${rows.join('')}`);
  put(`trailer\n<< /Size ${offsets.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * Blob (https://developers.google.com/apps-script/reference/base/blob). `getAs(contentType)`
 * "Return[s] the data inside this object as a blob converted to the specified content type. This
 * method adds the appropriate extension to the filename—for example, "myfile.pdf". However, it
 * assumes that the part of the filename that follows the last period (if any) is an existing
 * extension that should be replaced." The emulator converts HTML (and text) to PDF only: the PDF
 * it makes is a stand-in (`standInPdf`: one page saying so, the source HTML embedded) that also
 * keeps the source HTML in `_sourceHtml`, so tests print that HTML to a real PDF with Chromium
 * (tests/browser/documents).
 * Other conversions throw, as Apps Script does for a conversion it does not offer.
 */
export class BlobImpl extends Base {
  constructor(
    ctx: Ctx,
    private _bytes: Buffer,
    private _type: string | null,
    private _name: string | null,
    readonly _sourceHtml?: string,
  ) {
    super(ctx);
  }
  getBytes(): number[] {
    return signedBytes(this._bytes);
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset && /^utf-?16/i.test(charset) ? 'utf16le' : 'utf8');
  }
  getContentType(): string | null {
    return this._type;
  }
  setContentType(type: string): this {
    this._type = String(type);
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): this {
    this._name = String(name);
    return this;
  }
  setDataFromString(data: string): this {
    this._bytes = Buffer.from(String(data), 'utf8');
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): BlobImpl {
    return new BlobImpl(this._ctx, Buffer.from(this._bytes), this._type, this._name, this._sourceHtml);
  }
  getBlob(): BlobImpl {
    return this;
  }
  getAs(contentType: string): BlobImpl {
    const to = String(contentType);
    const from = (this._type ?? '').split(';')[0]!.trim().toLowerCase();
    const renamed = this._name === null ? null : `${this._name.replace(/\.[^.]*$/, '')}.pdf`;
    if (to === from) return this.copyBlob();
    if (to === 'application/pdf' && (from === 'text/html' || from === 'text/plain')) {
      const source = from === 'text/html' ? this.getDataAsString() : `<pre>${this.getDataAsString()}</pre>`;
      const stub = standInPdf(source);
      return new BlobImpl(this._ctx, stub, 'application/pdf', renamed, source);
    }
    throw scriptError(`Converting from ${from || 'unknown'} to ${to} is not supported.`);
  }
}

notImplemented(UtilitiesImpl, 'Utilities', [
  'computeRsaSha1Signature',
  'computeRsaSha256Signature',
  'computeRsaSignature',
  'gzip',
  'ungzip',
  'zip',
  'unzip',
  'parseCsv',
  'jsonParse',
  'jsonStringify',
]);

function fmtLog(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (isDateLike(a)) return a.toString();
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

export class LoggerImpl extends Base {
  log(data: unknown, ...values: unknown[]): this {
    if (typeof data === 'string' && values.length > 0) {
      let i = 0;
      this._ctx.logs.push(data.replace(/%s|%d/g, () => String(values[i++])));
    } else this._ctx.logs.push(fmtLog([data]));
    return this;
  }
  getLog(): string {
    return this._ctx.logs.join('\n');
  }
  clear(): void {
    this._ctx.logs.length = 0;
  }
}

export class ConsoleImpl extends Base {
  log(...a: unknown[]): void {
    this._ctx.logs.push(fmtLog(a));
  }
  info(...a: unknown[]): void {
    this._ctx.logs.push(fmtLog(a));
  }
  warn(...a: unknown[]): void {
    this._ctx.logs.push('WARN ' + fmtLog(a));
  }
  error(...a: unknown[]): void {
    this._ctx.logs.push('ERROR ' + fmtLog(a));
  }
  time(_l?: string): void {}
  timeEnd(_l?: string): void {}
}

for (const [ctor, name] of [
  [MailAppImpl, 'MailApp'],
  [PropertiesImpl, 'Properties'],
  [PropertiesServiceImpl, 'PropertiesService'],
  [LockImpl, 'Lock'],
  [LockServiceImpl, 'LockService'],
  [UserImpl, 'User'],
  [SessionImpl, 'Session'],
  [UtilitiesImpl, 'Utilities'],
  [BlobImpl, 'Blob'],
  [LoggerImpl, 'Logger'],
  [ConsoleImpl, 'console'],
] as const) {
  countCalls(ctor, name);
}
