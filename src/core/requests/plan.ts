/**
 * A repair request from the school's web page, as the office's repairs sheet records it: one pure
 * call turns a checked request and the sheets it needs into the row to append and the e-mails to
 * send. The shell reads, writes and sends; nothing here touches Apps Script.
 */
import type { Mail } from '../alerts';
import { repairDeadline } from '../domain/repairs';
import { escapeHtml } from '../html';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { str, type TypedRecord } from '../table/record';
import { peopleFrom } from '../overdue/people';
import type { Settings } from '../settings/schema';
import { isEmail } from '../settings/parse';
import { nextId, sameId, wallTime } from '../sidebar/records';
import { assignerFrom } from '../tasks/assign';
import { enumLabel } from '../table/labels';
import type { CellValue, SheetRow } from '../table/mapping';
import { dayOf } from '../time';
import { contactEmail, type RequestInput, type RequestText } from './schema';
import { zhOrder } from '../order';

/** What a request reads: the register for its room, the repairs for its id and duplicates, the roster. */
export interface RequestSheets {
  readonly assets: readonly TypedRecord[];
  readonly repairs: readonly TypedRecord[];
  readonly roster: readonly TypedRecord[];
  /** The roster's rows as read, for the role assigner. */
  readonly rosterRows: readonly SheetRow[];
}

export interface RequestContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly settings: Settings;
  /** The visitor's address when Google identifies them (a school account), else ''. */
  readonly accountEmail: string;
  /** The status page's address for a request id. */
  readonly statusLink: (id: string) => string;
}

/** A place and what the register lists there, as the page offers it. */
export interface RoomAsset {
  readonly id: string;
  readonly name: string;
  /** Where the register says it stands. */
  readonly room: string;
}

/**
 * An open repair of a room, shown before the visitor submits the same thing again. It carries no
 * status link: submitting the same thing answers with the existing request's link instead.
 */
export interface OpenRepair {
  readonly id: string;
  readonly assetId: string;
  readonly asset: string;
  /** 'yyyy-MM-dd HH:mm' in the school's zone. */
  readonly due: string;
}

/** One e-mail of a request and how the Alert log names it. */
export interface Notice {
  readonly mail: Mail;
  /** `request:ID` to the office, `request-receipt:ID`, `request-done:ID`, `request-declined:ID` to the reporter. */
  readonly itemKey: string;
}

export type RequestPlan =
  | { readonly kind: 'unknownRoom' }
  | { readonly kind: 'duplicate'; readonly id: string; readonly due: string; readonly link: string }
  | {
      readonly kind: 'new';
      readonly id: string;
      readonly due: string;
      readonly link: string;
      readonly record: Record<string, CellValue>;
      readonly notices: readonly Notice[];
    };

const isOpen = (r: TypedRecord) => r.v.status !== 'done' && r.v.status !== 'cancelled';

/** The places the register names (assets still in use), each once, in Chinese order, 2班 before 10班. */
export function roomsOf(assets: readonly TypedRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const a of assets) {
    const place = str(a.v.location).trim();
    if (place && a.v.status !== 'scrapped' && !seen.has(key(place))) seen.set(key(place), place);
  }
  return [...seen.values()].sort(zhOrder);
}

/** Place names compare as a person reads them: full-width folded, spaces and case ignored. */
const key = (place: string) => place.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The register's spelling of a place typed or scanned, or null when the register has no such place. */
export function findRoom(assets: readonly TypedRecord[], room: string): string | null {
  return roomsOf(assets).find((r) => key(r) === key(room)) ?? null;
}

export function roomAssets(assets: readonly TypedRecord[], room?: string): RoomAsset[] {
  return assets
    .filter(
      (a) =>
        str(a.v.assetId) &&
        str(a.v.location).trim() &&
        a.v.status !== 'scrapped' &&
        (room === undefined || key(str(a.v.location)) === key(room)),
    )
    .map((a) => ({ id: str(a.v.assetId), name: str(a.v.name), room: str(a.v.location).trim() }));
}

/** The repairs of a place still open, in sheet order. */
function openInRoom(repairs: readonly TypedRecord[], room: string): TypedRecord[] {
  return repairs.filter((r) => str(r.v.repairId) && isOpen(r) && key(str(r.v.location)) === key(room));
}

/** The page lists this many of a place's open repairs, the latest: enough to spot one's own. */
export const MAX_OPEN_SHOWN = 20;

function openRepair(
  r: TypedRecord,
  names: ReadonlyMap<string, string>,
  timeZone: string,
  t: RequestText,
): OpenRepair {
  const assetId = str(r.v.assetId);
  const deadline = r.v.deadline instanceof Date ? r.v.deadline : null;
  return {
    id: str(r.v.repairId),
    assetId,
    asset: names.get(key(assetId)) ?? (assetId || t.otherAsset),
    due: deadline ? wallTime(deadline, timeZone) : '',
  };
}

export function openRepairs(
  repairs: readonly TypedRecord[],
  assets: readonly TypedRecord[],
  room: string,
  timeZone: string,
  t: RequestText,
): OpenRepair[] {
  const names = new Map(roomAssets(assets, room).map((a) => [key(a.id), a.name]));
  return openInRoom(repairs, room)
    .slice(-MAX_OPEN_SHOWN)
    .map((r) => openRepair(r, names, timeZone, t));
}

/** Plain text as an e-mail body: escaped, line breaks kept. */
export function mailOf(to: string, subject: string, body: string): Mail {
  return {
    to,
    subject,
    body,
    htmlBody: `<div style="font-family:sans-serif;font-size:14px;white-space:pre-wrap">${escapeHtml(body)}</div>`,
  };
}

/**
 * The row a request appends and who hears of it. An open repair of the same room and asset is the
 * same request: it is linked, not doubled. The assignee is the roster's electrician (the office head
 * when nobody holds the post); a safety hazard also goes to the office head.
 */
export function planRequest(v: RequestInput, ctx: RequestContext, sheets: RequestSheets): RequestPlan {
  const lang: Lang = ctx.settings.language;
  const t = messages(lang).requests;
  const room = findRoom(sheets.assets, v.room);
  if (!room) return { kind: 'unknownRoom' };
  const asset = v.assetId ? roomAssets(sheets.assets, room).find((a) => sameId(a.id, v.assetId)) : undefined;
  if (v.assetId && !asset) return { kind: 'unknownRoom' };
  // Every open repair of the place, not only those the page lists.
  const same = asset && openInRoom(sheets.repairs, room).find((r) => sameId(r.v.assetId, asset.id));
  if (same) {
    const open = openRepair(same, new Map(), ctx.timeZone, t);
    return { kind: 'duplicate', id: open.id, due: open.due, link: ctx.statusLink(open.id) };
  }
  const id = nextId(
    `BX-${dayOf(ctx.now, ctx.timeZone).replace(/-/g, '')}-`,
    sheets.repairs.map((r) => str(r.v.repairId)),
  );
  const deadline = repairDeadline(ctx.now, false, ctx.settings);
  const due = wallTime(deadline, ctx.timeZone);
  const link = ctx.statusLink(id);
  const assigner = assignerFrom(sheets.rosterRows, ctx.timeZone, lang, ctx.settings.officeHead);
  const assignee = assigner.byRole('electrician').assignee;
  const people = peopleFrom(sheets.roster);
  const emailOf = (who: string) => (isEmail(who) ? who : (people.emailOf(who) ?? ''));
  const reporterEmail = ctx.accountEmail || contactEmail(v.contact);
  const contact = v.contact || ctx.accountEmail;
  const reporter = v.group ? `${v.name}（${v.group}）` : v.name;
  const urgency = t.urgencies[v.urgency];
  const assetText = asset ? `${asset.id} ${asset.name}` : t.otherAsset;
  const params = {
    id,
    room,
    due,
    link,
    asset: assetText,
    description: v.description,
    urgency,
    reporter,
    contact,
  };
  const notices: Notice[] = [];
  const office = new Set<string>();
  const assigneeEmail = emailOf(assignee);
  if (assigneeEmail) office.add(assigneeEmail.toLowerCase());
  const head = emailOf(ctx.settings.officeHead) || emailOf(assigner.head);
  if (v.urgency === 'hazard' && head) office.add(head.toLowerCase());
  const subject = v.urgency === 'hazard' ? t.mail.hazardSubject : t.mail.assignSubject;
  for (const to of office)
    notices.push({
      itemKey: `request:${id}`,
      mail: mailOf(
        to,
        fill(subject, params),
        fill(t.mail.assignBody, { ...params, name: people.nameOf(to) ?? assignee }),
      ),
    });
  if (reporterEmail)
    notices.push({
      itemKey: `request-receipt:${id}`,
      mail: mailOf(reporterEmail, fill(t.mail.receiptSubject, params), fill(t.mail.receiptBody, params)),
    });
  return {
    kind: 'new',
    id,
    due,
    link,
    record: {
      repairId: id,
      reportedAt: ctx.now,
      reporter,
      location: room,
      assetId: asset?.id ?? '',
      // Urgency and contact travel with the description: the note is left for the office's reply.
      description: `${v.description}\n${fill(t.note, { urgency, contact: contact || '—' })}`,
      assignee,
      contractor: false,
      deadline,
      status: enumLabel(lang, 'repairStatus', 'reported'),
    },
    notices,
  };
}
