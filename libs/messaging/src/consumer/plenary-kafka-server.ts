import { KafkaContext, ServerKafka } from '@nestjs/microservices';
import type { ServiceConfig } from '@plenary/config';
import {
  isMessageType,
  MessageCatalog,
  type MessageEnvelope,
  sourceOf,
  TopicOwners,
  type TopicName,
} from '@plenary/contracts';
import { RequestContext, type Logger } from '@plenary/observability';
import { isStoreUnavailableError } from '@plenary/persistence';
import type { Consumer, EachMessagePayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { decodeMessage } from '../cloud-events/cloud-event-codec.js';
import { PoisonMessageError } from '../cloud-events/poison-message.error.js';
import { createKafka, createProducer } from '../kafka/kafka-client.js';
import type { TopicNames } from '../kafka/topic-names.js';
import { ensureTopics } from '../kafka/topic-provisioner.js';
import { deadLetterMessage } from './dead-letter.js';
import type { Inbox } from './inbox.js';
import { validatePayload } from './payload-validation.js';
import { type SequenceCounts, SequenceWatch } from './sequence-watch.js';

/** idle: the app has no message handlers, so there is nothing to consume. */
export type ConsumerState = 'idle' | 'starting' | 'running' | 'rebalancing' | 'crashed' | 'stopped';

export interface PlenaryKafkaServerDeps {
  config: ServiceConfig;
  logger: Logger;
  topics: TopicNames;
  inbox: Inbox;
}

const MAX_RESTART_DELAY_MS = 10_000;
const MAX_UNAVAILABLE_DELAY_MS = 5_000;

class ShuttingDownError extends Error {
  constructor() {
    super('consumer is shutting down; the message stays uncommitted');
  }
}

/**
 * Nest's Kafka transport, extended once for every app (rather than bypassed in each):
 * - routes by message type (the ce_type header, via @OnMessage) instead of by topic;
 * - decodes CloudEvents and validates payloads against their contract;
 * - refuses (dead-letters) a message whose ce_source is not its topic's owner;
 * - drops redeliveries already processed (inbox);
 * - tells gaps and reorderings in each meeting's sequence (ce_plenarysequence): logged and
 *   counted, not held for: a hole is a write that never completed or a message too large to
 *   publish (dead-lettered by its producer), so waiting would block the partition for
 *   nothing, and handlers are idempotent and keep the source's version anyway;
 * - retries a failing handler with backoff, then dead-letters it and goes on, so one bad
 *   message never blocks its partition; waits without committing while the store is away;
 * - processes several partitions at once;
 * - starts even while Kafka is away and restarts a crashed consumer, reporting its state
 *   to the readiness check.
 */
export class PlenaryKafkaServer extends ServerKafka {
  private state: ConsumerState = 'stopped';
  private closing = false;
  private starting: Promise<void> | undefined;
  private readonly log: Logger;
  private readonly deps: PlenaryKafkaServerDeps;
  private kafka: Kafka | undefined;
  private readonly sequences = new SequenceWatch();

  constructor(deps: PlenaryKafkaServerDeps) {
    super({
      client: { brokers: deps.config.kafkaBrokers },
      consumer: { groupId: deps.config.consumerGroup },
      postfixId: '',
    });
    this.deps = deps;
    this.log = deps.logger.child({ component: 'consumer' });
  }

  getState(): ConsumerState {
    return this.state;
  }

  /** Gaps and reorderings seen in the meetings' sequences since start. */
  getSequenceCounts(): SequenceCounts {
    return this.sequences.getCounts();
  }

  /** The app starts at once; the consumer connects in the background and retries until Kafka answers. */
  override async listen(callback: (error?: unknown) => void): Promise<void> {
    this.closing = false;
    this.kafka = createKafka(this.deps.config, this.deps.logger, 'consumer');
    this.client = this.kafka;
    callback();
    this.starting = this.startWithRetries();
  }

  override async close(): Promise<void> {
    this.closing = true;
    await this.starting?.catch(() => undefined);
    const consumer = this.consumer;
    const producer = this.producer;
    this.consumer = null;
    this.producer = null;
    // disconnect() waits for the messages being processed, so no effect is cut in half.
    await consumer
      ?.disconnect()
      .catch((error: Error) => this.log.warn({ err: error }, 'consumer disconnect failed'));
    await producer?.disconnect().catch(() => undefined);
    this.state = 'stopped';
  }

  private async startWithRetries(): Promise<void> {
    let delay = 250;
    while (!this.closing) {
      try {
        await this.startConsumer();
        return;
      } catch (error) {
        this.state = 'crashed';
        this.log.warn({ err: error }, `consumer could not start; retrying in ${delay} ms`);
        await this.dropConsumer();
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
      }
    }
  }

  private async startConsumer(): Promise<void> {
    const topics = this.subscribedTopics();
    if (topics.length === 0) {
      this.state = 'idle';
      return;
    }
    this.state = 'starting';
    const kafka = this.kafka!;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [...topics, this.deps.topics.deadLetter()], this.deps.config);
    } finally {
      await admin.disconnect();
    }
    this.producer ??= createProducer(kafka);
    await this.producer.connect();
    const consumer = kafka.consumer({
      groupId: this.deps.config.consumerGroup,
      allowAutoTopicCreation: false,
      // A nearby broker: answer within 100 ms when there is nothing new, notice a dead member in 10 s.
      maxWaitTimeInMs: 100,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 20_000,
    });
    this.consumer = consumer;
    this.watch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.deps.config.CONSUMER_CONCURRENCY,
      eachMessage: (payload) => this.process(payload),
    });
  }

  /** The topics that carry the message types this app has handlers for. */
  private subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      if (!isMessageType(pattern))
        throw new Error(`@OnMessage('${pattern}') names no message type of the contract`);
      topics.add(this.deps.topics.resolve(MessageCatalog[pattern].topic as TopicName));
    }
    return [...topics];
  }

  private watch(consumer: Consumer): void {
    const { GROUP_JOIN, REBALANCING, CRASH, STOP } = consumer.events;
    consumer.on(GROUP_JOIN, () => {
      this.state = 'running';
      this.sequences.reset(); // the partitions may have changed: start each key's baseline again
      this.publishStatus('connected');
    });
    consumer.on(REBALANCING, () => {
      this.state = 'rebalancing';
      this.publishStatus('rebalancing');
    });
    consumer.on(STOP, () => {
      if (!this.closing) this.state = 'stopped';
    });
    consumer.on(CRASH, (event) => {
      this.state = 'crashed';
      this.publishStatus('crashed');
      this.log.error({ err: event.payload.error, restart: event.payload.restart }, 'consumer crashed');
      // kafkajs restarts by itself after retriable errors; after the others it stays down.
      if (!event.payload.restart && !this.closing) {
        this.starting = this.dropConsumer().then(() => this.startWithRetries());
      }
    });
  }

  /** Nest's public status stream (app.getMicroservices()[0].status); KafkaStatus is a const enum of these strings. */
  private publishStatus(status: 'connected' | 'rebalancing' | 'crashed'): void {
    (this._status$ as { next(value: string): void }).next(status);
  }

  private async dropConsumer(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect().catch(() => undefined);
  }

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    let envelope: MessageEnvelope<unknown>;
    try {
      // Checked before parsing: a huge value would cost memory and time for nothing.
      const size = message.value?.length ?? 0;
      if (size > this.deps.config.CONSUMER_MAX_MESSAGE_BYTES) {
        throw new PoisonMessageError(
          'oversized',
          `${size} bytes, more than the ${this.deps.config.CONSUMER_MAX_MESSAGE_BYTES} this service accepts`,
        );
      }
      envelope = decodeMessage(message);
      if (!isMessageType(envelope.type)) {
        throw new PoisonMessageError('unknown-type', `no message type "${envelope.type}" in the contract`);
      }
    } catch (error) {
      return this.deadLetterOrThrow(error, message, topic, partition, 1);
    }
    const type = envelope.type;
    if (!this.messageHandlers.has(type)) {
      // A type on this topic that this app does not need.
      this.sequences.advance(topic, envelope.key, envelope.sequence);
      return;
    }
    const definition = MessageCatalog[type];
    // Only the owner of a topic writes it; anything else is forged or misrouted.
    const owner = sourceOf(TopicOwners[definition.topic as TopicName]);
    if (envelope.source !== owner) {
      return this.deadLetterOrThrow(
        new PoisonMessageError(
          'foreign-source',
          `ce_source "${envelope.source.slice(0, 200)}" is not ${owner}, the owner of ${definition.topic}`,
        ),
        message,
        topic,
        partition,
        1,
      );
    }
    if (envelope.version !== definition.version) {
      // Another version, published beside the one this app reads during a migration.
      this.log.debug(
        { type, version: envelope.version },
        'skipping a message version this service does not read',
      );
      this.sequences.advance(topic, envelope.key, envelope.sequence);
      return;
    }
    let data: object;
    try {
      data = validatePayload(definition, envelope.data);
    } catch (error) {
      return this.deadLetterOrThrow(error, message, topic, partition, 1);
    }
    const validated = { ...envelope, data };

    if (await this.untilStoreAnswers(() => this.deps.inbox.seen(envelope.id), heartbeat)) {
      this.log.info({ messageId: envelope.id, type }, 'duplicate delivery dropped');
      return;
    }
    this.watchSequence(topic, envelope);
    const context = { correlationId: envelope.correlationId, causationId: envelope.id };
    const kafkaContext = new KafkaContext([
      message,
      partition,
      topic,
      this.consumer!,
      heartbeat,
      this.producer!,
    ]);
    const maxAttempts = this.deps.config.CONSUMER_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.untilStoreAnswers(
          () =>
            RequestContext.run(context, () =>
              this.handleEvent(type, { pattern: type, data: validated }, kafkaContext),
            ),
          heartbeat,
        );
        break;
      } catch (error) {
        if (error instanceof ShuttingDownError || attempt >= maxAttempts) {
          return this.deadLetterOrThrow(error, message, topic, partition, attempt);
        }
        const delay = this.deps.config.CONSUMER_RETRY_BACKOFF_MS * 2 ** (attempt - 1);
        this.log.warn(
          { err: error, messageId: envelope.id, type, attempt },
          `handler failed; retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await heartbeat();
      }
    }
    await this.untilStoreAnswers(() => this.deps.inbox.record(envelope.id, type), heartbeat);
  }

  private watchSequence(topic: string, envelope: MessageEnvelope<unknown>): void {
    const seen = this.sequences.observe(topic, envelope.key, envelope.sequence);
    if (seen === 'gap' || seen === 'reordered') {
      this.log.warn(
        {
          messageId: envelope.id,
          type: envelope.type,
          key: envelope.key,
          sequence: envelope.sequence,
          topic,
        },
        seen === 'gap'
          ? 'sequence gap: earlier messages about this meeting never arrived'
          : 'sequence reordered: a message about this meeting arrived after a later one',
      );
    }
  }

  /**
   * Runs a step; while it fails because the store is away, waits and tries again without
   * committing the offset, so the partition pauses instead of flooding the dead-letter topic.
   */
  private async untilStoreAnswers<T>(step: () => Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
    let delay = 200;
    for (;;) {
      if (this.closing) throw new ShuttingDownError();
      try {
        return await step();
      } catch (error) {
        if (!isStoreUnavailableError(error)) throw error;
        this.log.warn({ err: error }, `store unavailable; message processing paused for ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, MAX_UNAVAILABLE_DELAY_MS);
        await heartbeat();
      }
    }
  }

  private async deadLetterOrThrow(
    error: unknown,
    message: KafkaMessage,
    topic: string,
    partition: number,
    attempts: number,
  ): Promise<void> {
    // Shutting down: leave the offset uncommitted, the next owner of the partition handles it.
    if (error instanceof ShuttingDownError) throw error;
    const reason = error instanceof PoisonMessageError ? error.reason : 'handler-failed';
    const text = error instanceof Error ? error.message : String(error);
    await this.producer!.send({
      topic: this.deps.topics.deadLetter(),
      acks: -1,
      messages: [
        deadLetterMessage(message, {
          reason,
          error: text,
          topic,
          partition,
          group: this.deps.config.consumerGroup,
          attempts,
        }),
      ],
    });
    this.log.error(
      { reason, error: text, topic, partition, offset: message.offset },
      'message dead-lettered',
    );
  }

  /** Exposes the clients for tests and tools, as ServerKafka does. */
  override unwrap<T = [Kafka, Consumer | null, Producer | null]>(): T {
    return [this.kafka, this.consumer, this.producer] as T;
  }
}
