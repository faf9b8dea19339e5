import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { upsertIfNewer, upsertManyIfNewer } from '@plenary/persistence';
import mongoose, { type Connection, type Model, Schema } from 'mongoose';
import { testNamespace } from '../support/services.js';

interface Copy {
  _id: string;
  title: string;
  version: number;
}

/** Projections written in bulk on the real store: the same outcome as one upsertIfNewer per message. */
describe('upsertManyIfNewer', () => {
  let connection: Connection;
  let copies: Model<Copy>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${testNamespace('upsertmany')}_db` })
      .asPromise();
    copies = connection.model<Copy>(
      'Copy',
      new Schema<Copy>({ _id: String, title: String, version: Number }, { versionKey: false }),
    );
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  const stored = async (ids: string[]) =>
    Object.fromEntries(
      (await copies.find({ _id: { $in: ids } }).lean()).map((c) => [c._id, `${c.title}@${c.version}`]),
    );

  it('inserts absent copies, takes newer versions, ignores older and repeated ones, coalesces versions of one record', async () => {
    await upsertIfNewer(copies, 'a', 2, { title: 'a two' });
    await upsertIfNewer(copies, 'b', 5, { title: 'b five' });
    const changed = await upsertManyIfNewer(copies, [
      { id: 'a', version: 3, fields: { title: 'a three' } }, // newer: taken
      { id: 'b', version: 4, fields: { title: 'b four, late' } }, // older: ignored
      { id: 'c', version: 1, fields: { title: 'c one' } }, // absent: inserted
      { id: 'c', version: 3, fields: { title: 'c three' } }, // then newer: the newest wins
      { id: 'c', version: 2, fields: { title: 'c two, late' } },
      { id: 'a', version: 3, fields: { title: 'a three, again' } }, // repeated: ignored
      { id: 'd', version: 1, fields: { title: 'd one' } },
    ]);
    expect(await stored(['a', 'b', 'c', 'd'])).toEqual({
      a: 'a three@3',
      b: 'b five@5',
      c: 'c three@3',
      d: 'd one@1',
    });
    expect(changed).toBe(3);
    expect(await copies.countDocuments({ _id: { $in: ['a', 'b', 'c', 'd'] } })).toBe(4);
  });

  it('changes nothing when given the same copies again', async () => {
    const batch = [
      { id: 'e', version: 1, fields: { title: 'e one' } },
      { id: 'f', version: 2, fields: { title: 'f two' } },
    ];
    expect(await upsertManyIfNewer(copies, batch)).toBe(2);
    expect(await upsertManyIfNewer(copies, batch)).toBe(0);
    expect(await stored(['e', 'f'])).toEqual({ e: 'e one@1', f: 'f two@2' });
  });

  it('keeps the newest when another writer inserts the same records between its read and its insert', async () => {
    // A concurrent writer gets in after the versions were read as absent: the inserts of those
    // copies collide (duplicate _id) and must become guarded updates, so the newer version wins.
    const schema = new Schema<Copy>({ _id: String, title: String, version: Number }, { versionKey: false });
    schema.pre('insertMany', async function () {
      await this.collection.insertMany([
        { _id: 'r-older', title: 'concurrent', version: 1 },
        { _id: 'r-newer', title: 'concurrent', version: 5 },
      ] as never[]);
    });
    const raced = connection.model<Copy>('RacedCopy', schema, 'raced_copies');
    const changed = await upsertManyIfNewer(raced, [
      { id: 'r-older', version: 3, fields: { title: 'mine' } },
      { id: 'r-newer', version: 3, fields: { title: 'mine' } },
      { id: 'r-free', version: 3, fields: { title: 'mine' } },
    ]);
    const result = Object.fromEntries(
      (await raced.find().lean()).map((c) => [c._id, `${c.title}@${c.version}`]),
    );
    expect(result).toEqual({ 'r-older': 'mine@3', 'r-newer': 'concurrent@5', 'r-free': 'mine@3' });
    expect(changed).toBe(2);
  });

  it('writes a single copy as upsertIfNewer does', async () => {
    expect(await upsertManyIfNewer(copies, [{ id: 'g', version: 1, fields: { title: 'g one' } }])).toBe(1);
    expect(await upsertManyIfNewer(copies, [{ id: 'g', version: 1, fields: { title: 'g again' } }])).toBe(0);
    expect(await upsertManyIfNewer(copies, [])).toBe(0);
    expect(await stored(['g'])).toEqual({ g: 'g one@1' });
  });
});
