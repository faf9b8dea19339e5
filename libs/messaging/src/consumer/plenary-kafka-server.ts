import { KafkaContext, type MessageHandler, ServerKafka } from '@nestjs/microservices';
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
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { decodeMessage } from '../cloud-events/cloud-event-codec.js';
import { PoisonMessageError } from '../cloud-events/poison-message.error.js';
import { createKafka, createProducer } from '../kafka/kafka-client.js';
import type { TopicNames } from '../kafka/topic-names.js';
import { ensureTopics } from '../kafka/topic-provisioner.js';
import { deadLetterMessage } from './dead-letter.js';
import { handlerKindOf } from './handler-kinds.js';
import type { Inbox } from './inbox.js';
import { type MessageRoute, MessageRoutes } from './message-routes.js';
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
/** In a long batch, what is done is recorded and its offsets resolved at least this often. */
const SETTLE_EVERY_MS = 1_000;

class ShuttingDownError extends Error {
  constructor() {
    super('consumer is shutting down; the message stays uncommitted');
  }
}

/** A message of a batch once decoded: refused (dead-lettered at once), passed over, or handed to its handlers. */
type Admitted =
  | { kind: 'refused'; message: KafkaMessage; error: unknown }
  | { kind: 'passed'; message: KafkaMessage; envelope: MessageEnvelope<unknown> }
  | {
      kind: 'handled';
      message: KafkaMessage;
      envelope: MessageEnvelope<object>;
      routes: readonly MessageRoute[];
      /** Dropped if its id was processed, recorded once handled. */
      inbox: boolean;
    };
type HandledMessage = Extract<Admitted, { kind: 'handled' }>;

/** Where a batch's messages come from, and its heartbeat. */
interface BatchSource {
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
}

/**
 * Nest's Kafka transport, extended once for every app (rather than bypassed in each):
 * - routes by message type (the ce_type header, via @OnMessage) instead of by topic;
 * - decodes CloudEvents and validates payloads against their contract;
 * - refuses (dead-letters) a message whose ce_source is not its topic's owner;
 * - consumes a partition's messages in batches (eachBatch): one inbox read for the batch, the
 *   handlers in order (a batch handler, @OnMessages, takes consecutive messages of its types at
 *   once), then one inbox write for what was handled before its offsets are resolved;
 * - drops redeliveries already processed (inbox), except for handlers whose effect is
 *   idempotent by itself (@IdempotentByVersion: no inbox read or write);
 * - tells gaps and reorderings in each meeting's sequence (ce_plenarysequence): logged and
 *   counted, not held for: a hole is a write that never completed or a message too large to
 *   publish (dead-lettered by its producer), so waiting would block the partition for
 *   nothing, and handlers are idempotent and keep the source's version anyway;
 * - retries a failing handler with backoff, then dead-letters it and goes on, so one bad
 *   message never blocks its partition (a failing batch, after its attempts, is handled one
 *   message at a time so that only the bad one is dead-lettered); waits without committing
 *   while the store is away; stops between messages when closing or when the batch is stale,
 *   leaving what it did not handle uncommitted;
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
  private readonly routes = new MessageRoutes();

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

  /**
   * Called by Nest for each handler of each type. Nest would chain a type's second handler
   * behind the first; here each is kept apart, with how it wants to be called (its extras).
   */
  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const type = this.normalizePattern(pattern as string);
    this.routes.add(type, { handle: callback, ...handlerKindOf(extras) });
    if (!this.messageHandlers.has(type)) super.addHandler(pattern, callback, isEventHandler, extras);
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
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  /** The topics that carry the message types this app has handlers for. */
  private subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.routes.types()) {
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

  /**
   * One partition's batch: decoded, one inbox read, handled in order, then one inbox write
   * before the offsets it covers are resolved. Stops between messages when the consumer is
   * closing or the batch is stale; what was not handled stays unresolved and comes again.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const source: BatchSource = { topic: batch.topic, partition: batch.partition, heartbeat };
    const items = batch.messages.map((message) => this.admit(message));
    const toRecord: { id: string; type: string }[] = [];
    let doneOffset: string | undefined;
    /** The processed ids are recorded before the offsets that cover them are resolved. */
    const settle = async (closing: boolean) => {
      if (toRecord.length > 0) {
        const records = [...toRecord];
        if (closing) await this.deps.inbox.recordAll(records);
        else await this.untilStoreAnswers(() => this.deps.inbox.recordAll(records), heartbeat);
        toRecord.length = 0;
      }
      if (doneOffset !== undefined) resolveOffset(doneOffset);
      doneOffset = undefined;
    };
    try {
      const inboxIds = items.flatMap((item) =>
        item.kind === 'handled' && item.inbox ? [item.envelope.id] : [],
      );
      const processed =
        inboxIds.length === 0
          ? new Set<string>()
          : await this.untilStoreAnswers(() => this.deps.inbox.seenAmong(inboxIds), heartbeat);
      let settledAt = Date.now();
      for (let i = 0; i < items.length;) {
        if (!isRunning() || isStale() || this.closing) break;
        const item = items[i];
        const run = item.kind === 'handled' ? this.runFrom(items, i) : [];
        if (item.kind === 'refused') {
          await this.deadLetterOrThrow(item.error, item.message, source.topic, source.partition, 1);
        } else if (item.kind === 'passed') {
          this.sequences.advance(source.topic, item.envelope.key, item.envelope.sequence);
        } else if (run.length > 1) {
          const fresh = run.filter((m) => !this.dropIfDuplicate(m, processed, source.topic));
          for (const handled of await this.handleRun(fresh, source)) {
            if (handled.inbox) toRecord.push({ id: handled.envelope.id, type: handled.envelope.type });
          }
        } else if (!this.dropIfDuplicate(item, processed, source.topic)) {
          if ((await this.handleOne(item, source)) && item.inbox) {
            toRecord.push({ id: item.envelope.id, type: item.envelope.type });
          }
        }
        i += Math.max(1, run.length);
        doneOffset = items[i - 1].message.offset;
        if (Date.now() - settledAt >= SETTLE_EVERY_MS) {
          await settle(false);
          settledAt = Date.now();
        }
        await heartbeat();
      }
      await settle(this.closing);
    } catch (error) {
      // Closing, or Kafka refused a heartbeat (a rebalance): what is done is recorded and
      // resolved if the store answers at once; the rest is handled again by the partition's owner.
      await settle(true).catch(() => undefined);
      if (error instanceof ShuttingDownError) return;
      throw error;
    }
  }

  /**
   * The messages from `start` that one batch handler can take together: consecutive ones of
   * types that handler alone handles. A single message otherwise.
   */
  private runFrom(items: Admitted[], start: number): HandledMessage[] {
    const first = items[start] as HandledMessage;
    const route = this.routes.soleBatchRoute(first.envelope.type);
    if (!route) return [first];
    const run: HandledMessage[] = [];
    for (let i = start; i < items.length; i++) {
      const item = items[i];
      if (item.kind !== 'handled' || this.routes.soleBatchRoute(item.envelope.type) !== route) break;
      run.push(item);
    }
    return run;
  }

  /**
   * A redelivery of a processed message (the inbox knows its id, or it came earlier in this
   * batch) is dropped; otherwise the message is taken: its sequence is watched and its id noted.
   */
  private dropIfDuplicate(item: HandledMessage, processed: Set<string>, topic: string): boolean {
    if (item.inbox && processed.has(item.envelope.id)) {
      this.log.info({ messageId: item.envelope.id, type: item.envelope.type }, 'duplicate delivery dropped');
      return true;
    }
    if (item.inbox) processed.add(item.envelope.id);
    this.watchSequence(topic, item.envelope);
    return false;
  }

  /** Decodes and checks one message, as far as it can without the store. */
  private admit(message: KafkaMessage): Admitted {
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
      return { kind: 'refused', message, error };
    }
    const type = envelope.type;
    const routes = this.routes.of(type);
    // A type on this topic that this app does not need.
    if (routes.length === 0) return { kind: 'passed', message, envelope };
    const definition = MessageCatalog[type];
    // Only the owner of a topic writes it; anything else is forged or misrouted.
    const owner = sourceOf(TopicOwners[definition.topic as TopicName]);
    if (envelope.source !== owner) {
      const error = new PoisonMessageError(
        'foreign-source',
        `ce_source "${envelope.source.slice(0, 200)}" is not ${owner}, the owner of ${definition.topic}`,
      );
      return { kind: 'refused', message, error };
    }
    if (envelope.version !== definition.version) {
      // Another version, published beside the one this app reads during a migration.
      this.log.debug(
        { type, version: envelope.version },
        'skipping a message version this service does not read',
      );
      return { kind: 'passed', message, envelope };
    }
    try {
      const data = validatePayload(definition, envelope.data);
      return {
        kind: 'handled',
        message,
        envelope: { ...envelope, data },
        routes,
        inbox: this.routes.needsInbox(type),
      };
    } catch (error) {
      return { kind: 'refused', message, error };
    }
  }

  /**
   * Hands one message to every handler of its type (a batch handler gets an array of one);
   * retries with backoff, then dead-letters it. Returns whether it was handled.
   */
  private async handleOne(item: HandledMessage, source: BatchSource): Promise<boolean> {
    const { envelope, message, routes } = item;
    const context = { correlationId: envelope.correlationId, causationId: envelope.id };
    const kafkaContext = this.kafkaContext(message, source);
    const maxAttempts = this.deps.config.CONSUMER_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.untilStoreAnswers(
          () =>
            RequestContext.run(context, () =>
              Promise.all(
                routes.map((route) => this.invoke(route, route.batch ? [envelope] : envelope, kafkaContext)),
              ),
            ),
          source.heartbeat,
        );
        return true;
      } catch (error) {
        if (error instanceof ShuttingDownError || attempt >= maxAttempts) {
          await this.deadLetterOrThrow(error, message, source.topic, source.partition, attempt);
          return false;
        }
        await this.backOff(error, attempt, source, { messageId: envelope.id, type: envelope.type });
      }
    }
  }

  /**
   * Hands consecutive messages to their batch handler at once, with the first one's context;
   * retries the batch with backoff, then handles its messages one at a time so that only a bad
   * one is dead-lettered. Returns the messages handled.
   */
  private async handleRun(run: HandledMessage[], source: BatchSource): Promise<HandledMessage[]> {
    if (run.length <= 1) {
      return run.length === 1 && (await this.handleOne(run[0], source)) ? run : [];
    }
    const [first] = run;
    const route = first.routes[0];
    const context = { correlationId: first.envelope.correlationId, causationId: first.envelope.id };
    const kafkaContext = this.kafkaContext(run[run.length - 1].message, source);
    const maxAttempts = this.deps.config.CONSUMER_MAX_ATTEMPTS;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        await this.untilStoreAnswers(
          () =>
            RequestContext.run(context, () =>
              this.invoke(
                route,
                run.map((m) => m.envelope),
                kafkaContext,
              ),
            ),
          source.heartbeat,
        );
        return run;
      } catch (error) {
        if (error instanceof ShuttingDownError) throw error;
        if (attempt < maxAttempts) {
          await this.backOff(error, attempt, source, { type: first.envelope.type, messages: run.length });
        } else {
          this.log.warn(
            { err: error, type: first.envelope.type, messages: run.length, attempts: attempt },
            'batch handler failed; handling its messages one at a time',
          );
        }
      }
    }
    const handled: HandledMessage[] = [];
    for (const item of run) if (await this.handleOne(item, source)) handled.push(item);
    return handled;
  }

  private async backOff(
    error: unknown,
    attempt: number,
    source: BatchSource,
    about: Record<string, unknown>,
  ): Promise<void> {
    const delay = this.deps.config.CONSUMER_RETRY_BACKOFF_MS * 2 ** (attempt - 1);
    this.log.warn({ err: error, ...about, attempt }, `handler failed; retrying in ${delay} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    await source.heartbeat();
  }

  /** Calls one handler as Nest's handleEvent would: its result may be a stream that errors. */
  private async invoke(route: MessageRoute, data: unknown, context: KafkaContext): Promise<void> {
    const result: unknown = await route.handle(data, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  private kafkaContext(message: KafkaMessage, { topic, partition, heartbeat }: BatchSource): KafkaContext {
    return new KafkaContext([message, partition, topic, this.consumer!, heartbeat, this.producer!]);
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
