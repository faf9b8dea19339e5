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

  it('remembers a processed id, once, however often it is recorded', async () => {
    expect(await inbox.seen('m-1')).toBe(false);
    await inbox.record('m-1', 'event.created');
    await inbox.record('m-1', 'event.created');
    expect(await inbox.seen('m-1')).toBe(true);
    expect(await connection.collection('inbox').countDocuments({ _id: 'm-1' as never })).toBe(1);
  });

  it('forgets ids older than the retention', async () => {
    await inbox.record('m-2', 'event.created');
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    expect(await inbox.forgetOld(new Date())).toBe(0);
    expect(await inbox.forgetOld(tomorrow)).toBe(2);
    expect(await inbox.seen('m-2')).toBe(false);
  });
});
