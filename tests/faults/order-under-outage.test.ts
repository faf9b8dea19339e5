import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DelegationDetailsView, EventView } from '@plenary/contracts';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TEST_STACK_DIR } from '../support/infrastructure.js';
import { type ReadMessage, TestKafka } from '../support/kafka.js';
import { LocalStack } from '../support/local-stack.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

const PEOPLE = 520;
const PARTIES = ['KAZ', 'KGZ', 'TJK', 'UZB'];
/** 80 items of 4,500 characters: an agenda of ~360 KB, so an agenda change (meeting, before, after) is ~1.1 MB. */
const agenda = Array.from({ length: 80 }, (_, i) => ({
  title: `Item ${i + 1}`,
  description: `Background of item ${i + 1}. `.padEnd(4500, 'Statements and documents. '),
}));

const sequenceOf = (m: ReadMessage) => Number(m.headers.ce_plenarysequence);
const byOffset = (a: ReadMessage, b: ReadMessage) =>
  a.partition - b.partition || (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1);

/** The first copy of each message id, in topic order: what a consumer that drops redeliveries acts on. */
function firstCopies(messages: ReadMessage[]): ReadMessage[] {
  const seen = new Set<string>();
  return [...messages].sort(byOffset).filter((m) => {
    if (seen.has(m.headers.ce_id!)) return false;
    seen.add(m.headers.ce_id!);
    return true;
  });
}

/**
 * Kafka-style system test of the outbox relay: while the broker is down, two participants
 * instances take more than 500 writes about one meeting across two collections (people
 * registered, then a delegation withdrawn, then more people), and the events service stores an
 * agenda change of ~1.1 MB followed by a small change. When the broker is back, the topics must
 * hold every meeting's messages in the order of their sequence numbers, the oversized message
 * must be dead-lettered while everything after it is published, and the withdrawal's own
 * effect (each of the delegation's people withdrawn, by a handler that itself publishes) must
 * appear exactly once per person. Runs its own broker and store (the local stack on free ports).
 */
describe('faults: order per meeting and a relay that never stalls, across a broker outage', () => {
  const namespace = testNamespace('order');
  const participantsTopic = `${namespace}.plenary.participants`;
  const eventsTopic = `${namespace}.plenary.events`;
  const eventsDeadLetters = `${namespace}.${namespace}-events.dead-letter`;
  const figures: Record<string, unknown> = {};
  let stack: LocalStack;
  let kafka: TestKafka;
  let token: string;
  let events: ServiceProcess;
  let participants: ServiceProcess[];

  beforeAll(async () => {
    stack = await LocalStack.onFreePorts(join(TEST_STACK_DIR, namespace));
    await stack.start();
    kafka = new TestKafka(stack.kafkaBrokers);
    token = await secretariat();
    const env = (extra: Record<string, string>) => ({
      namespace,
      kafkaBrokers: stack.kafkaBrokers,
      mongoUrl: stack.mongoUrl,
      extra: { OUTBOX_SWEEP_INTERVAL_MS: '1000', OUTBOX_SEQUENCE_GRACE_MS: '2000', ...extra },
    });
    [events, ...participants] = await Promise.all([
      startApp('events', env({ HTTP_BODY_LIMIT: '2mb' }), 90_000),
      startApp('participants', env({}), 90_000),
      startApp('participants', env({}), 90_000),
    ]);
  }, 240_000);

  afterAll(async () => {
    await stopAllApps();
    await stack?.stop();
    rmSync(join(TEST_STACK_DIR, namespace), { recursive: true, force: true });
    writeFileSync(join(TEST_STACK_DIR, 'order-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`order figures:\n${JSON.stringify(figures, null, 2)}`);
  });

  it('publishes every meeting in sequence order, dead-letters only the oversized message, withdraws each person once', async () => {
    const created = await request<EventView>('POST', `${events.url}/events`, {
      token,
      body: {
        title: 'Consultation with a long agenda',
        kind: 'meeting',
        startsAt: '2031-05-14T09:00:00+06:00',
        endsAt: '2031-05-15T17:00:00+06:00',
        timeZone: 'Asia/Bishkek',
        parties: PARTIES.map((code) => ({ code, standings: ['member'] })),
        agenda,
        registration: {
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: '2031-05-01T00:00:00Z',
          quotaPerDelegation: 500,
        },
      },
    });
    expect(created.status).toBe(201);
    const eventId = created.body.id;
    let meeting = created.body;
    for (const step of ['announce', 'open-registration']) {
      const response = await request<EventView>('POST', `${events.url}/events/${eventId}/${step}`, { token });
      expect(response.status).toBe(200);
      meeting = response.body;
    }
    const delegations: string[] = [];
    for (const [i, party] of PARTIES.entries()) {
      const delegation = await eventually(
        async () => {
          const response = await request<DelegationDetailsView>(
            'POST',
            `${participants[i % 2].url}/events/${eventId}/delegations`,
            {
              token,
              body: { party, coordinator: { name: `Coordinator of ${party}`, email: `c@${party}.example` } },
            },
          );
          expect(response.status).toBe(201);
          return response.body;
        },
        60_000,
        250,
      );
      delegations.push(delegation.id);
    }
    const withdrawn = delegations[3];

    await stack.stop('kafka');
    const outageStarted = Date.now();

    // Registrations from several clients over both instances; half-way, one delegation withdraws.
    const accepted: Array<{ id: string; delegationId: string; beforeWithdrawal: boolean }> = [];
    let next = 0;
    const register = async (until: number, delegationsOpen: string[], beforeWithdrawal: boolean) => {
      while (next < until) {
        const i = next++;
        const delegationId = delegationsOpen[i % delegationsOpen.length];
        const response = await request<{ id: string }>(
          'POST',
          `${participants[i % 2].url}/delegations/${delegationId}/participants`,
          {
            token,
            body: {
              name: { given: 'Person', family: `Number${i}` },
              role: 'member',
              email: `p${i}@order.example`,
            },
          },
        );
        expect(response.status).toBe(201);
        accepted.push({ id: response.body.id, delegationId, beforeWithdrawal });
      }
    };
    await Promise.all(Array.from({ length: 6 }, () => register(PEOPLE / 2, delegations, true)));
    const withdrawal = await request('POST', `${participants[1].url}/delegations/${withdrawn}/withdraw`, {
      token,
      body: { reason: 'The delegation cannot travel.' },
    });
    expect(withdrawal.status).toBe(200);
    await Promise.all(Array.from({ length: 6 }, () => register(PEOPLE, delegations.slice(0, 3), false)));

    // The events service: an agenda change too large to publish, then a small change after it.
    const item = meeting.agenda[0];
    const big = await request<EventView>('PATCH', `${events.url}/events/${eventId}/agenda/${item.id}`, {
      token,
      headers: { 'if-match': `"${meeting.version}"` },
      body: { title: 'Opening, with the host country statement' },
    });
    expect(big.status).toBe(200);
    const after = await request<EventView>('PATCH', `${events.url}/events/${eventId}`, {
      token,
      headers: { 'if-match': `"${big.body.version}"` },
      body: { title: 'Consultation with a long agenda (revised)' },
    });
    expect(after.status).toBe(200);
    figures.writesDuringOutage = accepted.length + 3;
    figures.outageMs = Date.now() - outageStarted;

    await stack.start('kafka');
    const backAt = Date.now();
    const withdrawnPeople = accepted.filter((p) => p.delegationId === withdrawn).map((p) => p.id);
    expect(withdrawnPeople.length).toBeGreaterThan(50);

    const participantMessages = await eventually(
      async () => {
        const all = (await kafka.readAll(participantsTopic)).filter((m) => m.key === eventId);
        const registered = new Set(
          all.filter((m) => m.headers.ce_type === 'participant.registered').map((m) => m.headers.ce_subject),
        );
        for (const { id } of accepted) expect(registered.has(`participants/${id}`)).toBe(true);
        const withdrawnNow = new Set(
          all.filter((m) => m.headers.ce_type === 'participant.withdrawn').map((m) => m.headers.ce_subject),
        );
        for (const id of withdrawnPeople) expect(withdrawnNow.has(`participants/${id}`)).toBe(true);
        return all;
      },
      150_000,
      1000,
    );
    figures.participantsCaughtUpMs = Date.now() - backAt;

    // Every defect is measured before any is asserted, so that a failure shows them all.
    const acted = firstCopies(participantMessages);
    const position = (m: ReadMessage) => acted.indexOf(m);
    const withdrawnMessage = acted.find((m) => m.headers.ce_type === 'delegation.withdrawn')!;
    const registeredBefore = new Set(
      accepted.filter((p) => p.beforeWithdrawal).map((p) => `participants/${p.id}`),
    );
    const withdrawals = acted.filter((m) => m.headers.ce_type === 'participant.withdrawn');
    const perPerson = new Map<string, number>();
    for (const m of withdrawals)
      perPerson.set(m.headers.ce_subject!, (perPerson.get(m.headers.ce_subject!) ?? 0) + 1);
    const sequences = acted.map(sequenceOf);
    // The relay must not stall on the oversized agenda change: the change after it is published.
    const eventMessages = await eventually(
      async () => {
        const all = (await kafka.readAll(eventsTopic)).filter((m) => m.key === eventId);
        expect(all.some((m) => JSON.parse(m.value!).event?.version === after.body.version)).toBe(true);
        return firstCopies(all);
      },
      60_000,
      500,
    ).catch(() => undefined);
    const eventSequences = (eventMessages ?? []).map(sequenceOf);
    const [letter] = (await kafka.readAll(eventsDeadLetters).catch(() => [])).filter(
      (m) => m.key === eventId,
    );
    const ready = await request<{ checks: Record<string, { detail?: string }> }>(
      'GET',
      `${events.url}/health/ready`,
    );

    expect({
      // What the README promises: the people registered before the withdrawal are announced before it.
      registrationsAnnouncedAfterTheWithdrawal: acted.filter(
        (m) =>
          m.headers.ce_type === 'participant.registered' &&
          registeredBefore.has(m.headers.ce_subject!) &&
          position(m) > position(withdrawnMessage),
      ).length,
      // One key, one partition; the messages acted on (first copies) carry rising sequences, none twice.
      partitions: new Set(acted.map((m) => m.partition)).size,
      messagesWithoutSequence: sequences.filter((s) => !Number.isInteger(s)).length,
      sequencesOutOfOrder: sequences.filter((s, i) => i > 0 && !(s > sequences[i - 1])).length,
      // The handler that withdraws a withdrawn delegation's people, on two instances: once per person, after the withdrawal.
      peopleWithdrawnOtherThanOnce: [...perPerson.values()].filter((n) => n !== 1).length,
      peopleWithdrawn: perPerson.size,
      withdrawalsBeforeTheDelegation: withdrawals.filter((m) => position(m) < position(withdrawnMessage))
        .length,
      publishedAfterTheOversizedMessage: eventMessages !== undefined,
      oversizedMessagePublished: (eventMessages ?? []).some(
        (m) => m.headers.ce_type === 'event.agenda-changed',
      ),
      eventSequencesOutOfOrder: eventSequences.filter((s, i) => i > 0 && !(s > eventSequences[i - 1])).length,
      deadLetter: letter && {
        reason: letter.headers['dlq-reason'],
        type: letter.headers.ce_type,
        topic: letter.headers['dlq-original-topic'],
        value: letter.value,
        // The missing number is the dead-lettered message's: consumers see a gap, not a reordering.
        numberUnpublished: !eventSequences.includes(Number(letter.headers.ce_plenarysequence)),
      },
      readinessShowsIt: ready.body.checks.outbox.detail?.includes('1 too large to publish, dead-lettered'),
    }).toEqual({
      registrationsAnnouncedAfterTheWithdrawal: 0,
      partitions: 1,
      messagesWithoutSequence: 0,
      sequencesOutOfOrder: 0,
      peopleWithdrawnOtherThanOnce: 0,
      peopleWithdrawn: withdrawnPeople.length,
      withdrawalsBeforeTheDelegation: 0,
      publishedAfterTheOversizedMessage: true,
      oversizedMessagePublished: false,
      eventSequencesOutOfOrder: 0,
      deadLetter: {
        reason: 'oversized',
        type: 'event.agenda-changed',
        topic: eventsTopic,
        value: null,
        numberUnpublished: true,
      },
      readinessShowsIt: true,
    });
    figures.participantsMessages = participantMessages.length;
    figures.redeliveredCopies = participantMessages.length - acted.length;
    figures.sequenceHoles = sequences[sequences.length - 1] - sequences[0] + 1 - sequences.length;
    figures.peopleWithdrawnByHandler = perPerson.size;
    figures.oversizedBytes = Number(/^(\d+) bytes/.exec(letter.headers['dlq-error']!)?.[1]);
  }, 300_000);
});
