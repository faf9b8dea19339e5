import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@plenary/auth';
import type { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import type { EventCopiesService } from '../event-copies/event-copies.service.js';
import type { EventCopy } from '../event-copies/schemas/event-copy.schema.js';
import type { CoordinatorDesignationWriter } from './coordinator-designation-writer.service.js';
import { CoordinatorDesignationsService } from './coordinator-designations.service.js';
import type { CoordinatorDesignation, StoredDesignation } from './schemas/coordinator-designation.schema.js';

const NOW = new Date('2027-09-02T08:30:00Z');
const secretariat: Principal = { subject: 'secretariat-1', role: 'secretariat' };
const meeting = {
  _id: 'meeting-a',
  title: 'Almaty Process meeting',
  parties: [{ code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['member'] }],
} as unknown as EventCopy;

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });

/** The service over a writer and a store scripted per test; records what the writer was asked. */
function subject(script: {
  inserts?: Array<'ok' | 'duplicate'>;
  found?: StoredDesignation[];
  revokes?: boolean[];
}) {
  const inserted: StoredDesignation[] = [];
  const revoked: StoredDesignation[] = [];
  const writer = {
    insert: async (record: StoredDesignation) => {
      if (script.inserts?.shift() === 'duplicate') throw duplicateKey();
      inserted.push(record);
    },
    revoke: async (record: StoredDesignation, by: string, at: Date) => {
      revoked.push(record);
      if (script.revokes?.shift() === false) return undefined;
      return {
        ...record,
        state: 'revoked' as const,
        revokedBy: by,
        revokedAt: at,
        version: record.version + 1,
      };
    },
  };
  const model = {
    findById: () => ({ lean: () => ({ exec: async () => script.found?.shift() ?? null }) }),
  };
  const copies = { find: async (id: string) => (id === meeting._id ? meeting : null) };
  const service = new CoordinatorDesignationsService(
    model as unknown as Model<CoordinatorDesignation>,
    copies as unknown as EventCopiesService,
    writer as unknown as CoordinatorDesignationWriter,
    { now: () => NOW } as Clock,
  );
  return { service, inserted, revoked };
}

const active = (version = 1): StoredDesignation => ({
  _id: '0192f0c4-8c3d-7e4f-9a0b-1c2d3e4f5a6b',
  eventId: 'meeting-a',
  party: 'KAZ',
  email: 'focal.point@mfa.kz',
  state: 'active',
  activeKey: 'meeting-a|KAZ|focal.point@mfa.kz',
  designatedBy: 'secretariat-1',
  designatedAt: NOW,
  version,
});

describe('designating a coordinator', () => {
  it('records an active designation under its unique key, with who designated it and when', async () => {
    const { service, inserted } = subject({});
    const view = await service.designate(
      'meeting-a',
      { party: 'KAZ', email: ' Focal.Point@MFA.kz', name: 'Aigerim Nurlanovna', language: 'ru' },
      secretariat,
    );
    expect(inserted).toEqual([
      expect.objectContaining({
        eventId: 'meeting-a',
        party: 'KAZ',
        email: 'focal.point@mfa.kz',
        state: 'active',
        activeKey: 'meeting-a|KAZ|focal.point@mfa.kz',
        designatedBy: 'secretariat-1',
        designatedAt: NOW,
      }),
    ]);
    expect(view).toEqual({
      id: inserted[0]._id,
      eventId: 'meeting-a',
      party: 'KAZ',
      email: 'focal.point@mfa.kz',
      name: 'Aigerim Nurlanovna',
      language: 'ru',
      state: 'active',
      designatedAt: NOW.toISOString(),
      designatedBy: 'secretariat-1',
    });
  });

  it('answers 404 for a meeting the service does not know', async () => {
    await expect(
      subject({}).service.designate('meeting-x', { party: 'KAZ', email: 'a@b.kz' }, secretariat),
    ).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND', status: 404 });
  });

  it('refuses a party that is not invited to the meeting, saying so', async () => {
    await expect(
      subject({}).service.designate('meeting-a', { party: 'AFG', email: 'a@b.kz' }, secretariat),
    ).rejects.toMatchObject({
      code: 'PARTY_NOT_INVITED',
      status: 409,
      message:
        'AFG is not among the parties invited to "Almaty Process meeting"; invite it to the meeting first.',
    });
  });

  it('answers 409 COORDINATOR_ALREADY_DESIGNATED when the same email is already active for the party', async () => {
    await expect(
      subject({ inserts: ['duplicate'] }).service.designate(
        'meeting-a',
        { party: 'KAZ', email: 'focal.point@mfa.kz' },
        secretariat,
      ),
    ).rejects.toMatchObject({ code: 'COORDINATOR_ALREADY_DESIGNATED', status: 409 });
  });
});

describe('revoking a designation', () => {
  it('revokes an active designation once', async () => {
    const { service, revoked } = subject({ found: [active()] });
    expect(await service.revoke(active()._id, secretariat)).toMatchObject({
      state: 'revoked',
      revokedBy: 'secretariat-1',
      revokedAt: NOW.toISOString(),
    });
    expect(revoked).toHaveLength(1);
  });

  it('answers a revoked designation as it is and writes nothing (a second click is harmless)', async () => {
    const already: StoredDesignation = {
      ...active(2),
      state: 'revoked',
      activeKey: 'revoked:x',
      revokedBy: 's',
      revokedAt: NOW,
    };
    const { service, revoked } = subject({ found: [already] });
    expect((await service.revoke(already._id, secretariat)).state).toBe('revoked');
    expect(revoked).toEqual([]);
  });

  it('reads again when another change won the race, and stops if that change was the revocation', async () => {
    const byOther: StoredDesignation = {
      ...active(2),
      state: 'revoked',
      activeKey: 'revoked:x',
      revokedBy: 'other',
    };
    const { service, revoked } = subject({ found: [active(), byOther], revokes: [false] });
    expect(await service.revoke(active()._id, secretariat)).toMatchObject({
      state: 'revoked',
      revokedBy: 'other',
    });
    expect(revoked).toHaveLength(1);
  });

  it('answers 404 for an unknown designation', async () => {
    await expect(subject({}).service.revoke('nope', secretariat)).rejects.toMatchObject({
      code: 'DESIGNATION_NOT_FOUND',
      status: 404,
    });
  });
});
