import { readTopic, type TopicRecord } from '@plenary/messaging';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';

export type ReadMessage = TopicRecord;

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

  /** Every message of a topic from the beginning up to its current end. */
  readAll(topic: string): Promise<ReadMessage[]> {
    return readTopic(this.kafka, topic, 20_000);
  }
}
