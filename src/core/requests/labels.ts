/**
 * The QR labels the office sticks in each room or on each asset: what each says and the address its
 * code holds. The label page (labels/) draws the codes and lays them out on A4 label sheets.
 */
import type { RoomAsset } from './plan';
import type { RequestText } from './schema';

/** The address a code opens: the request page with the room filled in (and the asset chosen). */
export function roomUrl(base: string, room: string, assetId = ''): string {
  const asset = assetId ? `&asset=${encodeURIComponent(assetId)}` : '';
  return `${base}${base.includes('?') ? '&' : '?'}room=${encodeURIComponent(room)}${asset}`;
}

/** One label: the name under the code, a second line, and the address the code holds. */
export interface Label {
  readonly title: string;
  readonly detail: string;
  readonly url: string;
}

/** A label per place of the register. */
export const roomLabels = (rooms: readonly string[], base: string, t: RequestText['labels']): Label[] =>
  rooms.map((room) => ({ title: room, detail: t.scan, url: roomUrl(base, room) }));

/** A label per asset in use, for the things people report most (a projector, an air conditioner). */
export const assetLabels = (assets: readonly RoomAsset[], base: string): Label[] =>
  assets.map((a) => ({
    title: a.name || a.id,
    detail: `${a.id} · ${a.room}`,
    url: roomUrl(base, a.room, a.id),
  }));

/** Labels on one A4 sheet of the common stock: 3 across, 8 down, 70 × 37 mm each. */
export const LABELS_PER_SHEET = 24;

/** The id of the script element that carries the label page's data. */
export const LABELS_DATA_ID = 'houqin-labels';

/** What the server embeds in the label page. */
export interface LabelPage {
  readonly lang: string;
  readonly text: RequestText['labels'];
  readonly labels: readonly Label[];
}
