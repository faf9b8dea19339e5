import type { TopicName } from '../topics.js';

/**
 * An older version of a message type, still published beside the current one until a date
 * announced to subscribers (see README, "Subscribing"). `downgrade` derives its payload from the
 * current one, so producers write one message and the outbox carries both.
 */
export interface PreviousVersion<Payload extends object = object> {
  version: number;
  payload: new () => object;
  /** ISO date after which this version is no longer published. */
  until: string;
  downgrade(current: Payload): object;
}

/** One message type of the contract: its name, version, topic and payload class. */
export interface MessageDefinition<Type extends string = string, Payload extends object = object> {
  type: Type;
  version: number;
  topic: TopicName;
  payload: new () => Payload;
  description: string;
  previous?: Array<PreviousVersion<Payload>>;
  /** Set on a previous version when it is listed on its own. */
  until?: string;
}

export function defineMessage<const Type extends string, Payload extends object>(
  definition: MessageDefinition<Type, Payload>,
): MessageDefinition<Type, Payload> {
  return definition;
}
