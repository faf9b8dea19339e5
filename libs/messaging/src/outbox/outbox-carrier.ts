import { Prop } from '@nestjs/mongoose';
import { Schema } from 'mongoose';
import type { OutgoingMessage } from '../cloud-events/cloud-event-codec.js';

/** A message waiting in its aggregate's document until the relay has handed it to Kafka. */
export interface OutboxEntry extends OutgoingMessage {
  /** Logical topic from the contract; the relay adds the deployment's prefix. */
  topic: string;
}

export const OutboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    source: { type: String, required: true },
    subject: { type: String, required: true },
    time: { type: Date, required: true },
    correlationId: { type: String, required: true },
    causationId: { type: String, required: true },
    data: { type: String, required: true },
    sequence: { type: Number, required: false },
  },
  { _id: false },
);

/**
 * Base class of every schema whose changes publish messages (the transactional outbox without
 * transactions): a change and the messages announcing it are written in one single-document
 * write, which MongoDB and FerretDB both make atomic; the relay then sends and clears them.
 * `version` counts changes: optimistic concurrency for the API, and the relay's guard when it
 * clears what it has sent.
 */
export abstract class OutboxCarrier {
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  @Prop({ type: Boolean, default: false, index: true })
  outboxPending: boolean;

  /** The lowest sequence among the pending messages: the relay reads pending documents in this order. */
  @Prop({ type: Number, required: false })
  outboxSequence?: number;

  @Prop({ type: Number, required: true, default: 1 })
  version: number;
}
