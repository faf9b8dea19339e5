import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ServiceConfig } from '@plenary/config';
import type { TopicName } from '@plenary/contracts';
import { LOGGER, type Logger } from '@plenary/observability';
import type { Producer, TopicMessages } from 'kafkajs';
import type { Collection, Connection } from 'mongoose';
import { encodeMessage } from '../cloud-events/cloud-event-codec.js';
import { createKafka, createProducer } from '../kafka/kafka-client.js';
import { TopicNames } from '../kafka/topic-names.js';
import { ensureTopics } from '../kafka/topic-provisioner.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import type { OutboxEntry } from './outbox-carrier.js';

interface PendingDocument {
  // Plenary documents use string ids (UUIDv7).
  _id: string;
  version: number;
  outbox: OutboxEntry[];
}

export interface RelayStatus {
  running: boolean;
  sent: number;
  lastSentAt?: string;
  /** The last pass that reached Kafka and the store without error, whether or not it had messages to send. */
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
}

const MAX_BACKOFF_MS = 5000;

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
  private readonly status: RelayStatus = { running: false, sent: 0 };

  constructor(
    private readonly config: ServiceConfig,
    private readonly topics: TopicNames,
    @InjectConnection() private readonly connection: Connection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(LOGGER) private readonly logger: Logger,
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
          more = (await this.pass()) >= this.config.OUTBOX_BATCH_SIZE;
          if (!more) this.nextSweepAt = Date.now() + this.config.OUTBOX_SWEEP_INTERVAL_MS;
        } else {
          await this.passOverWritten();
        }
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
      // A full batch means more may be waiting: go on at once.
      if (!more && this.written.size === 0)
        await this.sleep(Math.max(0, this.nextSweepAt - Date.now()), true);
    }
  }

  /** Sends the messages of the documents named by writes since the last pass, reading each by its id. */
  private async passOverWritten(): Promise<void> {
    const written = [...this.written];
    this.written.clear();
    for (const [name, ids] of written) {
      const collection = this.connection.collection<PendingDocument>(name);
      // One read for them all: a lookup of ids by the _id index, in MongoDB and in the local store.
      const documents = (await collection
        .find(
          { _id: { $in: [...ids] }, outboxPending: true },
          { projection: { _id: 1, version: 1, outbox: 1 } },
        )
        .toArray()) as PendingDocument[];
      if (documents.length === 0) continue;
      await this.send(documents.flatMap((d) => d.outbox ?? []));
      await this.clear(name, documents);
    }
  }

  /** One pass: read pending documents, send their messages in order, clear what was sent. Returns how many documents it handled. */
  async pass(): Promise<number> {
    let handled = 0;
    for (const name of this.options.outboxCollections) {
      const collection = this.connection.collection<PendingDocument>(name);
      const documents = (await collection
        .find({ outboxPending: true }, { projection: { _id: 1, version: 1, outbox: 1 } })
        .limit(this.config.OUTBOX_BATCH_SIZE)
        .toArray()) as PendingDocument[];
      if (documents.length === 0) continue;
      await this.send(documents.flatMap((d) => d.outbox ?? []));
      await this.clear(name, documents);
      handled += documents.length;
    }
    return handled;
  }

  private async send(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Oldest first, so that messages about one meeting keep the order they were written in.
    const ordered = [...entries].sort(
      (a, b) => new Date(a.time).getTime() - new Date(b.time).getTime() || (a.id < b.id ? -1 : 1),
    );
    const byTopic = new Map<string, TopicMessages>();
    for (const entry of ordered) {
      const topic = this.topics.resolve(entry.topic as TopicName);
      if (!byTopic.has(topic)) byTopic.set(topic, { topic, messages: [] });
      byTopic.get(topic)!.messages.push(encodeMessage({ ...entry, time: new Date(entry.time) }));
    }
    const producer = await this.connectedProducer();
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
    this.status.sent += entries.length;
    this.status.lastSentAt = new Date().toISOString();
  }

  private async clear(collectionName: string, documents: PendingDocument[]): Promise<void> {
    const collection = this.connection.collection<PendingDocument>(collectionName);
    // Clear at the version read: if the document changed meanwhile, its new messages stay.
    const result = await collection.bulkWrite(
      documents.map((d) => ({
        updateOne: {
          filter: { _id: d._id, version: d.version },
          update: { $set: { outbox: [], outboxPending: false } },
        },
      })),
      { ordered: false },
    );
    if (result.matchedCount === documents.length) return;
    for (const document of documents) await this.removeSent(collection, document);
  }

  /**
   * For a document that changed after it was read: keep the messages that were not sent, at
   * the version read now (compare-and-set, retried). Done this way rather than with a $pull by
   * condition, which FerretDB 1.24 does not apply.
   */
  private async removeSent(collection: Collection<PendingDocument>, sent: PendingDocument): Promise<void> {
    const sentIds = new Set(sent.outbox.map((e) => e.id));
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await collection.findOne(
        { _id: sent._id },
        { projection: { _id: 1, version: 1, outbox: 1 } },
      );
      if (!current || !current.outbox.some((e) => sentIds.has(e.id))) return;
      const remaining = current.outbox.filter((e) => !sentIds.has(e.id));
      const update = await collection.updateOne(
        { _id: sent._id, version: current.version },
        { $set: { outbox: remaining, outboxPending: remaining.length > 0 } },
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
        await ensureTopics(
          admin,
          this.options.publishes.map((t) => this.topics.resolve(t)),
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
