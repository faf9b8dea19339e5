import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@plenary/auth';
import type { Model } from 'mongoose';
import type { DelegationRecord } from '../delegations/schemas/delegation.schema.js';
import type { EventCopiesService } from '../event-copies/event-copies.service.js';
import type { EventCopy } from '../event-copies/schemas/event-copy.schema.js';
import type { CoordinatorDesignationsService } from './coordinator-designations.service.js';
import { MyCoordinationsService } from './my-coordinations.service.js';
import type { StoredDesignation } from './schemas/coordinator-designation.schema.js';

const designation = (eventId: string, party: string): StoredDesignation => ({
  _id: `d-${eventId}-${party}`,
  eventId,
  party,
  email: 'focal.point@mfa.kz',
  state: 'active',
  activeKey: `${eventId}|${party}|focal.point@mfa.kz`,
  designatedBy: 'secretariat-1',
  designatedAt: new Date('2027-09-02T08:30:00Z'),
  version: 1,
});

const meeting = (id: string, startsAt: string): EventCopy =>
  ({
    _id: id,
    title: `Meeting ${id}`,
    state: 'registration-open',
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt),
    timeZone: 'Asia/Almaty',
    parties: [{ code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member'] }],
    registration: {
      opensAt: new Date('2027-09-01T00:00:00Z'),
      closesAt: new Date('2027-11-07T13:00:00Z'),
      quotaPerDelegation: 6,
    },
    deleted: false,
    version: 3,
  }) as EventCopy;

function subject(records: StoredDesignation[], events: EventCopy[]) {
  const reads: string[] = [];
  const designations = {
    activeOf: async (email: string) => {
      reads.push(email);
      return records;
    },
  };
  const copies = { find: async (id: string) => events.find((e) => e._id === id) ?? null };
  const delegations = {
    find: () => ({
      lean: () => ({ exec: async () => [{ _id: 'delegation-1', eventId: 'm-2', partyCode: 'KAZ' }] }),
    }),
  };
  const service = new MyCoordinationsService(
    delegations as unknown as Model<DelegationRecord>,
    designations as unknown as CoordinatorDesignationsService,
    copies as unknown as EventCopiesService,
  );
  return { service, reads };
}

const person = (overrides: Partial<Principal> = {}): Principal => ({
  subject: 'kc-1',
  role: 'coordinator',
  email: 'focal.point@mfa.kz',
  emailVerified: true,
  ...overrides,
});

describe('my coordinations', () => {
  it('lists nothing for an unverified email, says why, and reads nothing', async () => {
    const { service, reads } = subject([designation('m-1', 'KAZ')], []);
    expect(await service.of(person({ emailVerified: false }))).toEqual({
      items: [],
      emailVerified: false,
      notice: expect.stringContaining('has not verified your email address (focal.point@mfa.kz)'),
    });
    expect(reads).toEqual([]);
  });

  it('lists each meeting in date order with its window, quota and the delegation once registered', async () => {
    const { service } = subject(
      [designation('m-1', 'KAZ'), designation('m-2', 'KAZ'), designation('gone', 'KAZ')],
      [meeting('m-1', '2028-03-01T04:00:00Z'), meeting('m-2', '2027-11-21T04:00:00Z')],
    );
    const mine = await service.of(person());
    expect(mine.emailVerified).toBe(true);
    // A meeting the service no longer knows (a deleted draft) is left out.
    expect(mine.items.map((i) => [i.event.id, i.partyName, i.delegationId])).toEqual([
      ['m-2', 'Kazakhstan', 'delegation-1'],
      ['m-1', 'Kazakhstan', undefined],
    ]);
    expect(mine.items[0].event.registration).toEqual({
      opensAt: '2027-09-01T00:00:00.000Z',
      closesAt: '2027-11-07T13:00:00.000Z',
      quotaPerDelegation: 6,
    });
  });
});
