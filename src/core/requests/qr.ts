/**
 * QR codes drawn by a QR library bundled into the label page, so no outside service ever sees the
 * school's address and printing works offline. Only the page carries it: Code.js, which every
 * execution loads, does not.
 */
import qrcode from 'qrcode-generator';

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
