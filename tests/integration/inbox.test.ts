import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ServiceConfig } from '@plenary/config';
import { Inbox } from '@plenary/messaging';
import { createLogger } from '@plenary/observability';
import mongoose, { type Connection } from 'mongoose';
import { testNamespace } from '../support/services.js';

class TestConfig extends ServiceConfig {
  readonly service = 'test';
  override INBOX_RETENTION_HOURS: number = 24;
}

/** The inbox on the real store: what it remembers, and what it forgets after the retention. */
describe('Inbox', () => {
  let connection: Connection;
  let inbox: Inbox;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${testNamespace('inbox')}_db` })
      .asPromise();
    inbox = new Inbox(connection, new TestConfig(), createLogger('test', 'silent'));
    await inbox.onModuleInit();
  });

  afterAll(async () => {
    inbox?.onModuleDestroy();
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('remembers processed ids, once each, however often they are recorded, and reads a batch in one query', async () => {
    expect(await inbox.seenAmong(['m-1', 'm-3'])).toEqual(new Set());
    await inbox.recordAll([{ id: 'm-1', type: 'event.created' }]);
    // Recorded again beside a new one (ordered: false): the duplicate is ignored, the new one written.
    await inbox.recordAll([
      { id: 'm-1', type: 'event.created' },
      { id: 'm-3', type: 'event.updated' },
      { id: 'm-3', type: 'event.updated' },
    ]);
    expect(await inbox.seenAmong(['m-1', 'm-3', 'm-4'])).toEqual(new Set(['m-1', 'm-3']));
    expect(await connection.collection('inbox').countDocuments({ _id: 'm-1' as never })).toBe(1);
    expect(await connection.collection('inbox').countDocuments({ _id: 'm-3' as never })).toBe(1);
  });

  it('forgets ids older than the retention', async () => {
    await inbox.recordAll([{ id: 'm-2', type: 'event.created' }]);
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    expect(await inbox.forgetOld(new Date())).toBe(0);
    expect(await inbox.forgetOld(tomorrow)).toBe(3);
    expect(await inbox.seenAmong(['m-2'])).toEqual(new Set());
  });
});
