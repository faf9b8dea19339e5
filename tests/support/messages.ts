import { isMessageType, MessageCatalog, sourceOf, TopicOwners } from '@plenary/contracts';
import type { Message } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

/**
 * Builds a CloudEvents (Kafka binary mode) record by hand, the way any other producer would,
 * so tests that inject messages do not depend on the services' own encoder.
 */
export function cloudEvent(options: {
  type: string;
  key: string;
  data: unknown;
  id?: string;
  version?: number;
  source?: string;
}): Message {
  const id = options.id ?? uuidv7();
  return {
    key: options.key,
    value: typeof options.data === 'string' ? options.data : JSON.stringify(options.data),
    headers: {
      ce_specversion: '1.0',
      ce_id: id,
      // By default the topic's owner, as consumers accept only it; a test of forgery sets another.
      ce_source: options.source ?? ownerSource(options.type),
      ce_type: options.type,
      ce_time: new Date().toISOString(),
      ce_subject: `events/${options.key}`,
      ce_dataschema: `urn:plenary:message:${options.type}:${options.version ?? 1}`,
      ce_correlationid: id,
      ce_causationid: id,
      'content-type': 'application/json',
    },
  };
}

function ownerSource(type: string): string {
  return isMessageType(type) ? sourceOf(TopicOwners[MessageCatalog[type].topic]) : '/tests';
}

/** A complete event.created payload for a meeting, as the events service would publish it. */
export function meetingPayload(eventId: string, title: string, version = 1) {
  const now = new Date().toISOString();
  return {
    event: {
      id: eventId,
      title,
      kind: 'meeting',
      state: 'draft',
      startsAt: '2027-11-21T03:00:00.000Z',
      endsAt: '2027-11-21T12:00:00.000Z',
      timeZone: 'Asia/Almaty',
      languages: [],
      parties: [{ code: 'KAZ', kind: 'state', name: 'Kazakhstan', standings: ['chair'] }],
      agenda: [],
      version,
      createdAt: now,
      updatedAt: now,
    },
    changes: [],
  };
}
