import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventView } from '@plenary/contracts';
import { type CloudEvent, Kafka as CloudEventsKafka } from 'cloudevents';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import { ROOT } from '../support/local-stack.js';
import { publishedSchemaValidator } from '../support/schemas.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

const run = promisify(execFile);

interface KcatRecord {
  key: string;
  payload: string;
  headers: string[];
}

/**
 * Plenary's messages as other systems read them: with kcat (librdkafka, not Node), validated
 * against the published JSON Schemas; and decoded by the official CloudEvents SDK.
 */
describe('messages read by independent clients', () => {
  const namespace = testNamespace('clients');
  const topic = `${namespace}.plenary.events`;
  let events: ServiceProcess;
  let eventId: string;

  beforeAll(async () => {
    events = await startApp('events', { namespace });
    const admin = await secretariat();
    const created = await request<EventView>('POST', `${events.url}/events`, {
      token: admin,
      body: {
        title: 'Встреча представителей государств-участников Алматинского процесса',
        kind: 'meeting',
        startsAt: '2027-11-21T09:00:00+05:00',
        endsAt: '2027-11-21T18:00:00+05:00',
        timeZone: 'Asia/Almaty',
        parties: [{ code: 'KAZ', standings: ['member', 'chair'] }],
        agenda: [{ title: 'Открытие', presenters: [{ name: 'Даулет Аргандыков', party: 'KAZ' }] }],
      },
    });
    eventId = created.body.id;
    await request('POST', `${events.url}/events/${eventId}/announce`, { token: admin });
    await eventually(async () =>
      expect((await new TestKafka().readAll(topic)).filter((m) => m.key === eventId)).toHaveLength(1),
    );
  });

  afterAll(stopAllApps);

  it('kcat reads them, and every value validates against the schema its ce_dataschema names', async () => {
    const { stdout: kcat } = await run('bash', [`${ROOT}/infra/local/ensure-kcat.sh`]);
    const { stdout } = await run(
      kcat.trim(),
      ['-b', process.env.KAFKA_BROKERS!, '-C', '-t', topic, '-o', 'beginning', '-e', '-J', '-q'],
      {
        timeout: 30_000,
      },
    );
    const records = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as KcatRecord)
      .filter((r) => r.key === eventId);
    expect(records).toHaveLength(1);
    const ajv = publishedSchemaValidator();
    for (const record of records) {
      const headers = Object.fromEntries(
        Array.from({ length: record.headers.length / 2 }, (_, i) => [
          record.headers[2 * i],
          record.headers[2 * i + 1],
        ]),
      );
      expect(headers).toMatchObject({
        ce_specversion: '1.0',
        ce_partitionkey: eventId,
        'content-type': 'application/json',
      });
      const validate = ajv.getSchema(headers.ce_dataschema);
      expect(validate).toBeDefined();
      const payload = JSON.parse(record.payload) as { event: EventView };
      expect([headers.ce_type, validate!(payload), validate!.errors ?? []]).toEqual([
        headers.ce_type,
        true,
        [],
      ]);
      expect(payload.event.title).toBe('Встреча представителей государств-участников Алматинского процесса');
    }
  });

  it('the CloudEvents SDK decodes them as CloudEvents 1.0 (Kafka binding, binary mode)', async () => {
    const messages = (await new TestKafka().readAll(topic)).filter((m) => m.key === eventId);
    const decoded = messages.map((m) =>
      CloudEventsKafka.toEvent({
        key: m.key!,
        value: Buffer.from(m.value!),
        headers: m.headers,
        timestamp: undefined,
      } as never),
    );
    for (const event of decoded.flat() as CloudEvent<unknown>[]) {
      expect(event.specversion).toBe('1.0');
      expect(event.source).toBe('/plenary/events');
      expect(event.subject).toBe(`events/${eventId}`);
      expect(event.datacontenttype).toBe('application/json');
      expect(event.partitionkey).toBe(eventId);
      expect(event.correlationid).toEqual(expect.any(String));
      expect((event.data as { event: EventView }).event.id).toBe(eventId);
      expect(event.validate()).toBe(true);
    }
    expect(
      decoded
        .flat()
        .map((e) => e.type)
        .sort(),
    ).toEqual(['event.announced']);
  });
});
