/**
 * Kafka topics, one per owning app, keyed by the event (meeting) id so that every message
 * about one meeting keeps its order. Names are logical: a deployment may prefix them
 * (KAFKA_TOPIC_PREFIX).
 */
export const Topics = {
  events: 'plenary.events',
  participants: 'plenary.participants',
  reports: 'plenary.reports',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** The one service that may write each topic; its messages carry ce_source /plenary/<owner>. */
export const TopicOwners: Record<TopicName, string> = {
  [Topics.events]: 'events',
  [Topics.participants]: 'participants',
  [Topics.reports]: 'reports',
};

/** The CloudEvents source of a service's messages. */
export function sourceOf(service: string): string {
  return `/plenary/${service}`;
}

/** Where a consumer group puts the messages it could not process, with the reason in headers. */
export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dead-letter`;
}
