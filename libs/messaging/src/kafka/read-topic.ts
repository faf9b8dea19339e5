import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';

export interface TopicRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  timestamp: string;
}

export function headersAsStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name] = String(Array.isArray(value) ? value[0] : value);
  }
  return out;
}

function toRecord(topic: string, partition: number, message: KafkaMessage): TopicRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers: headersAsStrings(message.headers),
    timestamp: message.timestamp,
  };
}

/**
 * Every record of a topic from the beginning up to its end at the time of the call, read by a
 * throw-away consumer group that commits nothing. For tools and tests, not for services. Under
 * ACLs the group's name must start with one the principal may use: a service's tools pass its
 * consumer group.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  timeoutMs = 30_000,
  groupPrefix = 'plenary',
): Promise<TopicRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  let offsets: Array<{ partition: number; high: string; low: string }>;
  try {
    if (!(await admin.listTopics()).includes(topic)) return [];
    offsets = await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
  const pending = new Map(
    offsets.filter((o) => o.high !== o.low).map((o) => [o.partition, BigInt(o.high) - 1n]),
  );
  if (pending.size === 0) return [];
  const consumer = kafka.consumer({
    groupId: `${groupPrefix}-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    maxWaitTimeInMs: 100,
  });
  const records: TopicRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} took longer than ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            records.push(toRecord(topic, partition, message));
            if (BigInt(message.offset) >= (pending.get(partition) ?? -1n)) pending.delete(partition);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
