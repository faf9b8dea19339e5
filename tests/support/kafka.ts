import { readTopic, type TopicRecord } from '@plenary/messaging';
import { Kafka, logLevel, Partitioners, type Message, type SASLOptions } from 'kafkajs';

export type ReadMessage = TopicRecord;

/**
 * A raw kafkajs client for tests: reads topics from the start and writes records as any producer
 * could; on a broker with SASL, as the principal whose credentials it is given.
 */
export class TestKafka {
  private readonly kafka: Kafka;

  constructor(
    brokers = process.env.KAFKA_BROKERS!,
    private readonly options: { sasl?: SASLOptions; readerGroupPrefix?: string } = {},
  ) {
    this.kafka = new Kafka({
      clientId: 'plenary-tests',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
      ...(options.sasl ? { sasl: options.sasl } : {}),
      // A refused connection or request fails the call soon instead of retrying for half a minute.
      ...(options.sasl ? { retry: { retries: 2, initialRetryTime: 100 } } : {}),
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

  /** Every message of a topic from the beginning up to its current end. */
  readAll(topic: string): Promise<ReadMessage[]> {
    return readTopic(this.kafka, topic, 20_000, this.options.readerGroupPrefix);
  }
}
