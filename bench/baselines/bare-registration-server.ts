/**
 * The first registration baseline, the bare one-insert: a bare Node HTTP handler that inserts
 * the same participant document with the native driver into the same store, and nothing else
 * (no quota, no uniqueness, no outbox). Run as its own process, like the service it is compared with.
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { serveRegistrations } from './registration-endpoint.js';

const client = new MongoClient(process.env.MONGO_URL!);
await client.connect();
const participants = client.db(process.env.MONGO_DATABASE!).collection('participants');

serveRegistrations(
  async (delegationId, input) => {
    const now = new Date();
    const doc = {
      _id: randomUUID(),
      delegationId,
      ...input,
      name: { ...input.name, givenLatin: input.name.given, familyLatin: input.name.family },
      emailKey: input.email.toLowerCase(),
      state: 'pending',
      confirmed: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await participants.insertOne(doc as never);
    return { status: 201, body: doc };
  },
  () => client.close(),
);
