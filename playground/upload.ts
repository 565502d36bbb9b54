/**
 * A ledger file brought into the playground the way an office brings one into Google Sheets
 * (File → Import → Insert new sheet): each sheet of an .xlsx, or the one table of a .csv, becomes a
 * new sheet of the workbook, which 导入台账 then imports through the same core as in the add-on.
 * What cannot be read safely is refused with the reason, before anything is added.
 */
import { createEmulator, type Emulator } from '../emulator';
import { fromXlsx } from './xlsx';

/** What the playground accepts: far above a school's ledger, far below what would hang it. */
export const UPLOAD_LIMITS = {
  /** Cells of one upload, all sheets together. */
  cells: 500_000,
  rows: 50_000,
  /** Bytes an .xlsx may unpack to, and how much smaller than that its packed parts may be. */
  unpacked: 100 * 1024 * 1024,
  ratio: 200,
} as const;

export type UploadProblem = 'notZip' | 'zipBomb' | 'tooLarge' | 'unreadable' | 'kind' | 'empty';

export class UploadRefused extends Error {
  constructor(
    readonly problem: UploadProblem,
    detail = '',
  ) {
    super(detail || problem);
  }
}

export interface UploadedSheet {
  readonly name: string;
  readonly values: unknown[][];
}

/**
 * Text of a .csv as Chinese offices save it: UTF-8 with or without a byte-order mark, or GB18030
 * (GBK), which Excel in Chinese Windows writes by default. UTF-8 is tried strictly first: GBK text
 * is almost never valid UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 fields: quotes, doubled quotes, commas and line breaks inside quotes; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > UPLOAD_LIMITS.rows) throw new UploadRefused('tooLarge');
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Reads a zip's central directory (PKWARE APPNOTE 4.3.12, 4.3.16) without unpacking anything, and
 * refuses a file whose parts unpack to more than UPLOAD_LIMITS.unpacked, or pack too well (a zip
 * bomb), or need ZIP64 sizes, which no ledger does.
 */
export function checkZip(bytes: Uint8Array): void {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UploadRefused('notZip');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new UploadRefused('notZip');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new UploadRefused('notZip');
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (packed === 0xffffffff || size === 0xffffffff) throw new UploadRefused('zipBomb');
    unpacked += size;
    if (unpacked > UPLOAD_LIMITS.unpacked) throw new UploadRefused('zipBomb');
    if (size > 1024 * 1024 && size > packed * UPLOAD_LIMITS.ratio) throw new UploadRefused('zipBomb');
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

function checkCells(sheets: readonly UploadedSheet[]): void {
  let cells = 0;
  for (const s of sheets) {
    if (s.values.length > UPLOAD_LIMITS.rows) throw new UploadRefused('tooLarge');
    cells += s.values.reduce((n, r) => n + r.length, 0);
  }
  if (cells > UPLOAD_LIMITS.cells) throw new UploadRefused('tooLarge');
}

/** The sheets of an uploaded file, by its name: .csv or .xlsx. Throws UploadRefused. */
export async function readUpload(fileName: string, bytes: Uint8Array): Promise<UploadedSheet[]> {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'import';
  let sheets: UploadedSheet[];
  if (/\.csv$/i.test(fileName)) {
    if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) throw new UploadRefused('kind');
    sheets = [{ name: base, values: parseCsv(decodeCsv(bytes)) }];
  } else if (/\.xlsx$/i.test(fileName)) {
    checkZip(bytes);
    const scratch: Emulator = createEmulator();
    try {
      await fromXlsx(scratch, Buffer.from(bytes));
    } catch (error) {
      throw new UploadRefused('unreadable', (error as Error).message);
    }
    sheets = scratch.spreadsheet.getSheets().map((s) => ({
      name: s.getName(),
      values: s.getLastRow() ? (s.getDataRange().getValues() as unknown[][]) : [],
    }));
  } else throw new UploadRefused('kind');
  sheets = sheets.filter((s) => s.values.some((r) => r.some((v) => v !== '' && v !== null)));
  if (!sheets.length) throw new UploadRefused('empty');
  checkCells(sheets);
  return sheets;
}

/**
 * Adds each sheet as a new sheet of the spreadsheet (named after it, with (2), (3)… when the name
 * is taken), its cells formatted as plain text first so a cell holding "=…" stays text, as
 * Sheets' import does with "convert text to numbers, dates and formulas" off. Returns the names.
 */
export function insertUploaded(emu: Emulator, sheets: readonly UploadedSheet[]): string[] {
  const ss = emu.spreadsheet;
  return sheets.map((s) => {
    let name = s.name.slice(0, 90);
    for (let n = 2; ss.getSheetByName(name); n++) name = `${s.name.slice(0, 90)} (${n})`;
    const sheet = ss.insertSheet(name);
    const width = Math.max(1, ...s.values.map((r) => r.length));
    const rect = s.values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    if (rect.length > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), rect.length - sheet.getMaxRows());
    if (width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const range = sheet.getRange(1, 1, rect.length, width);
    range.setNumberFormat('@');
    range.setValues(rect);
    return name;
  });
}
