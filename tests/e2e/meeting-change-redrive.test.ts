import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DelegationDetailsView, EventView } from '@plenary/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

/**
 * Reactions to meeting changes are version-guarded: an old event.postponed published again (as
 * a re-drive from a dead-letter topic or a replay would, with a new message id that the inbox
 * does not know) changes nothing once a newer version of the meeting has been reacted to.
 */
describe('re-driving an old meeting change', () => {
  const namespace = testNamespace('redrive');
  const eventsTopic = `${namespace}.plenary.events`;
  const participantsTopic = `${namespace}.plenary.participants`;
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const events = <T = EventView>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${apps.events.url}${path}`, { token: admin, body });

  /** The participants consumer group has committed past this offset of the events topic. */
  async function consumedPast(partition: number, offset: string): Promise<void> {
    const kafka = new Kafka({
      clientId: 'redrive-test',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [committed] = await admin.fetchOffsets({
          groupId: `${namespace}-participants`,
          topics: [eventsTopic],
        });
        const mine = committed.partitions.find((p) => p.partition === partition);
        expect(BigInt(mine?.offset ?? '-1')).toBeGreaterThan(BigInt(offset));
      }, 60_000);
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    apps = await startApps(['events', 'participants'], { namespace });
    admin = await secretariat();
  });

  afterAll(stopAllApps);

  it('an old event.postponed published again changes no delegation and publishes nothing', async () => {
    const created = await events('POST', '/events', {
      title: 'Consultation on mixed migration',
      kind: 'expert-consultation',
      startsAt: inDays(60),
      endsAt: inDays(60, 17),
      timeZone: 'Asia/Almaty',
      registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: 3 },
      parties: [{ code: 'AFG', standings: ['member'] }],
    });
    const eventId = created.body.id;
    expect((await events('POST', `/events/${eventId}/announce`)).status).toBe(200);
    expect((await events('POST', `/events/${eventId}/open-registration`)).status).toBe(200);
    const token = await coordinator(eventId, 'AFG');
    const delegation = await eventually(async () => {
      const r = await request<DelegationDetailsView>(
        'POST',
        `${apps.participants.url}/events/${eventId}/delegations`,
        { token, body: { party: 'AFG', coordinator: { name: 'Focal point', email: 'focal@afg.example' } } },
      );
      expect(r.status).toBe(201);
      return r.body;
    });
    const notice = async () =>
      (
        await request<DelegationDetailsView>('GET', `${apps.participants.url}/delegations/${delegation.id}`, {
          token: admin,
        })
      ).body.notice;

    // Postponed twice: the delegation's notice names the later dates.
    expect(
      (await events('POST', `/events/${eventId}/postpone`, { startsAt: inDays(90), endsAt: inDays(90, 17) }))
        .status,
    ).toBe(200);
    await eventually(async () => expect(await notice()).toMatch(/^The meeting was postponed to /));
    const firstNotice = await notice();
    expect(
      (
        await events('POST', `/events/${eventId}/postpone`, {
          startsAt: inDays(120),
          endsAt: inDays(120, 17),
        })
      ).status,
    ).toBe(200);
    await eventually(async () => expect(await notice()).not.toBe(firstNotice));
    const latestNotice = await notice();
    const kafka = new TestKafka();
    const delegationUpdates = async () =>
      (await kafka.readAll(participantsTopic)).filter(
        (m) => m.key === eventId && m.headers.ce_type === 'delegation.updated',
      );
    await eventually(async () => expect(await delegationUpdates()).toHaveLength(2));

    // The first event.postponed, published again by anyone holding the topic's records.
    const postponed = (await kafka.readAll(eventsTopic)).filter(
      (m) => m.key === eventId && m.headers.ce_type === 'event.postponed',
    );
    expect(postponed).toHaveLength(2);
    const old = postponed.sort((a, b) => Number(a.offset) - Number(b.offset))[0];
    await kafka.produce(eventsTopic, [
      { key: old.key, value: old.value, headers: { ...old.headers, ce_id: randomUUID() } },
    ]);
    const redriven = (await kafka.readAll(eventsTopic)).filter((m) => m.key === eventId).at(-1)!;
    expect(JSON.parse(redriven.value!)).toEqual(JSON.parse(old.value!));
    await consumedPast(redriven.partition, redriven.offset);

    expect(await notice()).toBe(latestNotice);
    expect(await delegationUpdates()).toHaveLength(2);
  });
});
