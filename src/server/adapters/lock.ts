/** Raised when another Houqin operation holds the document: the caller tells the user to retry. */
export class BusyError extends Error {
  constructor() {
    super('busy');
    this.name = 'BusyError';
  }
}

/**
 * Apps Script stops a simple trigger (onOpen, onEdit) after 30 seconds
 * (https://developers.google.com/apps-script/guides/triggers#restrictions). A simple trigger gives
 * up on the lock early enough to keep this much of that limit for its own work.
 */
const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
const SIMPLE_TRIGGER_WORK_MS = 10_000;

/** When set (during a simple trigger), no lock wait may run past this instant. */
let waitDeadline: number | undefined;

/** Runs a simple trigger's handler so that all its lock waits together fit in its time limit. */
export function withinSimpleTriggerLimit<T>(fn: () => T): T {
  waitDeadline = Date.now() + SIMPLE_TRIGGER_LIMIT_MS - SIMPLE_TRIGGER_WORK_MS;
  try {
    return fn();
  } finally {
    waitDeadline = undefined;
  }
}

/**
 * Runs a read-modify-write under the document lock, so two people (or a trigger and a person)
 * never interleave. Pending writes are flushed before the lock is released.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = 30_000): T {
  // getDocumentLock is null outside a document's context (some add-on trigger runs); the script
  // lock then still keeps two runs of this workbook's jobs apart.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  const wait = waitDeadline === undefined ? waitMs : Math.min(waitMs, Math.max(0, waitDeadline - Date.now()));
  if (!lock.tryLock(wait)) throw new BusyError();
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
