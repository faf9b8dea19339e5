import { MessageCatalog } from '../messages/message-catalog.js';
import type { MessageDefinition } from '../messages/message-definition.js';
import { Topics, type TopicName } from '../topics.js';
import { exampleFor } from './examples.js';
import { type JsonSchema, payloadSchema, sorted } from './message-schemas.js';

/** Every version of every message type that Plenary publishes: the current ones and those still published beside them. */
export function publishedVersions(): MessageDefinition[] {
  return Object.values(MessageCatalog).flatMap((definition) => [
    definition,
    ...(definition.previous ?? []).map((old): MessageDefinition => ({
      type: definition.type,
      topic: definition.topic,
      description: definition.description,
      version: old.version,
      payload: old.payload as new () => object,
      until: old.until,
    })),
  ]);
}

/** Points the references of a standalone schema ($defs) at the document's shared components. */
function asComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asComponents);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? v.replace('#/$defs/', '#/components/schemas/')
          : asComponents(v),
      ]),
    );
  }
  return value;
}

/** The id of a message version in documents and file names: event.created.v1. */
export const messageId = (d: Pick<MessageDefinition, 'type' | 'version'>) => `${d.type}.v${d.version}`;
const key = (d: Pick<MessageDefinition, 'type' | 'version'>) => messageId(d).replace(/\./g, '-');

const CHANNELS: Record<TopicName, { name: string; owner: string; description: string }> = {
  [Topics.events]: {
    name: 'events',
    owner: 'events',
    description:
      'Everything that happens to a meeting: created, changed, announced, registration opened and closed, in session, concluded, cancelled, postponed, agenda changed.',
  },
  [Topics.participants]: {
    name: 'participants',
    owner: 'participants',
    description:
      'Delegations and their people: registered, changed, accredited or rejected, checked in, withdrawn; coordinators designated and revoked. Never emails, gender or accessibility needs.',
  },
  [Topics.reports]: {
    name: 'reports',
    owner: 'reports',
    description:
      'Outcome reports: drafted, submitted, published, amended, withdrawn; each with the published version in full.',
  },
};

const HEADERS: JsonSchema = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode.',
  required: [
    'ce_specversion',
    'ce_id',
    'ce_source',
    'ce_type',
    'ce_time',
    'ce_subject',
    'ce_dataschema',
    'ce_correlationid',
    'ce_causationid',
    'ce_partitionkey',
    'content-type',
  ],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'Unique per message; a redelivery keeps it: deduplicate on it.' },
    ce_source: { type: 'string', description: 'The producing service, e.g. /plenary/events.' },
    ce_type: { type: 'string', description: 'The message type, e.g. event.created.' },
    ce_time: { type: 'string', format: 'date-time', description: 'When the change happened.' },
    ce_subject: {
      type: 'string',
      description:
        'What the message is about: events/<id>, delegations/<id>, participants/<id>, coordinators/<id>, reports/<id>.',
    },
    ce_dataschema: {
      type: 'string',
      description: 'urn:plenary:message:<type>:<version>, the JSON Schema of the value.',
    },
    ce_correlationid: { type: 'string', description: 'Shared by everything one user action caused.' },
    ce_causationid: { type: 'string', description: 'The request or message that caused this one.' },
    ce_partitionkey: { type: 'string', description: "The meeting's id, as the Kafka key." },
    ce_plenarysequence: {
      type: 'string',
      pattern: '^[1-9][0-9]*$',
      description:
        "Extension attribute: the message's place among all messages of its topic about one meeting (one key), assigned when the change was written, counting from 1. Messages arrive in this order; a number that repeats is a redelivery (same ce_id), and a number skipped is a change that was not written (its write failed) or a message the producer could not publish (dead-lettered as oversized). Read it as a decimal integer. Absent only on messages published before Plenary numbered them.",
    },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

/**
 * The AsyncAPI 3 document of Plenary's topics, generated from the message catalog: channels
 * (one per topic), what each service sends, every message version with its CloudEvents headers,
 * Kafka key, payload schema and an example.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const versions = publishedVersions();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { CloudEventHeaders: HEADERS };

  for (const [topic, channel] of Object.entries(CHANNELS) as Array<
    [TopicName, (typeof CHANNELS)[TopicName]]
  >) {
    const onTopic = versions.filter((v) => v.topic === topic);
    channels[channel.name] = {
      address: topic,
      title: topic,
      description: `${channel.description} Keyed by the meeting's id: all messages about one meeting are in order. Kept forever by default, so a subscriber can replay from the beginning.`,
      messages: Object.fromEntries(onTopic.map((v) => [key(v), { $ref: `#/components/messages/${key(v)}` }])),
      bindings: {
        kafka: {
          topic,
          partitions: 3,
          topicConfiguration: { 'retention.ms': -1, 'cleanup.policy': ['delete'] },
          bindingVersion: '0.5.0',
        },
      },
    };
    operations[`${channel.owner}Publishes`] = {
      action: 'send',
      title: `The ${channel.owner} service publishes`,
      channel: { $ref: `#/channels/${channel.name}` },
      messages: onTopic.map((v) => ({ $ref: `#/channels/${channel.name}/messages/${key(v)}` })),
    };
    for (const version of onTopic) {
      const schema = payloadSchema(version);
      // In one document the nested classes become shared components, referenced from there.
      const { $schema: _draft, $id: _id, $defs, ...payload } = asComponents(schema) as JsonSchema;
      Object.assign(schemas, $defs as Record<string, JsonSchema> | undefined);
      schemas[messageId(version)] = payload;
      const headers = {
        ce_specversion: '1.0',
        ce_id: '01a22280-e893-7553-927b-f0224f20d889',
        ce_source: `/plenary/${channel.owner}`,
        ce_type: version.type,
        ce_time: '2027-11-21T04:00:00.000Z',
        ce_subject: `${channel.owner === 'events' ? 'events' : version.type.split('.')[0] + 's'}/0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a`,
        ce_dataschema: `urn:plenary:message:${version.type}:${version.version}`,
        ce_correlationid: '01a22280-e87b-7178-b76a-fb4a39e54d39',
        ce_causationid: '01a22280-e87b-7178-b76a-fb4a39e54d39',
        ce_partitionkey: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a',
        ce_plenarysequence: '42',
        'content-type': 'application/json',
      };
      messages[key(version)] = {
        name: version.type,
        title: `${version.type} (version ${version.version})`,
        summary: version.description,
        contentType: 'application/json',
        headers: {
          allOf: [
            { $ref: '#/components/schemas/CloudEventHeaders' },
            {
              type: 'object',
              properties: {
                ce_type: { const: version.type },
                ce_dataschema: { const: `urn:plenary:message:${version.type}:${version.version}` },
              },
            },
          ],
        },
        payload: { $ref: `#/components/schemas/${messageId(version)}` },
        bindings: {
          kafka: {
            key: { type: 'string', description: "The meeting's id." },
            bindingVersion: '0.5.0',
          },
        },
        examples: [{ name: messageId(version), headers, payload: exampleFor(schema) }],
        ...(version.until
          ? { deprecated: true, description: `Published beside the current version until ${version.until}.` }
          : {}),
      };
    }
  }

  return sorted({
    asyncapi: '3.0.0',
    info: {
      title: 'Plenary messages',
      version: '1.0.0',
      description:
        'The topics Plenary publishes for other systems. Messages are CloudEvents 1.0 in Kafka binary mode (ce_* headers, JSON value), keyed by the meeting id, delivered at least once (deduplicate on ce_id), in order per meeting (ce_plenarysequence numbers them per meeting and topic). A compatible change (a new optional field) keeps the version; any other change is a new version published beside the old one for a documented period.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local stack (infra/local/stack.sh).',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  }) as Record<string, unknown>;
}
