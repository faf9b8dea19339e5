/**
 * The second registration baseline: the fewest writes the registration rules need, with the
 * native driver, behind a bare Node HTTP handler. Per registration:
 * 1. one conditional update of the delegation's document that takes a seat within the quota
 *    (and, for a head, the head role in the same update);
 * 2. the insert of the person's claim at this meeting, whose unique _id (meeting and email)
 *    lets one delegation at most hold a person;
 * 3. the insert of the participant record with the message announcing it in its outbox.
 * A refusal (quota full, head taken, person already registered) gives back what it took and
 * answers 409. No reads, no relay, no sequence numbers: what any design must at least write.
 * The delegations (DELEGATION_IDS of EVENT_ID, QUOTA seats each) are seeded at start.
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { serveRegistrations } from './registration-endpoint.js';

interface Delegation {
  _id: string;
  eventId: string;
  seatsLeft: number;
  headParticipantId: string | null;
}

const eventId = process.env.EVENT_ID!;
const client = new MongoClient(process.env.MONGO_URL!);
await client.connect();
const db = client.db(process.env.MONGO_DATABASE!);
const delegations = db.collection<Delegation>('delegations');
const claims = db.collection<{ _id: string; participantId: string; delegationId: string }>('person_claims');
const participants = db.collection('participants');
await delegations.insertMany(
  process.env.DELEGATION_IDS!.split(',').map((id) => ({
    _id: id,
    eventId,
    seatsLeft: Number(process.env.QUOTA),
    headParticipantId: null,
  })),
);

const refused = (message: string) => ({ status: 409, body: { message } });

serveRegistrations(
  async (delegationId, input) => {
    const id = randomUUID();
    const head = input.role === 'head';
    const seat = await delegations.updateOne(
      { _id: delegationId, seatsLeft: { $gt: 0 }, ...(head ? { headParticipantId: null } : {}) },
      { $inc: { seatsLeft: -1 }, ...(head ? { $set: { headParticipantId: id } } : {}) },
    );
    if (seat.modifiedCount !== 1) return refused('quota full or head taken');
    const emailKey = input.email.trim().toLowerCase();
    try {
      await claims.insertOne({ _id: `${eventId}:${emailKey}`, participantId: id, delegationId });
    } catch (error) {
      await delegations.updateOne(
        { _id: delegationId },
        { $inc: { seatsLeft: 1 }, ...(head ? { $set: { headParticipantId: null } } : {}) },
      );
      if ((error as { code?: number }).code === 11000) return refused('already registered');
      throw error;
    }
    const now = new Date();
    const participant = {
      _id: id,
      eventId,
      delegationId,
      ...input,
      name: { ...input.name, givenLatin: input.name.given, familyLatin: input.name.family },
      emailKey,
      state: 'pending',
      confirmed: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const message = {
      id: randomUUID(),
      type: 'participant.registered',
      version: 1,
      topic: 'participants',
      key: eventId,
      source: '/plenary/bench',
      subject: `participants/${id}`,
      time: now,
      correlationId: id,
      causationId: id,
      data: JSON.stringify({ participant }),
    };
    await participants.insertOne({ ...participant, outbox: [message], outboxPending: true } as never);
    return { status: 201, body: participant };
  },
  () => client.close(),
);
