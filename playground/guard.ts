/**
 * Which requests the playground's servers answer. They listen on 127.0.0.1, but any web page the
 * person opens can still send requests there, and a page on a rebinding domain can even read the
 * answers. So: the Host must be this machine (a rebinding domain sends its own name); a POST must
 * come from the playground's own page with a JSON body, which another site's page cannot send
 * without Chrome asking first (and the answer to that preflight is no); bodies are size-limited.
 */
import type { IncomingMessage } from 'node:http';
import { inEveryLanguage } from './i18n';

/** Far above any form or menu answer; a larger body is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

const LOCAL_NAMES = ['localhost', '127.0.0.1'];

export interface Refusal {
  status: number;
  message: string;
}

const refusal = (status: number, message: string): Refusal => ({ status, message });

/** Why a request is refused before its body is read, or null when it may go on. */
export function refusalOf(req: IncomingMessage): Refusal | null {
  const port = req.socket.localPort;
  // Browsers leave out the default port.
  const hosts = LOCAL_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
  if (!hosts.includes((req.headers.host ?? '').toLowerCase()))
    return refusal(
      403,
      inEveryLanguage((t) => t.refusedHost),
    );
  if (req.method !== 'POST') return null;
  // Browsers send Origin with every POST; a request without one comes from a program on this
  // machine, unless Sec-Fetch-Site says a browser sent it from elsewhere.
  const origin = req.headers.origin?.toLowerCase();
  const site = req.headers['sec-fetch-site'];
  const fromPage =
    origin !== undefined
      ? hosts.some((host) => origin === `http://${host}`)
      : site === undefined || site === 'same-origin' || site === 'none';
  if (!fromPage)
    return refusal(
      403,
      inEveryLanguage((t) => t.refusedOrigin),
    );
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return refusal(
      415,
      inEveryLanguage((t) => t.refusedType),
    );
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
  return null;
}

export function tooLarge(): Refusal {
  return refusal(
    413,
    inEveryLanguage((t) => t.refusedSize, { max: MAX_BODY_BYTES / 1024 }),
  );
}

/** A refusal as the JSON answer the page's failure handlers read. */
export function answerOf({ status, message }: Refusal): { status: number; json: { message: string } } {
  return { status, json: { message } };
}

/**
 * The body as text, or null as soon as it passes MAX_BODY_BYTES (the rest is read and dropped,
 * so the client still receives the answer).
 */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        chunks.length = 0;
        resolve(null);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
