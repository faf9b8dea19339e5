import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Collection, type Filter, MongoClient, ObjectId } from 'mongodb';
import { testNamespace } from '../support/services.js';

interface Numbered {
  _id: string | number | ObjectId;
  n: number;
  tag?: string;
}

/**
 * The project's FerretDB build looks documents up through the _id index when a filter names
 * `_id` by value or by `$in` (infra/local/ferretdb/id-lookups.patch); everything else in the
 * filter is still applied. These check that the narrowed lookups return what MongoDB would.
 */
describe('the store: lookups by _id', () => {
  let client: MongoClient;
  let collection: Collection<Numbered>;

  beforeAll(async () => {
    client = await new MongoClient(process.env.MONGO_URL!, { socketTimeoutMS: 30_000 }).connect();
    collection = client.db(`${testNamespace('idlookups')}_db`).collection('documents');
    await collection.insertMany([
      ...Array.from({ length: 50 }, (_, n) => ({ _id: `doc-${n}`, n, tag: n % 2 ? 'odd' : 'even' })),
      { _id: new ObjectId('65a000000000000000000001'), n: 100 },
      { _id: 7, n: 107 },
    ]);
  });

  afterAll(async () => {
    await collection?.drop().catch(() => undefined);
    await client?.close();
  });

  const ns = async (filter: Filter<Numbered>) =>
    (await collection.find(filter).toArray()).map((document) => document.n as number).sort((a, b) => a - b);

  it('finds the documents named by $in, and only those', async () => {
    expect(await ns({ _id: { $in: ['doc-3', 'doc-40', 'doc-missing'] } })).toEqual([3, 40]);
    expect(await ns({ _id: { $in: [] } })).toEqual([]);
  });

  it('applies the rest of the filter to what the lookup found', async () => {
    expect(await ns({ _id: { $in: ['doc-3', 'doc-4', 'doc-5'] }, tag: 'odd' })).toEqual([3, 5]);
    expect(await ns({ _id: 'doc-4', tag: 'odd' })).toEqual([]);
  });

  it('finds ObjectId and numeric ids, alone or mixed with strings', async () => {
    expect(await ns({ _id: { $in: [new ObjectId('65a000000000000000000001'), 'doc-1'] } })).toEqual([1, 100]);
    expect(await ns({ _id: { $in: [7, 'doc-2'] } })).toEqual([2, 107]);
    expect(await ns({ _id: { $in: [7] } })).toEqual([107]);
  });

  it('leaves other operators on _id to the full filter', async () => {
    expect(await ns({ _id: { $in: ['doc-1', 'doc-2'], $ne: 'doc-1' } })).toEqual([2]);
    expect((await ns({ _id: { $nin: ['doc-1'] } })).length).toBe(51);
  });

  it('answers updates and deletes through the same lookups', async () => {
    const updated = await collection.updateMany(
      { _id: { $in: ['doc-10', 'doc-11'] } },
      { $set: { tag: 'x' } },
    );
    expect(updated.modifiedCount).toBe(2);
    expect(await ns({ tag: 'x' })).toEqual([10, 11]);
    const deleted = await collection.deleteMany({ _id: { $in: ['doc-10', 'doc-12'] } });
    expect(deleted.deletedCount).toBe(2);
    expect(await ns({ _id: { $in: ['doc-10', 'doc-11', 'doc-12'] } })).toEqual([11]);
  });
});
