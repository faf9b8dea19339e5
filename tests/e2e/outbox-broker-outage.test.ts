import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventView } from '@plenary/contracts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TEST_STACK_DIR } from '../support/infrastructure.js';
import { TestKafka } from '../support/kafka.js';
import { LocalStack } from '../support/local-stack.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

/**
 * Nothing accepted is lost: a meeting created while Kafka is down is stored, answered with
 * 201, and its message reaches Kafka once the broker is back. This test runs its own broker
 * and store (the project's local stack on free ports) so that it can stop them.
 */
describe('outbox: a write accepted while Kafka is down reaches Kafka after it restarts', () => {
  const namespace = testNamespace('outage');
  let stack: LocalStack;
  let events: ServiceProcess;

  beforeAll(async () => {
    stack = await LocalStack.onFreePorts(join(TEST_STACK_DIR, namespace));
    await stack.start();
    events = await startApp('events', {
      namespace,
      kafkaBrokers: stack.kafkaBrokers,
      mongoUrl: stack.mongoUrl,
    });
  });

  afterAll(async () => {
    await stopAllApps();
    await stack?.stop();
    rmSync(join(TEST_STACK_DIR, namespace), { recursive: true, force: true });
  });

  it('stores the write, reports the outage, and publishes when Kafka is back', async () => {
    await stack.stop('kafka');
    const outage = await eventually(async () => {
      const ready = await request('GET', `${events.url}/health/ready`);
      expect(ready.status).toBe(503);
      return ready.body as { checks: Record<string, { ok: boolean }> };
    });
    expect(outage.checks.kafka.ok).toBe(false);

    const created = await request<EventView>('POST', `${events.url}/events`, {
      token: await secretariat(),
      body: {
        title: 'Created while the broker was down',
        kind: 'working-group',
        startsAt: '2027-03-01T10:00:00+01:00',
        endsAt: '2027-03-01T17:00:00+01:00',
        timeZone: 'Europe/Vienna',
        parties: [{ code: 'AUT', standings: ['host'] }],
      },
    });
    expect(created.status).toBe(201);
    // A draft publishes nothing: announcing it is the first message about it.
    const announced = await request<EventView>('POST', `${events.url}/events/${created.body.id}/announce`, {
      token: await secretariat(),
    });
    expect(announced.status).toBe(200);
    const stored = await request<EventView>('GET', `${events.url}/events/${created.body.id}`, {
      token: await secretariat(),
    });
    expect(stored.status).toBe(200);

    await stack.start('kafka');
    const kafka = new TestKafka(stack.kafkaBrokers);
    const published = await eventually(
      async () => {
        const messages = (await kafka.readAll(`${namespace}.plenary.events`)).filter(
          (m) => m.key === created.body.id,
        );
        expect(messages).toHaveLength(1);
        return messages[0];
      },
      60_000,
      500,
    );
    expect(published.headers).toMatchObject({
      ce_type: 'event.announced',
      ce_subject: `events/${created.body.id}`,
    });
    expect(JSON.parse(published.value!).event.title).toBe('Created while the broker was down');

    await eventually(
      async () => expect((await request('GET', `${events.url}/health/ready`)).status).toBe(200),
      30_000,
    );
  });
});
