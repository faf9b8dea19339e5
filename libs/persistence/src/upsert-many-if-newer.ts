import type { Model } from 'mongoose';
import { isOnlyDuplicateKeyErrors } from './store-errors.js';
import { upsertIfNewer } from './upsert-if-newer.js';

/** One copy to write: the record's id, the source's version, and the fields the copy keeps. */
export interface VersionedCopy<T> {
  id: string;
  version: number;
  fields: Omit<Partial<T>, '_id' | 'version'>;
}

/**
 * upsertIfNewer for many copies at once, with the same outcome as calling it for each in turn:
 * a copy changes only if the version given is newer than the one it holds. Several versions of
 * one record are coalesced to the newest. In at most four store commands, whatever the number
 * of copies (one command per copy costs far more, on FerretDB above all): one read of the
 * versions held (_id $in), one insertMany of the absent copies and one bulkWrite of guarded
 * updates for the others; an insert that collides with a concurrent one (duplicate _id) is
 * retried as a guarded update. A single copy takes upsertIfNewer's one command. As with
 * upsertIfNewer's update, the fields are cast to the schema and its defaults applied on insert,
 * but validators do not run.
 * Copies are never deleted: one deleted between the read and the update stays deleted.
 * Returns how many copies changed.
 */
export async function upsertManyIfNewer<T extends { _id: string; version: number }>(
  model: Model<T>,
  copies: readonly VersionedCopy<T>[],
): Promise<number> {
  const newest = new Map<string, VersionedCopy<T>>();
  for (const copy of copies) {
    const kept = newest.get(copy.id);
    if (!kept || copy.version > kept.version) newest.set(copy.id, copy);
  }
  if (newest.size <= 1) {
    const [only] = newest.values();
    return only && (await upsertIfNewer(model, only.id, only.version, only.fields)) ? 1 : 0;
  }
  const held = await model
    .find({ _id: { $in: [...newest.keys()] } } as never, { _id: 1, version: 1 })
    .lean<{ _id: string; version: number }[]>()
    .exec();
  const heldVersions = new Map(held.map((copy) => [copy._id, copy.version]));
  const absent: VersionedCopy<T>[] = [];
  const newer: VersionedCopy<T>[] = [];
  for (const copy of newest.values()) {
    const version = heldVersions.get(copy.id);
    if (version === undefined) absent.push(copy);
    else if (version < copy.version) newer.push(copy);
  }
  const [inserted, updated] = await Promise.all([insertAbsent(model, absent), updateIfNewer(model, newer)]);
  return inserted + updated;
}

/** Inserts copies read as absent; those a concurrent writer inserted meanwhile become guarded updates. */
async function insertAbsent<T extends { _id: string; version: number }>(
  model: Model<T>,
  copies: VersionedCopy<T>[],
): Promise<number> {
  if (copies.length === 0) return 0;
  try {
    // Cast and given their defaults as upsertIfNewer's update would be, without building a
    // mongoose document per copy (most of a catch-up's time went there).
    const documents = copies.map(({ id, version, fields }) =>
      model.applyDefaults(model.castObject({ ...fields, _id: id, version })),
    );
    await model.insertMany(documents, { ordered: false, lean: true });
    return copies.length;
  } catch (error) {
    if (!isOnlyDuplicateKeyErrors(error)) throw error;
    const refused = (error as { writeErrors: unknown[] }).writeErrors.length;
    // Which ones collided matters not: for a copy just inserted, the guarded update changes nothing.
    return copies.length - refused + (await updateIfNewer(model, copies));
  }
}

/** One bulkWrite: each copy changes only where it still holds an older version. */
async function updateIfNewer<T extends { _id: string; version: number }>(
  model: Model<T>,
  copies: VersionedCopy<T>[],
): Promise<number> {
  if (copies.length === 0) return 0;
  const result = await model.bulkWrite(
    copies.map(({ id, version, fields }) => ({
      updateOne: {
        filter: { _id: id, version: { $lt: version } } as never,
        update: { $set: { ...fields, version } } as never,
      },
    })),
    { ordered: false },
  );
  return result.modifiedCount;
}
