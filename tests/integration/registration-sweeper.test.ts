import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Clock } from '@plenary/runtime';
import mongoose, { type Connection, type Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { DelegationRecord } from '../../apps/participants/src/delegations/schemas/delegation.schema.js';
import type { ParticipantPlaces } from '../../apps/participants/src/participants/participant-places.service.js';
import type { RegistrationSweeper } from '../../apps/participants/src/participants/registration-sweeper.js';
import type { ParticipantRecord } from '../../apps/participants/src/participants/schemas/participant.schema.js';
import type { PersonClaim } from '../../apps/participants/src/participants/schemas/person-claim.schema.js';
import { participantsStore } from '../support/participants-store.js';
import { testNamespace } from '../support/services.js';

/** What a process that died half-way through a registration or a withdrawal leaves, and its repair, on the real store. */
describe('RegistrationSweeper', () => {
  let connection: Connection;
  let delegations: Model<DelegationRecord>;
  let participants: Model<ParticipantRecord>;
  let claims: Model<PersonClaim>;
  let places: ParticipantPlaces;
  let sweeper: RegistrationSweeper;
  const now = new Date('2027-10-01T12:00:00Z');
  /** The clock the sweeper and reservations read: `now` unless a test moves it. */
  let clockAt = now;

  const participant = (id: string, state: string, confirmed: boolean, createdAt: Date) => ({
    _id: id,
    eventId: 'e-1',
    delegationId: 'd-1',
    partyCode: 'KAZ',
    party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
    name: { given: id, family: 'X', givenLatin: id, familyLatin: 'X' },
    sortName: id,
    role: 'member',
    email: `${id}@example.org`,
    emailKey: `${id}@example.org`,
    state,
    confirmed,
    version: confirmed ? 1 : 0,
    createdAt,
    updatedAt: createdAt,
    createdBy: 'test',
  });

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${testNamespace('sweeper')}_db` })
      .asPromise();
    ({ delegations, participants, claims, places, sweeper } = participantsStore(connection, {
      now: () => clockAt,
    } as Clock));
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('rolls back registrations never confirmed and frees places held by people who left', async () => {
    const longAgo = new Date(now.getTime() - 5 * 60_000);
    await delegations.create({
      _id: 'd-1',
      eventId: 'e-1',
      partyCode: 'KAZ',
      party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
      state: 'registered',
      coordinator: { name: 'Focal point', email: 'f@kaz.example' },
      seats: ['abandoned', 'in-progress', 'withdrawn', 'attending'],
      headParticipantId: 'withdrawn',
      version: 1,
      createdAt: longAgo,
      updatedAt: longAgo,
      createdBy: 'test',
    });
    await participants.insertMany([
      participant('abandoned', 'pending', false, longAgo),
      participant('in-progress', 'pending', false, new Date(now.getTime() - 1000)),
      participant('withdrawn', 'withdrawn', true, longAgo),
      participant('attending', 'pending', true, longAgo),
    ] as never);
    await claims.create({
      _id: 'e-1:abandoned@example.org',
      participantId: 'abandoned',
      delegationId: 'd-1',
      partyName: 'Kazakhstan',
    });

    // Freed: the rolled-back registration's seat, the withdrawn person's seat and head role.
    expect(await sweeper.sweep()).toEqual({ rolledBack: 1, seatsFreed: 3 });

    const delegation = await delegations.findById('d-1').lean();
    expect(delegation?.seats.sort()).toEqual(['attending', 'in-progress']);
    expect(delegation?.headParticipantId).toBeUndefined();
    expect(await participants.exists({ _id: 'abandoned' })).toBeNull();
    expect(await claims.countDocuments()).toBe(0);
    // A second sweep finds nothing more to do.
    expect(await sweeper.sweep()).toEqual({ rolledBack: 0, seatsFreed: 0 });
  });

  it('never gives back a hold an attempt has just taken, only abandoned ones no participant stands on', async () => {
    const longAgo = new Date(now.getTime() - 5 * 60_000);
    const hold = (at: Date) => uuidv7({ msecs: at.getTime() });
    const fresh = hold(new Date(now.getTime() - 2000)); // a reinstatement on its way
    const lost = hold(longAgo); // an attempt that lost the race to `won`
    const won = hold(new Date(longAgo.getTime() + 1));
    await delegations.create({
      _id: 'd-2',
      eventId: 'e-1',
      partyCode: 'AFG',
      party: { code: 'AFG', kind: 'state', name: 'Afghanistan' },
      state: 'registered',
      coordinator: { name: 'Focal point', email: 'f@afg.example' },
      seats: [`reinstating/${fresh}`, `double/${lost}`, `double/${won}`],
      headParticipantId: 'double',
      headHoldId: won,
      version: 1,
      createdAt: longAgo,
      updatedAt: longAgo,
      createdBy: 'test',
    });
    await participants.insertMany([
      { ...participant('reinstating', 'withdrawn', true, longAgo), delegationId: 'd-2', holds: {} },
      {
        ...participant('double', 'accredited', true, longAgo),
        delegationId: 'd-2',
        role: 'head',
        holds: { seat: won, email: won, head: won },
      },
    ] as never);

    expect(await sweeper.sweep()).toEqual({ rolledBack: 0, seatsFreed: 1 });
    const delegation = await delegations.findById('d-2').lean();
    expect(delegation?.seats.sort()).toEqual([`double/${won}`, `reinstating/${fresh}`]);
    expect(delegation).toMatchObject({ headParticipantId: 'double', headHoldId: won });
  });
  it('gives back what a registration that died before its write took, once past the grace, never what one on its way holds', async () => {
    // Only this test's delegation, so that the sweeper's counts are its own.
    await Promise.all([delegations.deleteMany({}), participants.deleteMany({}), claims.deleteMany({})]);
    const longAgo = new Date(now.getTime() - 5 * 60_000);
    await delegations.create({
      _id: 'd-3',
      eventId: 'e-1',
      partyCode: 'UZB',
      party: { code: 'UZB', kind: 'state', name: 'Uzbekistan' },
      state: 'registered',
      coordinator: { name: 'Focal point', email: 'f@uzb.example' },
      seats: [],
      version: 1,
      createdAt: longAgo,
      updatedAt: longAgo,
      createdBy: 'test',
    });
    const owner = (participantId: string) => ({
      participantId,
      eventId: 'e-1',
      delegationId: 'd-3',
      partyName: 'Uzbekistan',
    });
    try {
      // Reserved, then the process died before storing the record: no participant names its holds.
      const died = await places.reserve(
        owner('died'),
        { emailKey: 'died@example.org', seatWithin: 3, head: true },
        true,
      );
      // Within the grace it may still be on its way: the sweeper leaves it.
      clockAt = new Date(now.getTime() + 30_000);
      expect(await sweeper.sweep()).toEqual({ rolledBack: 0, seatsFreed: 0 });
      // Past the grace, beside a registration that has just reserved and not yet written.
      clockAt = new Date(now.getTime() + 61_000);
      const onItsWay = await places.reserve(
        owner('on-its-way'),
        { emailKey: 'way@example.org', seatWithin: 3 },
        true,
      );
      expect(await sweeper.sweep()).toEqual({ rolledBack: 0, seatsFreed: 2 });
      const delegation = await delegations.findById('d-3').lean();
      expect(delegation?.seats).toEqual([`on-its-way/${onItsWay.holdId}`]);
      expect(delegation?.headParticipantId).toBeUndefined();
      // The next registration of the person takes over the claim the dead attempt left.
      const again = await places.reserve(
        owner('again'),
        { emailKey: 'died@example.org', seatWithin: 3, head: true },
        true,
      );
      expect(await claims.findById('e-1:died@example.org').lean()).toMatchObject({
        participantId: 'again',
        holdId: again.holdId,
      });
      expect(died.holdId).not.toBe(again.holdId);
    } finally {
      clockAt = now;
    }
  });
});
