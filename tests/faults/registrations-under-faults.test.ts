import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { DelegationDetailsView, EventView } from '@plenary/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TEST_STACK_DIR } from '../support/infrastructure.js';
import { TestKafka } from '../support/kafka.js';
import { LocalStack } from '../support/local-stack.js';
import { type Accepted, RegistrationStream } from '../support/registration-stream.js';
import {
  type AppName,
  type ServiceProcess,
  startApp,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { secretariat } from '../support/tokens.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kafka-style system tests: registrations stream in while a service is killed, the broker is
 * killed, the store stops, services are stopped politely, and two instances share the work;
 * afterwards the set of effects is compared with the set of inputs. Every registration that got
 * a 2xx must be stored, announced on the participants topic, and counted once by the reports
 * service. This file runs its own broker and store (the local stack on free ports) to break them.
 * The figures of each fault are printed at the end and kept in .stack/test/fault-figures.json.
 */
describe('faults: nothing accepted is lost, nothing counted twice', () => {
  const namespace = testNamespace('faults');
  const participantsTopic = `${namespace}.plenary.participants`;
  const deadLetterTopic = `${namespace}.${namespace}-reports.dead-letter`;
  const figures: Record<string, Record<string, unknown>> = {};
  const accepted: Accepted[] = [];
  let stack: LocalStack;
  let store: MongoClient;
  let kafka: TestKafka;
  let token: string;
  let eventId: string;
  let delegationIds: string[];
  const instances: Record<Exclude<AppName, 'console'>, ServiceProcess[]> = {
    events: [],
    participants: [],
    reports: [],
  };

  const env = () => ({
    namespace,
    kafkaBrokers: stack.kafkaBrokers,
    mongoUrl: stack.mongoUrl,
    extra: { OUTBOX_SWEEP_INTERVAL_MS: '2000' },
  });
  const start = async (name: Exclude<AppName, 'console'>) => {
    const service = await startApp(name, env(), 90_000);
    instances[name].push(service);
    return service;
  };
  const stop = async (service: ServiceProcess, signal: NodeJS.Signals) => {
    const name = service.name as Exclude<AppName, 'console'>;
    instances[name] = instances[name].filter((s) => s !== service);
    return service.stop(signal);
  };
  const participantUrls = () => instances.participants.map((s) => s.url);
  const streams: RegistrationStream[] = [];
  const stream = (label: string) => {
    const registrations = new RegistrationStream(participantUrls, token, delegationIds, label);
    streams.push(registrations);
    return registrations;
  };
  const database = (name: Exclude<AppName, 'console'>) => store.db(`${namespace}_${name}`);

  /** The fault's figures, and the inputs it accepted, added to the whole run's. */
  function record(fault: string, registrations: RegistrationStream, more: Record<string, unknown> = {}) {
    accepted.push(...registrations.accepted);
    figures[fault] = { ...registrations.summary(), ...more };
  }

  /**
   * Effects against inputs: every accepted registration is stored, announced at least once, and
   * in the reports service's attendance exactly once; what is confirmed and what reports counts
   * are the same set. Returns how many announcements were duplicates (dropped downstream).
   */
  async function effectsMatchInputs(): Promise<{
    acceptedInAll: number;
    storedInAll: number;
    duplicatesSuppressed: number;
  }> {
    const confirmed = new Set(
      (
        await database('participants')
          .collection<{ _id: string }>('participants')
          .find({ eventId, confirmed: true }, { projection: { _id: 1 } })
          .toArray()
      ).map((p) => p._id),
    );
    for (const { id } of accepted) expect(confirmed.has(id)).toBe(true);

    const announced = await eventually(
      async () => {
        const messages = (await kafka.readAll(participantsTopic)).filter(
          (m) => m.headers.ce_type === 'participant.registered',
        );
        const ids = messages.map((m) => m.headers.ce_subject!.replace('participants/', ''));
        const distinct = new Set(ids);
        for (const id of confirmed) expect(distinct.has(id)).toBe(true);
        return { total: ids.length, distinct: distinct.size };
      },
      90_000,
      1000,
    );
    await eventually(
      async () => {
        const counted = await database('reports')
          .collection<{ _id: string }>('attending_participants')
          .find({ eventId }, { projection: { _id: 1 } })
          .toArray();
        expect(counted.length).toBe(confirmed.size);
        expect(new Set(counted.map((c) => c._id))).toEqual(confirmed);
      },
      90_000,
      1000,
    );
    return {
      acceptedInAll: accepted.length,
      storedInAll: confirmed.size,
      duplicatesSuppressed: announced.total - announced.distinct,
    };
  }

  /** Every running instance answers /health/ready with 200 (the failure names those that do not). */
  async function allReady(): Promise<void> {
    const statuses = await Promise.all(
      Object.values(instances)
        .flat()
        .map(async (s) => {
          const { status, body } = await request('GET', `${s.url}/health/ready`);
          return status === 200 ? undefined : `${s.name} ${s.port}: ${status} ${JSON.stringify(body)}`;
        }),
    );
    expect(statuses.filter(Boolean)).toEqual([]);
  }

  beforeAll(async () => {
    stack = await LocalStack.onFreePorts(join(TEST_STACK_DIR, namespace));
    await stack.start();
    store = await MongoClient.connect(stack.mongoUrl);
    kafka = new TestKafka(stack.kafkaBrokers);
    token = await secretariat();
    await Promise.all((['events', 'participants', 'reports'] as const).map(start));
    // Eight delegations of at most 500 people (the largest quota): room for every fault's stream.
    const parties = ['KAZ', 'KGZ', 'TJK', 'UZB', 'TKM', 'AZE', 'MNG', 'CHN'];
    const draft = await request<EventView>('POST', `${instances.events[0].url}/events`, {
      token,
      body: {
        title: 'Regional consultation held under faults',
        kind: 'meeting',
        startsAt: '2031-05-14T09:00:00+06:00',
        endsAt: '2031-05-15T17:00:00+06:00',
        timeZone: 'Asia/Bishkek',
        parties: parties.map((code) => ({ code, standings: ['member'] })),
        registration: {
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: '2031-05-01T00:00:00Z',
          quotaPerDelegation: 500,
        },
      },
    });
    expect(draft.status).toBe(201);
    eventId = draft.body.id;
    for (const step of ['announce', 'open-registration'])
      expect(
        (await request('POST', `${instances.events[0].url}/events/${eventId}/${step}`, { token })).status,
      ).toBe(200);
    delegationIds = [];
    for (const party of parties) {
      const delegation = await eventually(
        async () => {
          const response = await request<DelegationDetailsView>(
            'POST',
            `${participantUrls()[0]}/events/${eventId}/delegations`,
            {
              token,
              body: {
                party,
                coordinator: {
                  name: `Coordinator of ${party}`,
                  email: `coordinator@${party.toLowerCase()}.example`,
                },
              },
            },
          );
          expect(response.status).toBe(201);
          return response.body;
        },
        30_000,
        250,
      );
      delegationIds.push(delegation.id);
    }
  }, 240_000);

  // A failed test leaves its stream running; stop it, or the next test and Jest's exit wait on it.
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((s) => s.stop()));
  });

  afterAll(async () => {
    await stopAllApps();
    await store?.close();
    await stack?.stop();
    // The servers' own logs outlive the stack, beside the services' logs, for a failure's post-mortem.
    for (const [server, log] of [
      ['kafka', 'kafka/kafka.log'],
      ['store', 'store/store.log'],
    ]) {
      const from = join(TEST_STACK_DIR, namespace, log);
      if (existsSync(from)) copyFileSync(from, join(TEST_STACK_DIR, 'logs', `${namespace}-${server}.log`));
    }
    rmSync(join(TEST_STACK_DIR, namespace), { recursive: true, force: true });
    writeFileSync(join(TEST_STACK_DIR, 'fault-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`fault figures:\n${JSON.stringify(figures, null, 2)}`);
  });

  it('a participants service killed with SIGKILL mid-stream loses no accepted registration', async () => {
    const registrations = stream('sigkill');
    registrations.start();
    await sleep(3000);
    const killedAt = Date.now();
    await stop(instances.participants[0], 'SIGKILL');
    await sleep(1500);
    await start('participants');
    const recoveredMs = Date.now() - killedAt;
    await sleep(3000);
    await registrations.stop();
    expect(registrations.accepted.length).toBeGreaterThan(0);
    record('participants SIGKILL', registrations, { recoveredMs });
    Object.assign(figures['participants SIGKILL'], await effectsMatchInputs());
  }, 300_000);

  it('the broker killed and restarted mid-stream: writes go on, health says so, all catch up', async () => {
    const registrations = stream('broker');
    registrations.start();
    await sleep(2000);
    const kafkaPid = Number(readFileSync(join(stack.options.dir, 'kafka/kafka.pid'), 'utf8'));
    process.kill(kafkaPid, 'SIGKILL');
    const killedAt = Date.now();
    for (const service of Object.values(instances).flat())
      await eventually(
        async () => expect((await request('GET', `${service.url}/health/ready`)).status).toBe(503),
        60_000,
        250,
      );
    const beforeOutage = registrations.accepted.length;
    await sleep(3000);
    const acceptedDuringOutage = registrations.accepted.length - beforeOutage;
    expect(acceptedDuringOutage).toBeGreaterThan(0); // the outbox takes them; Kafka gets them later
    await stack.start('kafka');
    await eventually(allReady, 120_000, 500);
    const recoveredMs = Date.now() - killedAt;
    await sleep(2000);
    await registrations.stop();
    record('broker SIGKILL', registrations, { acceptedDuringOutage, recoveredMs });
    Object.assign(figures['broker SIGKILL'], await effectsMatchInputs());
  }, 300_000);

  it('the store stopped: writes fail fast with 503, consumers wait without dead-lettering, then catch up', async () => {
    const kafkaAdmin = new Kafka({ brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
    const deadLettersBefore = (await kafka.readAll(deadLetterTopic).catch(() => [])).length;
    // Messages about another meeting, copied from a real one, for the reports service to take in during the outage.
    const [template] = (await kafka.readAll(participantsTopic)).filter(
      (m) => m.headers.ce_type === 'participant.registered',
    );
    const otherMeeting = uuidv7();
    const value = JSON.parse(template.value!) as { participant: Record<string, unknown> };
    const copies = Array.from({ length: 20 }, () => {
      const participant = { ...value.participant, id: uuidv7(), eventId: otherMeeting };
      return {
        key: otherMeeting,
        value: JSON.stringify({ ...value, participant }),
        headers: {
          ...template.headers,
          ce_id: uuidv7(),
          ce_subject: `participants/${participant.id}`,
          ce_partitionkey: otherMeeting,
        },
      };
    });

    await stack.stop('store');
    const stoppedAt = Date.now();
    const started = Date.now();
    const refused = await request(
      'POST',
      `${participantUrls()[0]}/delegations/${delegationIds[0]}/participants`,
      {
        token,
        body: { name: { given: 'During', family: 'Outage' }, role: 'member', email: 'during@outage.example' },
      },
    );
    const refusedInMs = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(refusedInMs).toBeLessThan(15_000); // MONGO_TIMEOUT_MS is 3 s: an answer, not a hang

    await kafka.produce(participantsTopic, copies);
    const ends = await kafkaAdmin.fetchTopicOffsets(participantsTopic);
    await sleep(5000);
    // The reports service waits: its group has not committed past the copies, nothing was dead-lettered.
    const [committed] = await kafkaAdmin.fetchOffsets({
      groupId: `${namespace}-reports`,
      topics: [participantsTopic],
    });
    const behind = ends.some((end) => {
      const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      return BigInt(at) < BigInt(end.high);
    });
    expect(behind).toBe(true);
    expect((await kafka.readAll(deadLetterTopic).catch(() => [])).length).toBe(deadLettersBefore);

    await stack.start('store');
    await eventually(
      async () =>
        expect(
          await database('reports')
            .collection('attending_participants')
            .countDocuments({ eventId: otherMeeting }),
        ).toBe(20),
      90_000,
      500,
    );
    const recoveredMs = Date.now() - stoppedAt;
    await eventually(allReady, 60_000, 500);
    expect((await kafka.readAll(deadLetterTopic).catch(() => [])).length).toBe(deadLettersBefore);
    await kafkaAdmin.disconnect();
    figures['store stopped'] = {
      refusedWith: refused.status,
      refusedInMs,
      messagesDuringOutage: copies.length,
      deadLettered: 0,
      recoveredMs,
    };
  }, 300_000);

  it('SIGTERM mid-stream: requests drain, the outbox is flushed, the process exits in time', async () => {
    const registrations = stream('sigterm');
    registrations.start();
    await sleep(2500);
    const stoppingAt = Date.now();
    const [participantsExit, reportsExit] = await Promise.all([
      stop(instances.participants[0], 'SIGTERM'),
      stop(instances.reports[0], 'SIGTERM'),
    ]);
    const exitMs = Date.now() - stoppingAt;
    expect(participantsExit).toBe(0);
    expect(reportsExit).toBe(0);
    expect(exitMs).toBeLessThan(15_000); // SHUTDOWN_TIMEOUT_MS is 10 s
    // The relay flushed before exit: no stored change is left unannounced.
    const unsent = await database('participants')
      .collection('participants')
      .countDocuments({ outboxPending: true });
    expect(unsent).toBe(0);
    await Promise.all([start('participants'), start('reports')]);
    await sleep(2000);
    await registrations.stop();
    record('SIGTERM', registrations, { exitMs, leftInOutbox: unsent });
    Object.assign(figures.SIGTERM, await effectsMatchInputs());
  }, 300_000);

  it('two instances of each consuming service share the work through rebalances, one effect per message, order kept', async () => {
    const toStart = (['participants', 'reports'] as const).flatMap((name) =>
      Array.from({ length: 2 - instances[name].length }, () => name),
    );
    await Promise.all(toStart.map(start));
    const registrations = stream('pair');
    registrations.start();
    await sleep(2000);
    // One participant changed several times in a row: the last version must be what reports shows.
    const person = await request<{ id: string; version: number }>(
      'POST',
      `${participantUrls()[0]}/delegations/${delegationIds[1]}/participants`,
      {
        token,
        body: { name: { given: 'Order', family: 'Kept' }, role: 'adviser', email: 'order@kept.example' },
      },
    );
    expect(person.status).toBe(201);
    let version = person.body.version;
    for (const position of ['Adviser', 'Senior adviser', 'Counsellor', 'Minister-counsellor']) {
      const changed = await request<{ version: number }>(
        'PATCH',
        `${participantUrls()[0]}/participants/${person.body.id}`,
        {
          token,
          body: { position },
          headers: { 'if-match': `"${version}"` },
        },
      );
      expect(changed.status).toBe(200);
      version = changed.body.version;
    }
    await stop(instances.reports[0], 'SIGTERM'); // a rebalance while messages flow
    await sleep(2000);
    await registrations.stop();
    accepted.push({ id: person.body.id, email: 'order@kept.example', delegationId: delegationIds[1] });
    record('two instances', registrations, { instances: 2, updatesInOrder: 4 });
    Object.assign(figures['two instances'], await effectsMatchInputs());
    const seen = await eventually(
      async () => {
        const row = await database('reports')
          .collection<{ _id: string; version: number; position?: string }>('attending_participants')
          .findOne({ _id: person.body.id });
        expect(row?.version).toBe(version);
        return row!;
      },
      60_000,
      500,
    );
    expect(seen.position).toBe('Minister-counsellor');
  }, 300_000);
});
