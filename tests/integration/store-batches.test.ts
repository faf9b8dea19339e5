import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Collection, MongoClient } from 'mongodb';
import { testNamespace } from '../support/services.js';

/**
 * The outbox relay clears a whole batch of documents with one bulk write. FerretDB 1.24 kept
 * one SQLite connection per update statement until the command returned, so a batch of 100 or
 * more exhausted its pool of 100 and the store hung for good (found by the broker fault test:
 * the relay's first batch after the outage). The project's FerretDB build fixes it
 * (infra/local/ferretdb/update-batches.patch); this checks it against whatever store the tests use.
 */
describe('the store: large bulk writes', () => {
  let client: MongoClient;
  let collection: Collection<{ _id: string; version: number; pending: boolean }>;

  beforeAll(async () => {
    client = await new MongoClient(process.env.MONGO_URL!, { socketTimeoutMS: 30_000 }).connect();
    collection = client.db(`${testNamespace('batches')}_db`).collection('documents');
  });

  afterAll(async () => {
    await collection?.drop().catch(() => undefined);
    await client?.close();
  });

  it('applies 250 single-document updates in one command, and the store still answers', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `doc-${String(i).padStart(3, '0')}`);
    await collection.insertMany(ids.map((_id) => ({ _id, version: 1, pending: true })));

    const result = await collection.bulkWrite(
      ids.map((_id) => ({
        updateOne: { filter: { _id, version: 1 }, update: { $set: { pending: false } } },
      })),
      { ordered: false },
    );

    expect(result.matchedCount).toBe(250);
    expect(await collection.countDocuments({ pending: true })).toBe(0);
    expect(await collection.findOne({ _id: 'doc-000' })).toEqual({
      _id: 'doc-000',
      version: 1,
      pending: false,
    });
  }, 60_000);
});
