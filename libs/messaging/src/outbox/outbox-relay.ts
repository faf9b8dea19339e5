import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ServiceConfig } from '@plenary/config';
import type { TopicName } from '@plenary/contracts';
import { LOGGER, type Logger } from '@plenary/observability';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Message, Producer, TopicMessages } from 'kafkajs';
import type { Collection, Connection } from 'mongoose';
import { encodeMessage } from '../cloud-events/cloud-event-codec.js';
import { unpublishableDeadLetter } from '../consumer/dead-letter.js';
import { createKafka, createProducer } from '../kafka/kafka-client.js';
import { TopicNames } from '../kafka/topic-names.js';
import { ensureTopics } from '../kafka/topic-provisioner.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { encodedSize, splitByBytes } from './byte-batches.js';
import type { OutboxEntry } from './outbox-carrier.js';
import { OutboxSequences } from './outbox-sequences.js';
import { type OpenGap, publishOrder } from './publish-order.js';

interface PendingDocument {
  // Plenary documents use string ids (UUIDv7).
  _id: string;
  version: number;
  outbox: OutboxEntry[];
  outboxSequence?: number;
}

/** Pending documents read from one collection. */
interface ReadDocuments {
  collection: string;
  documents: PendingDocument[];
}

/** A message the relay could not publish (larger than a produce request may be), kept in the store. */
interface UnpublishableMessage extends OutboxEntry {
  _id: string;
  reason: 'oversized';
  bytes: number;
  deadLetteredAt: Date;
}

export const UNPUBLISHABLE_COLLECTION = 'outbox_dead_letters';
const PENDING_PROJECTION = { _id: 1, version: 1, outbox: 1, outboxSequence: 1 };

export interface RelayStatus {
  running: boolean;
  sent: number;
  lastSentAt?: string;
  /** The last pass that reached Kafka and the store without error, whether or not it had messages to send. */
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  /** Messages too large to publish, dead-lettered (and kept in the store) instead. */
  deadLettered: number;
  lastDeadLetter?: { id: string; type: string; key: string; bytes: number; at: string };
  /** Sequence numbers given up on after the grace period (writes that never completed). */
  skippedSequences: number;
  /** Keys whose next messages waited, at the last pass, for an earlier sequence. */
  holding: number;
}

const MAX_BACKOFF_MS = 5000;
/** How soon the relay looks again when a key waits for an earlier sequence. */
const HOLD_RECHECK_MS = 200;

/** A document just written with messages, named so that the relay reads it by its id. */
export interface WrittenDocument {
  collection: string;
  id: string;
}

/**
 * Sends the messages waiting in outboxes to Kafka, then clears them. Woken by every write with
 * the document written, it reads that document by its id (cheap on any store, whatever the
 * collection's size); sweeping every collection for pending documents on a timer besides (and
 * at once after a failure), it catches up by itself after Kafka, the store or the service
 * itself was down. Delivery is at least once: a crash between the send and the clear sends a
 * message again, with the same id, and consumers drop the duplicate.
 * Order: each pass reads pending documents from every outbox collection and sends each key's
 * messages in the order of their sequences (publishOrder), holding a key's later messages
 * while an earlier one may still be written. Requests are cut by bytes under
 * OUTBOX_MAX_REQUEST_BYTES; a message too large for any request is dead-lettered and kept in
 * the store, so that it never blocks what follows.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap {
  private readonly kafka;
  private producer: Producer | undefined;
  private topicsReady = false;
  private running = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private loop: Promise<void> | undefined;
  /** Documents written since the last pass, by collection. */
  private readonly written = new Map<string, Set<string>>();
  private nextSweepAt = 0;
  private readonly status: RelayStatus = {
    running: false,
    sent: 0,
    deadLettered: 0,
    skippedSequences: 0,
    holding: 0,
  };
  /** Holes in keys' sequences being waited on (see publishOrder). */
  private readonly gaps = new Map<string, OpenGap>();

  constructor(
    private readonly config: ServiceConfig,
    private readonly topics: TopicNames,
    @InjectConnection() private readonly connection: Connection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sequences: OutboxSequences,
  ) {
    this.kafka = createKafka(config, logger, 'relay');
  }

  onApplicationBootstrap(): void {
    // A hybrid app runs bootstrap hooks twice (for HTTP, then for the Kafka transport): one loop only.
    if (this.loop) return;
    this.running = true;
    this.status.running = true;
    this.loop = this.run();
  }

  /** Ask for a pass now (after a write, naming the document written) rather than at the next sweep. */
  wake(document?: WrittenDocument): void {
    if (document) {
      if (!this.written.has(document.collection)) this.written.set(document.collection, new Set());
      this.written.get(document.collection)!.add(document.id);
    }
    this.woken = true;
    this.wakeUp?.();
  }

  getStatus(): RelayStatus {
    return { ...this.status };
  }

  /** Stops the loop after one last pass, so that what was written before shutdown is sent. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    try {
      await this.pass();
    } catch (error) {
      this.logger.warn(
        { err: error },
        'outbox: final flush failed; the messages stay in the outbox for the next start',
      );
    }
    await this.producer?.disconnect().catch(() => undefined);
    this.status.running = false;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let more = false;
      try {
        // Connecting first creates the topics this service publishes, so that subscribers find
        // them (with the project's retention) before the first message.
        await this.connectedProducer();
        if (Date.now() >= this.nextSweepAt) {
          this.written.clear(); // the sweep sees them; writes from now on are named again
          more = await this.pass();
          if (!more) this.nextSweepAt = Date.now() + this.config.OUTBOX_SWEEP_INTERVAL_MS;
        } else {
          await this.passOverWritten();
        }
        // A key waits for an earlier sequence, which a sweep finds in whichever collection holds it.
        if (this.status.holding > 0)
          this.nextSweepAt = Math.min(this.nextSweepAt, Date.now() + HOLD_RECHECK_MS);
        failures = 0;
        this.status.lastSuccessAt = new Date().toISOString();
      } catch (error) {
        failures += 1;
        this.recordError(error as Error);
        await this.resetProducer();
        this.nextSweepAt = 0; // what the failed pass held is found by a sweep
        // Writes do not cut this wait short: they would only hammer a broker that is away.
        await this.sleep(Math.min(100 * 2 ** failures, MAX_BACKOFF_MS), false);
        continue;
      }
      // A full batch that made progress means more may be waiting: go on at once.
      if (!more && this.written.size === 0)
        await this.sleep(Math.max(0, this.nextSweepAt - Date.now()), true);
    }
  }

  /** Sends the messages of the documents named by writes since the last pass, reading each by its id. */
  private async passOverWritten(): Promise<void> {
    const written = [...this.written];
    this.written.clear();
    const reads: ReadDocuments[] = [];
    for (const [name, ids] of written) {
      const collection = this.connection.collection<PendingDocument>(name);
      // One read for them all: a lookup of ids by the _id index, in MongoDB and in the local store.
      const documents = (await collection
        .find({ _id: { $in: [...ids] }, outboxPending: true }, { projection: PENDING_PROJECTION })
        .toArray()) as PendingDocument[];
      if (documents.length > 0) reads.push({ collection: name, documents });
    }
    // Other documents were not read: a missing sequence may be in any of them (horizon 0), so a key with a hole waits for a sweep.
    await this.publish(reads, 0);
  }

  /**
   * One pass over every outbox collection: reads the pending documents in the order of their
   * lowest sequence, sends what may go, clears what was sent. Returns whether more may be
   * waiting: a collection filled its batch and the pass made progress.
   */
  async pass(): Promise<boolean> {
    const reads: ReadDocuments[] = [];
    let horizon = Number.POSITIVE_INFINITY;
    let full = false;
    for (const name of this.options.outboxCollections) {
      const collection = this.connection.collection<PendingDocument>(name);
      const documents = (await collection
        .find({ outboxPending: true }, { projection: PENDING_PROJECTION })
        .sort({ outboxSequence: 1, _id: 1 })
        .limit(this.config.OUTBOX_BATCH_SIZE)
        .toArray()) as PendingDocument[];
      if (documents.length === 0) continue;
      reads.push({ collection: name, documents });
      if (documents.length >= this.config.OUTBOX_BATCH_SIZE) {
        // What this read did not reach starts at the last document's lowest sequence.
        full = true;
        horizon = Math.min(horizon, documents[documents.length - 1].outboxSequence ?? 0);
      }
    }
    const sent = await this.publish(reads, horizon);
    return full && sent > 0;
  }

  /** Sends what the order allows of the documents read, then clears it from them. Returns how many messages left the outbox. */
  private async publish(reads: ReadDocuments[], horizon: number): Promise<number> {
    const pending = reads.flatMap((r) => r.documents.flatMap((d) => d.outbox ?? []));
    if (pending.length === 0) {
      this.status.holding = 0;
      return 0;
    }
    const keys = [...new Set(pending.filter((e) => e.sequence !== undefined).map((e) => e.key))];
    const [published, abandoned] =
      keys.length > 0
        ? await Promise.all([this.sequences.published(keys), this.sequences.abandoned(keys)])
        : [new Map<string, number>(), new Map<string, Set<number>>()];
    const order = publishOrder({
      pending,
      published,
      abandoned,
      horizon,
      gaps: this.gaps,
      now: Date.now(),
      graceMs: this.config.OUTBOX_SEQUENCE_GRACE_MS,
    });
    this.status.holding = order.held.length;
    for (const hole of order.skipped) {
      this.status.skippedSequences += hole.to - hole.from + 1;
      this.logger.warn(
        hole,
        `outbox: sequence ${hole.from}..${hole.to} of ${hole.key} never written after ${this.config.OUTBOX_SEQUENCE_GRACE_MS} ms; skipped`,
      );
    }
    if (order.send.length === 0) return 0;

    const done = await this.send(order.send);
    const highest = new Map<string, number>();
    for (const entry of order.send) {
      if (entry.sequence !== undefined && entry.sequence > (highest.get(entry.key) ?? 0))
        highest.set(entry.key, entry.sequence);
    }
    await this.sequences.markPublished(highest, abandoned);
    for (const read of reads) await this.clear(read.collection, read.documents, done);
    return done.size;
  }

  /**
   * Sends the messages in order, in requests cut under the producer's byte limit; a message
   * that alone exceeds it is dead-lettered. Returns the ids that left the outbox either way.
   */
  private async send(entries: OutboxEntry[]): Promise<Set<string>> {
    const items = entries.map((entry) => {
      const topic = this.topics.resolve(entry.topic as TopicName);
      const message = encodeMessage({ ...entry, time: new Date(entry.time) });
      return { entry, topic, message, bytes: encodedSize(message) };
    });
    const { batches, oversized } = splitByBytes(items, (i) => i.bytes, this.config.OUTBOX_MAX_REQUEST_BYTES);
    const producer = await this.connectedProducer();
    for (const item of oversized) await this.deadLetter(producer, item);
    for (const batch of batches) {
      const byTopic = new Map<string, TopicMessages>();
      for (const { topic, message } of batch) {
        if (!byTopic.has(topic)) byTopic.set(topic, { topic, messages: [] });
        byTopic.get(topic)!.messages.push(message);
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
      this.status.sent += batch.length;
      this.status.lastSentAt = new Date().toISOString();
    }
    return new Set(entries.map((e) => e.id));
  }

  /** Keeps a message no request can carry in the store, and announces it on the dead-letter topic (without its value). */
  private async deadLetter(
    producer: Producer,
    item: { entry: OutboxEntry; topic: string; message: Message; bytes: number },
  ): Promise<void> {
    const { entry, topic, message, bytes } = item;
    const error = `${bytes} bytes, more than the ${this.config.OUTBOX_MAX_REQUEST_BYTES} a produce request may carry (OUTBOX_MAX_REQUEST_BYTES); kept in the ${UNPUBLISHABLE_COLLECTION} collection`;
    try {
      await this.connection.collection<UnpublishableMessage>(UNPUBLISHABLE_COLLECTION).insertOne({
        ...entry,
        _id: entry.id,
        reason: 'oversized',
        bytes,
        deadLetteredAt: new Date(),
      });
    } catch (failure) {
      if (!isDuplicateKeyError(failure)) throw failure; // kept already by an earlier attempt
    }
    await producer.send({
      topic: this.topics.deadLetter(),
      acks: -1,
      messages: [
        unpublishableDeadLetter(message, {
          reason: 'oversized',
          error,
          topic,
          group: this.config.consumerGroup,
          keptIn: UNPUBLISHABLE_COLLECTION,
        }),
      ],
    });
    this.status.deadLettered += 1;
    this.status.lastDeadLetter = {
      id: entry.id,
      type: entry.type,
      key: entry.key,
      bytes,
      at: new Date().toISOString(),
    };
    this.logger.error(
      { messageId: entry.id, type: entry.type, key: entry.key, bytes, topic },
      'outbox: message too large to publish; dead-lettered',
    );
  }

  /** Takes the messages that left (done) out of the documents read. */
  private async clear(
    collectionName: string,
    documents: PendingDocument[],
    done: Set<string>,
  ): Promise<void> {
    const collection = this.connection.collection<PendingDocument>(collectionName);
    const whole = documents.filter((d) => (d.outbox ?? []).every((e) => done.has(e.id)));
    const partly = documents.filter(
      (d) => !whole.includes(d) && (d.outbox ?? []).some((e) => done.has(e.id)),
    );
    if (whole.length > 0) {
      // Clear at the version read: if the document changed meanwhile, its new messages stay.
      const result = await collection.bulkWrite(
        whole.map((d) => ({
          updateOne: {
            filter: { _id: d._id, version: d.version },
            update: { $set: { outbox: [], outboxPending: false }, $unset: { outboxSequence: '' } },
          },
        })),
        { ordered: false },
      );
      if (result.matchedCount < whole.length) partly.push(...whole);
    }
    for (const document of partly) await this.removeSent(collection, document._id, done);
  }

  /**
   * For a document with messages that stay (held, or written after it was read): keep those,
   * at the version read now (compare-and-set, retried). Done this way rather than with a $pull
   * by condition, which FerretDB 1.24 does not apply.
   */
  private async removeSent(
    collection: Collection<PendingDocument>,
    id: string,
    done: Set<string>,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await collection.findOne({ _id: id }, { projection: PENDING_PROJECTION });
      if (!current || !current.outbox.some((e) => done.has(e.id))) return;
      const remaining = current.outbox.filter((e) => !done.has(e.id));
      const lowest = Math.min(...remaining.map((e) => e.sequence ?? 0));
      const update = await collection.updateOne(
        { _id: id, version: current.version },
        remaining.length > 0 && Number.isFinite(lowest)
          ? { $set: { outbox: remaining, outboxPending: true, outboxSequence: lowest } }
          : { $set: { outbox: [], outboxPending: false }, $unset: { outboxSequence: '' } },
      );
      if (update.matchedCount === 1) return;
    }
    // Still changing: the messages stay and go out again with the next pass (consumers drop duplicates).
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = createProducer(this.kafka);
      await producer.connect();
      this.producer = producer;
    }
    if (!this.topicsReady) {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        // And the dead-letter topic, for a message too large to publish.
        await ensureTopics(
          admin,
          [...this.options.publishes.map((t) => this.topics.resolve(t)), this.topics.deadLetter()],
          this.config,
        );
        this.topicsReady = true;
      } finally {
        await admin.disconnect();
      }
    }
    return this.producer;
  }

  /** After a failure start with a fresh producer: kafkajs' idempotent producer can stay wedged after a broker restart. */
  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private recordError(error: Error): void {
    this.status.lastError = error.message;
    this.status.lastErrorAt = new Date().toISOString();
    this.logger.warn({ err: error }, 'outbox: sending failed; will retry');
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeable && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        if (wakeable || !this.running) {
          this.wakeUp = undefined;
          this.woken = false;
          done();
        }
      };
    });
  }
}
