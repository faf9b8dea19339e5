import type { TopicName } from '@plenary/contracts';

export interface MessagingOptions {
  /** Collections whose documents carry an outbox (schemas extending OutboxCarrier). */
  outboxCollections: string[];
  /** Topics this service publishes to; created at start with the project's settings. */
  publishes: TopicName[];
}

export const MESSAGING_OPTIONS = Symbol('plenary:messaging-options');
