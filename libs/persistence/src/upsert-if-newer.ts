import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './store-errors.js';

/**
 * Writes a projection (a service's own copy of another service's record) from a message,
 * unless the copy already reflects that version or a newer one. Redelivered and out-of-order
 * messages therefore change nothing, which keeps message handlers idempotent.
 * Returns whether the copy changed.
 */
export async function upsertIfNewer<T extends { _id: string; version: number }>(
  model: Model<T>,
  id: string,
  version: number,
  fields: Omit<Partial<T>, '_id' | 'version'>,
): Promise<boolean> {
  try {
    const result = await model.updateOne(
      { _id: id, version: { $lt: version } } as never,
      { $set: { ...fields, version } } as never,
      { upsert: true },
    );
    return result.modifiedCount + result.upsertedCount > 0;
  } catch (error) {
    // The copy exists at this version or a newer one, so the upsert's insert collided on _id.
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
