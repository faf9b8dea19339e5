import type { TopicName } from '../topics.js';

/** One message type of the contract: its name, version, topic and payload class. */
export interface MessageDefinition<Type extends string = string, Payload extends object = object> {
  type: Type;
  version: number;
  topic: TopicName;
  payload: new () => Payload;
  description: string;
}

export function defineMessage<const Type extends string, Payload extends object>(
  definition: MessageDefinition<Type, Payload>,
): MessageDefinition<Type, Payload> {
  return definition;
}
