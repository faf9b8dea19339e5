import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Collection, MongoClient } from 'mongodb';
import { testNamespace } from '../support/services.js';

/**
 * Plenary relies on MongoDB's single-document atomicity: the outbox and optimistic concurrency
 * both need an update to apply entirely or not at all, never interleaved with another one.
 * FerretDB 1.24 alone does not give it (it reads, then writes, outside a transaction); the
 * project's FerretDB program serialises writes so that it does. These checks run against
 * whatever store the tests use.
 */
describe('the store: single-document writes are atomic under concurrency', () => {
  let client: MongoClient;
  let collection: Collection<{ _id: string; n?: number; version?: number; winner?: number }>;

  beforeAll(async () => {
    client = await new MongoClient(process.env.MONGO_URL!, { maxPoolSize: 25 }).connect();
    collection = client.db(`${testNamespace('atomic')}_db`).collection('counters');
  });

  afterAll(async () => {
    await collection?.drop().catch(() => undefined);
    await client?.close();
  });

  it('loses no concurrent increment', async () => {
    await collection.insertOne({ _id: 'counter', n: 0 });
    await Promise.all(
      Array.from({ length: 100 }, () => collection.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })),
    );
    expect((await collection.findOne({ _id: 'counter' }))?.n).toBe(100);
  });

  it('lets exactly one of many writers win a version-guarded update', async () => {
    await collection.insertOne({ _id: 'guarded', version: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        collection.updateOne({ _id: 'guarded', version: 1 }, { $set: { winner: i }, $inc: { version: 1 } }),
      ),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    expect((await collection.findOne({ _id: 'guarded' }))?.version).toBe(2);
  });
});
