import { describe, expect, it } from '@jest/globals';
import type { KafkaMessage } from 'kafkajs';
import { decodeMessage, encodeMessage, type OutgoingMessage } from './cloud-event-codec.js';
import { PoisonMessageError } from './poison-message.error.js';

const outgoing: OutgoingMessage = {
  id: '0192f0c4-0000-7000-8000-000000000001',
  type: 'event.created',
  version: 1,
  key: 'event-1',
  source: '/plenary/events',
  subject: 'events/event-1',
  time: new Date('2027-01-02T03:04:05.000Z'),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  data: '{"event":{"id":"event-1"}}',
};

/** What a consumer receives: kafkajs hands headers and values over as Buffers. */
function asReceived(message: ReturnType<typeof encodeMessage>): KafkaMessage {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))]),
  );
  return {
    key: Buffer.from(String(message.key)),
    value: Buffer.from(String(message.value)),
    headers,
    timestamp: String(message.timestamp),
    offset: '0',
    attributes: 0,
  } as KafkaMessage;
}

function poisonReason(message: KafkaMessage): string {
  try {
    decodeMessage(message);
  } catch (error) {
    if (error instanceof PoisonMessageError) return error.reason;
    throw error;
  }
  throw new Error('expected the message to be refused');
}

describe('CloudEvents Kafka binary binding', () => {
  it('writes the attributes as ce_ headers and the payload as the JSON value, keyed by the meeting', () => {
    const message = encodeMessage(outgoing);
    expect(message.key).toBe('event-1');
    expect(message.value).toBe(outgoing.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: outgoing.id,
      ce_source: '/plenary/events',
      ce_type: 'event.created',
      ce_time: '2027-01-02T03:04:05.000Z',
      ce_subject: 'events/event-1',
      ce_dataschema: 'urn:plenary:message:event.created:1',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cause-1',
      ce_partitionkey: 'event-1',
      'content-type': 'application/json',
    });
  });

  it('reads back what it wrote', () => {
    expect(decodeMessage(asReceived(encodeMessage(outgoing)))).toEqual({
      id: outgoing.id,
      type: 'event.created',
      version: 1,
      source: '/plenary/events',
      subject: 'events/event-1',
      key: 'event-1',
      time: '2027-01-02T03:04:05.000Z',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      data: { event: { id: 'event-1' } },
    });
  });

  it('takes the version from the dataschema', () => {
    const message = asReceived(encodeMessage({ ...outgoing, version: 3 }));
    expect(decodeMessage(message).version).toBe(3);
  });

  it('refuses a record without the required attributes', () => {
    const message = asReceived(encodeMessage(outgoing));
    delete message.headers!.ce_id;
    expect(poisonReason(message)).toBe('malformed-envelope');
  });

  it('refuses a value that is not JSON', () => {
    const message = asReceived(encodeMessage({ ...outgoing, data: '{"event":' }));
    expect(poisonReason(message)).toBe('malformed-json');
  });

  it('carries the sequence as the plenarysequence extension attribute, and reads it back', () => {
    const message = encodeMessage({ ...outgoing, sequence: 42 });
    expect(message.headers).toMatchObject({ ce_plenarysequence: '42' });
    expect(decodeMessage(asReceived(message)).sequence).toBe(42);
  });

  it.each(['urn:plenary:message:event.created:', 'urn:plenary:message:event.created:v2', 'garbage'])(
    'refuses a dataschema whose version cannot be read (%s), instead of skipping it as another version',
    (schema) => {
      const message = asReceived(encodeMessage(outgoing));
      message.headers!.ce_dataschema = Buffer.from(schema);
      expect(poisonReason(message)).toBe('malformed-version');
    },
  );

  it('refuses a sequence that is not a number', () => {
    const message = asReceived(encodeMessage({ ...outgoing, sequence: 1 }));
    message.headers!.ce_plenarysequence = Buffer.from('first');
    expect(poisonReason(message)).toBe('malformed-envelope');
  });
});
