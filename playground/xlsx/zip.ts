/**
 * Reading and writing the zip an .xlsx is, with the checks that keep a hostile file from taking
 * the machine down: sizes are read from the zip's directory before anything is inflated, and
 * inflating stops as soon as a part grows past the size it declared (a zip bomb can lie).
 * Format: PKWARE APPNOTE.TXT 4.3.7 (local header), 4.3.12 (central directory), 4.3.16 (end record).
 */
import { Inflate, zipSync, type Zippable } from 'fflate';

/** Why a file is not a readable .xlsx; `key` names its message in `playground.xlsxRefused`. */
export class UnreadableWorkbook extends Error {
  constructor(
    readonly key: 'notZip' | 'encrypted' | 'bomb' | 'notWorkbook' | 'broken',
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
  }
}

/** Far beyond any office workbook the playground can hold (its million cells are ~100 MB of XML). */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;
/** A real part compresses 5–20 times; 1,000 times is a bomb, not a spreadsheet. */
const MAX_RATIO = 1000;
const CHUNK = 16 * 1024;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** OLE compound files (legacy .xls, and every password-protected .xlsx) start with these bytes. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function inflateBounded(data: Uint8Array, declared: number, name: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > declared) throw new UnreadableWorkbook('bomb', { part: name });
    parts.push(chunk);
  });
  for (let at = 0; at < data.length; at += CHUNK)
    inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  if (!data.length) inflater.push(new Uint8Array(0), true);
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Every part of the zip, in its order; throws UnreadableWorkbook saying why it cannot be read. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) throw new UnreadableWorkbook('encrypted');
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnreadableWorkbook('notZip');
  let end = bytes.length - 22;
  while (end >= 0 && u32(bytes, end) !== 0x06054b50) {
    if (bytes.length - end > 65_557) break;
    end -= 1;
  }
  if (end < 0 || u32(bytes, end) !== 0x06054b50) throw new UnreadableWorkbook('notZip');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const found: {
    name: string;
    method: number;
    flags: number;
    packed: number;
    size: number;
    local: number;
  }[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new UnreadableWorkbook('broken');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const packed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
    if (flags & 1) throw new UnreadableWorkbook('encrypted');
    total += size;
    if (size > MAX_UNZIPPED_BYTES || total > MAX_UNZIPPED_BYTES || size > Math.max(packed, 1) * MAX_RATIO)
      throw new UnreadableWorkbook('bomb', { part: name });
    found.push({ name, method, flags, packed, size, local });
  }
  return found.map((f) => {
    if (u32(bytes, f.local) !== 0x04034b50) throw new UnreadableWorkbook('broken');
    const start = f.local + 30 + u16(bytes, f.local + 26) + u16(bytes, f.local + 28);
    const raw = bytes.subarray(start, start + f.packed);
    if (f.method === 0) {
      if (f.packed > f.size) throw new UnreadableWorkbook('bomb', { part: f.name });
      return { name: f.name, data: raw.slice() };
    }
    if (f.method !== 8) throw new UnreadableWorkbook('broken');
    try {
      return { name: f.name, data: inflateBounded(raw, f.size, f.name) };
    } catch (error) {
      if (error instanceof UnreadableWorkbook) throw error;
      throw new UnreadableWorkbook('broken');
    }
  });
}

/** The parts as a zip, in the order given (so [Content_Types].xml stays first). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [e.data, { level: 6 }];
  return zipSync(files);
}
