import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { upsertIfNewer } from '@plenary/persistence';
import mongoose, { type Connection, type Model, Schema } from 'mongoose';
import { testNamespace } from '../support/services.js';

interface Copy {
  _id: string;
  title: string;
  version: number;
}

/** Projections on the real store: messages that are older, repeated or out of order change nothing. */
describe('upsertIfNewer', () => {
  let connection: Connection;
  let copies: Model<Copy>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${testNamespace('upsert')}_db` })
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

  const titleOf = async (id: string) => (await copies.findById(id).lean())?.title;

  it('creates the copy, takes newer versions and ignores older or repeated ones', async () => {
    expect(await upsertIfNewer(copies, 'e-1', 1, { title: 'first' })).toBe(true);
    expect(await upsertIfNewer(copies, 'e-1', 3, { title: 'third' })).toBe(true);
    expect(await upsertIfNewer(copies, 'e-1', 2, { title: 'second, late' })).toBe(false);
    expect(await upsertIfNewer(copies, 'e-1', 3, { title: 'third, again' })).toBe(false);
    expect(await titleOf('e-1')).toBe('third');
    expect(await copies.countDocuments()).toBe(1);
  });
});
