import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ServiceConfig } from '@plenary/config';
import { IdempotencyStore } from '@plenary/http';
import { createLogger } from '@plenary/observability';
import mongoose, { type Connection } from 'mongoose';
import { testNamespace } from '../support/services.js';

class TestConfig extends ServiceConfig {
  readonly service = 'test';
  override IDEMPOTENCY_KEY_RETENTION_HOURS: number = 24;
  override IDEMPOTENCY_KEY_LEASE_SECONDS: number = 60;
}

/** Idempotency keys on the real store: one claim among concurrent ones, the lease, and the retention. */
describe('IdempotencyStore', () => {
  let connection: Connection;
  let store: IdempotencyStore;
  const response = { status: 201, headers: { location: '/events/1', etag: '"1"' }, body: '{"id":"1"}' };

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${testNamespace('idempotency')}_db` })
      .asPromise();
    store = new IdempotencyStore(connection, new TestConfig(), createLogger('test', 'silent'));
    await store.onModuleInit();
  });

  afterAll(async () => {
    store?.onModuleDestroy();
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('lets exactly one of many concurrent claims of a key through', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('k-1', 'f')));
    expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'in-progress')).toHaveLength(19);
  });

  it('answers the stored response to the same request, and refuses another request with the key', async () => {
    const first = await store.claim('k-2', 'f');
    if (first.outcome !== 'claimed') throw new Error(`expected a claim, got ${first.outcome}`);
    await store.complete('k-2', first.claim, response);
    expect(await store.claim('k-2', 'f')).toEqual({ outcome: 'replay', response });
    expect(await store.claim('k-2', 'another body')).toEqual({ outcome: 'other-request' });
  });

  it('frees a released key, and lets a retry take over a key whose attempt died (lease over)', async () => {
    const first = await store.claim('k-3', 'f');
    if (first.outcome !== 'claimed') throw new Error('expected a claim');
    await store.release('k-3', first.claim);
    expect((await store.claim('k-3', 'f')).outcome).toBe('claimed');

    const inTwoMinutes = new Date(Date.now() + 120_000);
    const [a, b] = await Promise.all([
      store.claim('k-3', 'f', inTwoMinutes),
      store.claim('k-3', 'f', inTwoMinutes),
    ]);
    expect([a.outcome, b.outcome].sort()).toEqual(['claimed', 'in-progress']);
    // The dead attempt's late answer is not taken: the key belongs to the one that took over.
    await store.complete('k-3', first.claim, response);
    expect((await store.claim('k-3', 'f', inTwoMinutes)).outcome).toBe('in-progress');
  });

  it('forgets keys older than the retention', async () => {
    await store.claim('k-4', 'f');
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    expect(await store.purge(new Date())).toBe(0);
    expect(await store.purge(tomorrow)).toBe(4);
    expect((await store.claim('k-2', 'another body')).outcome).toBe('claimed');
  });
});
