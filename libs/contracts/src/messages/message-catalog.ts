import { EventMessages } from '../events/event-messages.js';
import { CoordinatorMessages } from '../participants/coordinator-messages.js';
import { DelegationMessages } from '../participants/delegation-messages.js';
import { ParticipantMessages } from '../participants/participant-messages.js';
import { ReportMessages } from '../reports/report-messages.js';
import type { MessageEnvelope } from './message-envelope.js';

/**
 * Every message type Plenary publishes, by name: its version, topic and payload class.
 * The one place a message contract is written; producers, consumers and the published
 * schemas all derive from it.
 */
export const MessageCatalog = {
  ...EventMessages,
  ...DelegationMessages,
  ...ParticipantMessages,
  ...CoordinatorMessages,
  ...ReportMessages,
};

export type MessageCatalog = typeof MessageCatalog;
export type MessageType = keyof MessageCatalog;
export type PayloadOf<T extends MessageType> = InstanceType<MessageCatalog[T]['payload']>;
/** The envelope a handler of message type T receives. */
export type MessageOf<T extends MessageType> = MessageEnvelope<PayloadOf<T>>;

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(MessageCatalog, type);
}
