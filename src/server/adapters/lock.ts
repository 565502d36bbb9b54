/** Raised when another Houqin operation holds the document: the caller tells the user to retry. */
export class BusyError extends Error {
  constructor() {
    super('busy');
    this.name = 'BusyError';
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
  if (!lock.tryLock(waitMs)) throw new BusyError();
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
