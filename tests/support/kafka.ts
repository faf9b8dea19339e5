import { Kafka, logLevel, Partitioners, type KafkaMessage, type Message } from 'kafkajs';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function toRead(topic: string, partition: number, message: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[0] : value);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers,
  };
}

/** A raw kafkajs client for tests: reads topics from the start and writes records as any producer could. */
export class TestKafka {
  private readonly kafka: Kafka;

  constructor(brokers = process.env.KAFKA_BROKERS!) {
    this.kafka = new Kafka({
      clientId: 'plenary-tests',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
    });
  }

  async produce(topic: string, messages: Message[]): Promise<void> {
    const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, messages, acks: -1 });
    } finally {
      await producer.disconnect();
    }
  }

  async createTopic(topic: string, partitions = 3): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  }

  /** Every message of a topic from the beginning up to its current end. */
  async readAll(topic: string): Promise<ReadMessage[]> {
    const admin = this.kafka.admin();
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
    const consumer = this.kafka.consumer({
      groupId: `test-reader-${Date.now()}-${Math.random()}`,
      maxWaitTimeInMs: 100,
    });
    const read: ReadMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 20_000);
        void consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              read.push(toRead(topic, partition, message));
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
    return read;
  }
}
