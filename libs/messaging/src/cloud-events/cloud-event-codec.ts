import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { MessageEnvelope } from '@plenary/contracts';
import { PoisonMessageError } from './poison-message.error.js';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: the attributes travel as
 * ce_* headers, the payload is the JSON value, the Kafka key is the meeting's id.
 * Plenary's extension attributes: correlationid, causationid, partitionkey (the key) and
 * plenarysequence (the message's place among its topic's messages about one meeting).
 */
export const CE = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  dataschema: 'ce_dataschema',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
  partitionkey: 'ce_partitionkey',
  sequence: 'ce_plenarysequence',
  contentType: 'content-type',
} as const;

const SCHEMA_PREFIX = 'urn:plenary:message:';

/** The dataschema attribute names the message type and its version, e.g. urn:plenary:message:event.created:1. */
export function dataSchemaOf(type: string, version: number): string {
  return `${SCHEMA_PREFIX}${type}:${version}`;
}

export interface OutgoingMessage {
  id: string;
  type: string;
  version: number;
  key: string;
  source: string;
  subject: string;
  time: Date;
  correlationId: string;
  causationId: string;
  /** The payload, already serialised as JSON. */
  data: string;
  /** Place among the messages of its topic about the same key, from 1; absent on messages written before sequences existed. */
  sequence?: number;
}

export function encodeMessage(message: OutgoingMessage): Message {
  return {
    key: message.key,
    value: message.data,
    timestamp: String(message.time.getTime()),
    headers: {
      [CE.specversion]: '1.0',
      [CE.id]: message.id,
      [CE.source]: message.source,
      [CE.type]: message.type,
      [CE.time]: message.time.toISOString(),
      [CE.subject]: message.subject,
      [CE.dataschema]: dataSchemaOf(message.type, message.version),
      [CE.correlationid]: message.correlationId,
      [CE.causationid]: message.causationId,
      [CE.partitionkey]: message.key,
      ...(message.sequence !== undefined ? { [CE.sequence]: String(message.sequence) } : {}),
      [CE.contentType]: 'application/json',
    },
  };
}

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined || value === null) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * Reads a Kafka record as a CloudEvent. Throws PoisonMessageError when it is not one
 * (missing attributes) or its value is not JSON.
 */
export function decodeMessage(message: KafkaMessage): MessageEnvelope<unknown> {
  const get = (name: string) => headerString(message.headers, name);
  const missing = [CE.specversion, CE.id, CE.source, CE.type].filter((h) => !get(h));
  if (missing.length > 0) {
    throw new PoisonMessageError('malformed-envelope', `missing CloudEvents headers: ${missing.join(', ')}`);
  }
  if (get(CE.specversion) !== '1.0') {
    throw new PoisonMessageError('malformed-envelope', `unsupported specversion ${get(CE.specversion)}`);
  }
  const type = get(CE.type)!;
  const version = versionOf(type, get(CE.dataschema));
  const sequence = sequenceOf(get(CE.sequence));
  let data: unknown;
  try {
    data = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    throw new PoisonMessageError('malformed-json', `value is not JSON: ${(error as Error).message}`);
  }
  const id = get(CE.id)!;
  return {
    id,
    type,
    version,
    source: get(CE.source)!,
    subject: get(CE.subject) ?? '',
    key: message.key?.toString('utf8') ?? '',
    time: get(CE.time) ?? new Date(Number(message.timestamp)).toISOString(),
    correlationId: get(CE.correlationid) ?? id,
    causationId: get(CE.causationid) ?? id,
    ...(sequence !== undefined ? { sequence } : {}),
    data,
  };
}

/**
 * The version named by the dataschema attribute; 1 without one (the first messages had none).
 * A dataschema that names no readable version is refused rather than read as "another
 * version", which the consumer would skip without a trace.
 */
function versionOf(type: string, schema: string | undefined): number {
  if (schema === undefined || schema === '') return 1;
  const prefix = `${SCHEMA_PREFIX}${type}:`;
  const text = schema.startsWith(prefix) ? schema.slice(prefix.length) : '';
  if (!/^[1-9][0-9]{0,8}$/.test(text)) {
    throw new PoisonMessageError(
      'malformed-version',
      `dataschema "${schema.slice(0, 200)}" names no version of ${type} (expected ${prefix}<version>)`,
    );
  }
  return Number(text);
}

function sequenceOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(header)) {
    throw new PoisonMessageError(
      'malformed-envelope',
      `${CE.sequence} "${header.slice(0, 50)}" is not a number`,
    );
  }
  return Number(header);
}
