/**
 * Errors that mean "the store is out of reach right now", not "this request or message is
 * wrong": HTTP answers 503 and consumers wait and retry instead of dead-lettering.
 */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClosedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoPoolClearedError',
  'MongoExpiredSessionError',
]);

export function isStoreUnavailableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_ERROR_NAMES.has(error.name)) return true;
  const labels = (error as { errorLabels?: string[] }).errorLabels ?? [];
  if (labels.includes('ResetPool') || labels.includes('SystemOverloadedError')) return true;
  // mongoose, when told not to buffer, refuses to run a query before the connection is up.
  if (
    error.name === 'MongooseError' &&
    /before initial connection|buffering timed out|Connection was force closed/.test(error.message)
  ) {
    return true;
  }
  return isStoreUnavailableError((error as { cause?: unknown }).cause);
}

/** MongoDB's duplicate-key error (a unique index refused the write). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * An unordered bulk write (insertMany or bulkWrite with ordered: false) whose every failed
 * operation was refused by a unique index: the rest were written.
 */
export function isOnlyDuplicateKeyErrors(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return isDuplicateKeyError(error);
  return writeErrors.every((e) => isDuplicateKeyError(e));
}
