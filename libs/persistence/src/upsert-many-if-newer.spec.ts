import { describe, expect, it } from '@jest/globals';
import type { Model } from 'mongoose';
import { upsertManyIfNewer } from './upsert-many-if-newer.js';

interface Copy {
  _id: string;
  title: string;
  version: number;
}

/** An in-memory model that answers the four commands upsertManyIfNewer uses, and logs them. */
function fakeModel(held: Copy[], options: { concurrentInsert?: Copy } = {}) {
  const documents = new Map(held.map((c) => [c._id, { ...c }]));
  const commands: string[] = [];
  const model = {
    find: (filter: { _id: { $in: string[] } }) => ({
      lean: () => ({
        exec: async () => {
          commands.push(`find ${filter._id.$in.length}`);
          return filter._id.$in.flatMap((id) => (documents.has(id) ? [documents.get(id)!] : []));
        },
      }),
    }),
    castObject: (doc: Copy) => doc,
    applyDefaults: (doc: Copy) => doc,
    insertMany: async (docs: Copy[]) => {
      commands.push(`insertMany ${docs.length}`);
      if (options.concurrentInsert) documents.set(options.concurrentInsert._id, options.concurrentInsert);
      const writeErrors = docs.filter((d) => documents.has(d._id)).map(() => ({ code: 11000 }));
      for (const doc of docs) if (!documents.has(doc._id)) documents.set(doc._id, doc);
      if (writeErrors.length > 0) throw Object.assign(new Error('E11000'), { code: 11000, writeErrors });
    },
    bulkWrite: async (
      ops: { updateOne: { filter: Copy & { version: { $lt: number } }; update: { $set: Copy } } }[],
    ) => {
      commands.push(`bulkWrite ${ops.length}`);
      let modifiedCount = 0;
      for (const { updateOne } of ops) {
        const doc = documents.get(updateOne.filter._id);
        if (doc && doc.version < updateOne.filter.version.$lt) {
          Object.assign(doc, updateOne.update.$set);
          modifiedCount++;
        }
      }
      return { modifiedCount };
    },
    updateOne: async () => {
      commands.push('updateOne');
      return { modifiedCount: 1, upsertedCount: 0 };
    },
  } as unknown as Model<Copy>;
  return { model, commands, documents };
}

const copy = (id: string, version: number, title = `${id}${version}`) => ({ id, version, fields: { title } });

describe('upsertManyIfNewer', () => {
  it('reads once, inserts the absent copies together and updates the older ones together', async () => {
    const { model, commands, documents } = fakeModel([
      { _id: 'a', title: 'a1', version: 1 },
      { _id: 'b', title: 'b5', version: 5 },
    ]);
    const changed = await upsertManyIfNewer(model, [
      copy('a', 2),
      copy('b', 3),
      copy('c', 1),
      copy('c', 4),
      copy('c', 2),
      copy('d', 1),
    ]);
    expect(commands.sort()).toEqual(['bulkWrite 1', 'find 4', 'insertMany 2']);
    expect(changed).toBe(3);
    expect([...documents.values()].map((d) => `${d._id}:${d.title}@${d.version}`).sort()).toEqual([
      'a:a2@2',
      'b:b5@5',
      'c:c4@4',
      'd:d1@1',
    ]);
  });

  it('turns inserts that collided with a concurrent one into guarded updates', async () => {
    const { model, commands, documents } = fakeModel([], {
      concurrentInsert: { _id: 'a', title: 'theirs', version: 1 },
    });
    expect(await upsertManyIfNewer(model, [copy('a', 2), copy('b', 1)])).toBe(2);
    expect(commands).toEqual(['find 2', 'insertMany 2', 'bulkWrite 2']);
    expect(documents.get('a')).toMatchObject({ title: 'a2', version: 2 });
  });

  it('writes one copy with one guarded upsert, and nothing for none', async () => {
    const { model, commands } = fakeModel([]);
    expect(await upsertManyIfNewer(model, [copy('a', 1), copy('a', 1)])).toBe(1);
    expect(await upsertManyIfNewer(model, [])).toBe(0);
    expect(commands).toEqual(['updateOne']);
  });
});
