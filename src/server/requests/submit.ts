import { fill, messages } from '../../core/i18n';
import { typedRecords } from '../../core/table';
import { planRequest, checkRequest, RATE, type RequestInput } from '../../core/requests';
import { BusyError, withDocumentLock } from '../adapters/lock';
import { appendRecords } from '../adapters/workbook';
import { refused, type Call, type Endpoint } from '../sidebar/serve';
import type { Receipt } from './api';
import { sendNotices } from './notify';
import { statusLinker, webAppUrl } from './token';

/** A visitor waits for the lock at most this long; the page then says "busy" and keeps the form. */
const WAIT_MS = 10_000;
const HOUR_S = 3600;
/** A double press finds its first answer here for six hours (the cache's longest). */
const NONCE_S = 21_600;

/** Counters per clock hour: the key changes on the hour, and the cache forgets the old one. */
function rateKeys(visitor: string, room: string, now: Date): string[] {
  const hour = Math.floor(now.getTime() / 3_600_000);
  const hash = (s: string) =>
    Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(s, 'houqin.rate')).slice(0, 16);
  return [`houqin.rate.school.${hour}`, `houqin.rate.room.${hour}.${hash(room)}`].concat(
    visitor ? [`houqin.rate.visitor.${hour}.${hash(visitor)}`] : [],
  );
}

function underLimit(counts: Record<string, string>, keys: readonly string[]): boolean {
  const limits = [RATE.school, RATE.room, RATE.visitor];
  return keys.every((k, i) => Number(counts[k] ?? 0) < limits[i]!);
}

/**
 * Under the document lock: the rate limits, one read of each sheet it needs, one core call, one
 * write of the row, the e-mails (within the day's quota) and their Alert log rows. A second press
 * with the same form gets the first answer, never a second row.
 */
function file(v: RequestInput, { workbook, settings, lang, now }: Call) {
  const text = messages(lang).requests;
  // The trap field is hidden from people: whoever fills it is a robot, told no more than "refused".
  if (v.trap) return refused(text.refused);
  const accountEmail = Session.getActiveUser().getEmail().trim();
  const visitor = accountEmail || Session.getTemporaryActiveUserKey();
  return withDocumentLock(() => {
    const cache = CacheService.getScriptCache();
    const nonceKey = v.nonce ? `houqin.request.${v.nonce}` : '';
    const keys = rateKeys(visitor, v.room.normalize('NFKC').toLowerCase(), now);
    const seen = cache.getAll(nonceKey ? [nonceKey, ...keys] : keys);
    if (nonceKey && seen[nonceKey]) return JSON.parse(seen[nonceKey]!) as Receipt;
    if (!underLimit(seen, keys)) return refused(text.tooMany);
    const tz = workbook.timeZone;
    const repairs = workbook.table('repairs');
    if (!repairs) return refused(text.notSetUp);
    const rosterTable = workbook.table('roster');
    const plan = planRequest(
      v,
      { now, timeZone: tz, settings, accountEmail, statusLink: statusLinker(webAppUrl()) },
      {
        assets: typedRecords(workbook.table('assets') ?? undefined, tz),
        repairs: typedRecords(repairs, tz),
        roster: typedRecords(rosterTable ?? undefined, tz),
        rosterRows: rosterTable?.rows ?? [],
      },
    );
    if (plan.kind === 'unknownRoom')
      return {
        ok: false as const,
        message: text.refused,
        errors: { room: fill(text.unknownRoom, { room: v.room }) },
      };
    const receipt: Receipt = {
      id: plan.id,
      due: plan.due,
      link: plan.link,
      duplicate: plan.kind === 'duplicate',
    };
    if (plan.kind !== 'duplicate') {
      const row = appendRecords(repairs, [plan.record]);
      sendNotices(
        workbook,
        plan.notices,
        now,
        plan.notices.map(() => row),
      );
    }
    const counts: Record<string, string> = {};
    for (const k of keys) counts[k] = String(Number(seen[k] ?? 0) + 1);
    cache.putAll(counts, HOUR_S);
    if (nonceKey) cache.put(nonceKey, JSON.stringify(receipt), NONCE_S);
    return receipt;
  }, WAIT_MS);
}

/**
 * google.script.run: the request page's submit. The input is read with the page's own schema, so a
 * crafted call meets the same limits; refusals and errors are said in the page's own words, and the
 * page keeps what the visitor typed.
 */
export const submit: Endpoint<[input: unknown], RequestInput, Receipt> = {
  read: ([input], call) => checkRequest(input, messages(call.lang).requests),
  handle: file,
  refuse: (errors, lang) => ({ ok: false, message: messages(lang).requests.refused, errors }),
  explain: (error, lang) => {
    const t = messages(lang).requests;
    if (error instanceof BusyError) return t.busy;
    return fill(t.failed, { message: error instanceof Error ? error.message : String(error) });
  },
};
