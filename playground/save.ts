/**
 * How the playground writes the workbook file it opened, so that no save can break or lose it:
 * the bytes go to a temporary file in the same folder and only a rename replaces the original (a
 * rename within one file system is atomic: a process killed mid-save leaves the old file or the
 * new one, never half of one); saves run one at a time; the file as Houqin first found it is kept
 * as FILE.bak and never overwritten.
 */
import { access, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.houqin-saving';

/** `.office.xlsx.12345.houqin-saving`: hidden, beside the file, named by the process writing it. */
function tempName(file: string, pid: number): string {
  return join(dirname(file), `.${basename(file)}.${pid}${TEMP_SUFFIX}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of saves that were killed; those of a playground still running are left alone. */
async function removeAbandonedTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  for (const name of await readdir(dirname(file))) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length, -TEMP_SUFFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid))
      await unlink(join(dirname(file), name)).catch(() => undefined);
  }
}

/** Replaces `file` by `bytes` through a temporary file and a rename, keeping the file's mode. */
export async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = tempName(file, process.pid);
  const mode = await stat(file).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  try {
    // flush: the bytes are on disk before the rename makes them the file.
    await writeFile(temp, bytes, { mode, flush: true });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** What to write; `file` sends it somewhere other than the workbook file (a file beside it). */
export type Snapshot = Uint8Array | { bytes: Uint8Array; file: string };

export interface WorkbookFile {
  /** Queues a save of what `snapshot` returns when the save starts; resolves once it is written. */
  save(snapshot: () => Promise<Snapshot>): Promise<void>;
  /** Resolves once every queued save has finished, written or failed. */
  settled(): Promise<void>;
}

/**
 * Opens `file` for saving: FILE.bak is written from `original` (the bytes just read) unless an
 * earlier run already kept one, and temporary files of killed saves are removed.
 */
export async function openWorkbookFile(file: string, original: Uint8Array): Promise<WorkbookFile> {
  await removeAbandonedTemps(file);
  const backup = `${file}.bak`;
  if (!(await exists(backup))) await replaceFile(backup, original);

  let last: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  return {
    save(snapshot) {
      // A save not yet started will write the latest state anyway: one more would add nothing.
      if (waiting) return waiting;
      const next = last.then(async () => {
        waiting = null;
        const next = await snapshot();
        if (next instanceof Uint8Array) await replaceFile(file, next);
        else {
          await removeAbandonedTemps(next.file);
          await replaceFile(next.file, next.bytes);
        }
      });
      waiting = next;
      last = next.catch(() => undefined);
      return next;
    },
    settled: () => last,
  };
}
