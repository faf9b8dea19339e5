import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose, { type Connection, type Model } from 'mongoose';
import {
  ParticipantSummaryWriter,
  type SummaryContent,
} from '../../apps/participants/src/reporting/participant-summary-writer.service.js';
import {
  ParticipantSummaryRecord,
  ParticipantSummarySchema,
} from '../../apps/participants/src/reporting/schemas/participant-summary.schema.js';
import { testNamespace } from '../support/services.js';

const content = (byState: Record<string, number>): SummaryContent => ({
  total: 1,
  byState,
  byRole: { member: 1 },
  byGender: {},
  headsByGender: {},
  checkedIn: 0,
  byParty: [{ code: 'KAZ', kind: 'state', name: 'Kazakhstan', total: 1, byState, checkedIn: 0 }],
  checkInsByMinute: [],
  lastChanges: [],
});

/** The summary's guarded write on the real store: each write lands whole, and only from the revision it names. */
describe('the participant summary writer', () => {
  let connection: Connection;
  let writer: ParticipantSummaryWriter;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${testNamespace('summarywriter')}_db` })
      .asPromise();
    writer = new ParticipantSummaryWriter(
      connection.model(
        ParticipantSummaryRecord.name,
        ParticipantSummarySchema,
      ) as never as Model<ParticipantSummaryRecord>,
    );
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('replaces counts held under other keys with the same values ({pending: 1} then {accredited: 1})', async () => {
    // FerretDB 1.24's $set kept the old embedded document here; the write is a replacement.
    expect(await writer.write('e-1', 0, content({ pending: 1 }))).toBe(true);
    expect(await writer.write('e-1', 1, content({ accredited: 1 }))).toBe(true);
    const stored = await writer.find('e-1');
    expect(stored).toMatchObject({ revision: 2, byState: { accredited: 1 } });
    expect(stored!.byState).toEqual({ accredited: 1 });
    expect(stored!.byParty[0].byState).toEqual({ accredited: 1 });
  });

  it('refuses a write computed from another revision, and changes nothing', async () => {
    expect(await writer.write('e-2', 0, content({ pending: 1 }))).toBe(true);
    expect(await writer.write('e-2', 0, content({ rejected: 1 }))).toBe(false);
    expect(await writer.write('e-2', 2, content({ rejected: 1 }))).toBe(false);
    expect(await writer.find('e-2')).toMatchObject({ revision: 1, byState: { pending: 1 } });
  });

  it('settles a write: its applied contributions dropped at that revision only, the counters kept', async () => {
    const applied = { ...content({ pending: 1 }), lastChanges: [{ id: 'p-1', version: 2 }] as never };
    expect(await writer.write('e-3', 0, applied)).toBe(true);
    await writer.settle('e-3', 2); // not the revision that wrote them: nothing changes
    expect((await writer.find('e-3'))!.lastChanges).toHaveLength(1);
    await writer.settle('e-3', 1);
    expect(await writer.find('e-3')).toMatchObject({ revision: 1, lastChanges: [], byState: { pending: 1 } });
  });
});
