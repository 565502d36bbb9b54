import { messages } from '../../core/i18n';
import { str, typedRecords } from '../../core/table';
import { peopleFrom } from '../../core/overdue';
import { findRoom, openRepairs, roomAssets, roomsOf, REQUEST_DATA_ID, progressOf } from '../../core/requests';
import { sameId } from '../../core/sidebar';
import { pageWithData } from '../adapters/ui';
import { Workbook } from '../adapters/workbook';
import type { Endpoint } from '../sidebar/serve';
import type { RequestPageData, RoomData } from './api';
import { validToken } from './token';

type WebEvent = { parameter?: Record<string, string | undefined> } | undefined;

function roomData(workbook: Workbook, room: string): RoomData {
  const tz = workbook.timeZone;
  const assets = typedRecords(workbook.table('assets') ?? undefined, tz);
  const repairs = typedRecords(workbook.table('repairs') ?? undefined, tz);
  const t = messages(workbook.settings().settings.language).requests;
  return {
    room,
    assets: roomAssets(assets, room),
    open: openRepairs(repairs, assets, room, tz, t),
  };
}

/** The page's data for a request link, a status link or a bare visit. */
export function pageData(workbook: Workbook, e: WebEvent): RequestPageData {
  const { settings } = workbook.settings();
  const lang = settings.language;
  const tz = workbook.timeZone;
  const p = e?.parameter ?? {};
  const base = { lang, text: messages(lang).requests, hours: settings.repairHours, rooms: [], room: null };
  const none = { ...base, unknownRoom: '', asset: '', account: null, progress: null };
  if (p.r !== undefined || p.t !== undefined) {
    const id = String(p.r ?? '');
    const repair = validToken(id, String(p.t ?? ''))
      ? typedRecords(workbook.table('repairs') ?? undefined, tz).find((r) => sameId(r.v.repairId, id))
      : undefined;
    return repair
      ? { ...none, view: 'status', progress: progressOf(repair, tz) }
      : { ...none, view: 'badLink' };
  }
  const assets = typedRecords(workbook.table('assets') ?? undefined, tz);
  const asked = String(p.room ?? '').slice(0, 200);
  const room = asked ? findRoom(assets, asked) : null;
  const found = room ? roomData(workbook, room) : null;
  const email = Session.getActiveUser().getEmail().trim();
  const name = email
    ? (peopleFrom(typedRecords(workbook.table('roster') ?? undefined, tz)).nameOf(email) ?? '')
    : '';
  return {
    ...base,
    view: 'form',
    rooms: roomsOf(assets),
    room: found,
    unknownRoom: asked && !room ? asked : '',
    asset: found?.assets.find((a) => a.id === String(p.asset ?? ''))?.id ?? '',
    account: email ? { email, name: name || str(email.split('@')[0]) } : null,
    progress: null,
  };
}

/** google.script.run: the assets and open repairs of a place the visitor picked from the list. */
export const room: Endpoint<[room: unknown], string, { room: RoomData | null }> = {
  read: ([asked]) => ({ ok: true, values: typeof asked === 'string' ? asked.slice(0, 200) : '' }),
  handle: (asked, { workbook }) => {
    const assets = typedRecords(workbook.table('assets') ?? undefined, workbook.timeZone);
    const found = asked ? findRoom(assets, asked) : null;
    return { room: found ? roomData(workbook, found) : null };
  },
};

/** doGet: the request page (or a status page), one HTML response with its data inside. */
export function servePage(e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  const data = pageData(Workbook.active(), e);
  return pageWithData('Request', REQUEST_DATA_ID, data)
    .setTitle(data.view === 'form' ? data.text.title : data.text.statusTitle)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
