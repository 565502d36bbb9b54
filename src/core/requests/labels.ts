/**
 * The QR labels the office sticks in each room: codes made here, by a QR library bundled into the
 * add-on, so no outside service ever sees the school's address and printing works offline.
 */
import qrcode from 'qrcode-generator';
import { escapeHtml } from '../html';
import type { RoomAsset } from './plan';
import type { RequestText } from './schema';

/** The dark modules of the QR code for `text`, row by row. Error correction M survives a scuffed label. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** The code as one SVG path (a module per unit, a 4-module quiet zone): crisp at any print size. */
export function qrSvg(matrix: readonly (readonly boolean[])[], size: string): string {
  const n = matrix.length;
  const path: string[] = [];
  matrix.forEach((row, r) => row.forEach((dark, c) => dark && path.push(`M${c + 4} ${r + 4}h1v1h-1z`)));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n + 8} ${n + 8}" width="${size}" height="${size}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path.join('')}" fill="#000"/></svg>`;
}

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

/**
 * A printable page of labels, one A4 sheet per 24 places (8 rows of 37 mm fill 296 of the page's
 * 297 mm, so the printer gets no margin of its own): the code, the room's name under it, and what
 * scanning does.
 */
export function labelSheet(labels: readonly Label[], t: RequestText['labels']): string {
  const label = ({ title, detail, url }: Label) =>
    `<div class="label">${qrSvg(qrMatrix(url), '30mm')}<div class="text"><b>${escapeHtml(title)}</b><span>${escapeHtml(detail)}</span></div></div>`;
  const sheets: string[] = [];
  for (let i = 0; i < labels.length; i += LABELS_PER_SHEET)
    sheets.push(
      `<div class="sheet">${labels
        .slice(i, i + LABELS_PER_SHEET)
        .map(label)
        .join('')}</div>`,
    );
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(t.title)}</title><style>
@page{size:A4;margin:0}
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
.bar{padding:8px 12px;font-size:13px}.bar button{font-size:14px;padding:4px 14px;margin-right:8px}
.sheet{display:grid;grid-template-columns:repeat(3,70mm);grid-template-rows:repeat(8,37mm);width:210mm;padding-top:0.5mm;break-after:page}
.sheet:last-child{break-after:auto}
.label{display:flex;align-items:center;gap:2mm;padding:3mm;box-sizing:border-box;overflow:hidden}
.label svg{flex:none}.text{display:flex;flex-direction:column;gap:1mm;font-size:4mm;line-height:1.2}
.text b{word-break:break-all}.text span{font-size:2.8mm;color:#444;word-break:break-all}
@media print{.bar{display:none}}
</style></head><body><div class="bar"><button onclick="window.print()">${escapeHtml(t.print)}</button>${escapeHtml(t.hint)}</div>${sheets.join('')}</body></html>`;
}
