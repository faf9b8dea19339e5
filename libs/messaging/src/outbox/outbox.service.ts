import { Injectable } from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import { MessageCatalog, type MessageDefinition, type MessageType, type PayloadOf } from '@plenary/contracts';
import { RequestContext } from '@plenary/observability';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from './outbox-carrier.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxSequences } from './outbox-sequences.js';

export interface NewMessage<T extends MessageType> {
  /** The meeting's id: the Kafka key, so that all messages about one meeting stay in order. */
  key: string;
  /** What the message is about, e.g. events/<id> or delegations/<id>. */
  subject: string;
  data: PayloadOf<T>;
}

/**
 * A message type's versions to publish for one payload: the current one, and every previous
 * version whose period has not ended, its payload derived from the current one.
 */
export function versionsToPublish<P extends object>(
  definition: MessageDefinition<string, P>,
  data: P,
  now: Date,
): Array<{ version: number; data: object }> {
  const today = now.toISOString().slice(0, 10);
  return [
    { version: definition.version, data },
    ...(definition.previous ?? [])
      .filter((old) => old.until >= today)
      .map((old) => ({ version: old.version, data: old.downgrade(data) })),
  ];
}

type UpdateWithOperators = {
  $set?: object;
  $push?: object;
  $inc?: object;
  $min?: object;
  [op: string]: unknown;
};

const lowestSequence = (messages: OutboxEntry[]): number | undefined => {
  const sequences = messages.flatMap((m) => (m.sequence === undefined ? [] : [m.sequence]));
  return sequences.length > 0 ? Math.min(...sequences) : undefined;
};

/**
 * How services publish: build messages, write them in the same document update as the change
 * they announce, then wake the relay. Nothing reaches Kafka from a request directly, so a
 * write that succeeded is never announced "maybe". insert and update number the messages per
 * key (sequence) just before the write; code that writes with forNewDocument or withMessages
 * itself calls sequence first (and abandon when the write fails).
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly config: ServiceConfig,
    private readonly relay: OutboxRelay,
    private readonly sequences: OutboxSequences,
  ) {}

  /**
   * The messages announcing one fact: its current version, and each older version still
   * published beside it until its announced end (see versionsToPublish).
   */
  messages<T extends MessageType>(type: T, message: NewMessage<T>): OutboxEntry[] {
    const definition = MessageCatalog[type];
    const context = RequestContext.current();
    const time = new Date();
    return versionsToPublish(definition as MessageDefinition<string, object>, message.data, time).map(
      ({ version, data }) => {
        const id = uuidv7();
        return {
          id,
          type,
          version,
          topic: definition.topic,
          key: message.key,
          source: `/plenary/${this.config.service}`,
          subject: message.subject,
          time,
          correlationId: context?.correlationId ?? id,
          causationId: context?.causationId ?? id,
          data: JSON.stringify(data),
        };
      },
    );
  }

  /**
   * Numbers messages with the next sequences of their keys, which give their order on the
   * topic whichever document carries them. Call it right before the write that stores them.
   */
  sequence(messages: OutboxEntry[]): Promise<OutboxEntry[]> {
    return this.sequences.assign(messages);
  }

  /** After the write meant to store sequenced messages failed: the relay need not wait for their numbers. */
  abandon(messages: OutboxEntry[]): Promise<void> {
    return this.sequences.abandon(messages);
  }

  /** Fields for a new document that carries its first messages. */
  forNewDocument(messages: OutboxEntry[]): {
    outbox: OutboxEntry[];
    outboxPending: boolean;
    outboxSequence?: number;
    version: number;
  } {
    const lowest = lowestSequence(messages);
    return {
      outbox: messages,
      outboxPending: messages.length > 0,
      ...(lowest !== undefined ? { outboxSequence: lowest } : {}),
      version: 1,
    };
  }

  /** Adds messages to an update: they are stored by the same atomic write, and the version moves on. */
  withMessages<U extends UpdateWithOperators>(update: U, messages: OutboxEntry[]): U {
    if (messages.length === 0) return { ...update, $inc: { ...(update.$inc ?? {}), version: 1 } };
    const lowest = lowestSequence(messages);
    return {
      ...update,
      $set: { ...(update.$set ?? {}), outboxPending: true },
      $push: { ...(update.$push ?? {}), outbox: { $each: messages } },
      $inc: { ...(update.$inc ?? {}), version: 1 },
      // The relay reads pending documents by their lowest pending sequence.
      ...(lowest !== undefined ? { $min: { ...(update.$min ?? {}), outboxSequence: lowest } } : {}),
    };
  }

  /** Call after a successful write of a document's messages: the relay sends them at once instead of at its next sweep. */
  written(model: { collection: { collectionName: string } }, id: string): void {
    this.relay.wake({ collection: model.collection.collectionName, id });
  }

  /** Inserts a new document together with its messages. */
  async insert<T>(model: Model<T>, document: object, messages: OutboxEntry[]): Promise<void> {
    const sequenced = await this.sequence(messages);
    try {
      await model.create({ ...document, ...this.forNewDocument(sequenced) } as never);
    } catch (error) {
      await this.abandon(sequenced);
      throw error;
    }
    this.written(model, (document as { _id: string })._id);
  }

  /**
   * Changes a document and stores its messages in the same write, if the document is still at
   * `version` (compare-and-set). Returns false, changing nothing, when someone else changed it first.
   */
  async update<T>(
    model: Model<T>,
    id: string,
    version: number,
    update: UpdateWithOperators,
    messages: OutboxEntry[],
  ): Promise<boolean> {
    const sequenced = await this.sequence(messages);
    let matched = false;
    try {
      const result = await model.updateOne(
        { _id: id, version } as never,
        this.withMessages(update, sequenced) as never,
      );
      matched = result.matchedCount > 0;
    } finally {
      if (!matched) await this.abandon(sequenced);
    }
    if (!matched) return false;
    this.written(model, id);
    return true;
  }
}
