import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { DeadLetterReason } from '../cloud-events/poison-message.error.js';

/** Headers a dead letter carries besides the original ones. */
export const DLQ = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  /** Set when the record carries no value: where the original message is kept instead. */
  valueKeptIn: 'dlq-value-kept-in',
} as const;

export interface DeadLetterCause {
  reason: DeadLetterReason;
  error: string;
  topic: string;
  partition: number;
  group: string;
  attempts: number;
}

/** The original record, untouched (key, value, headers), with why and where it failed in headers. */
export function deadLetterMessage(original: KafkaMessage, cause: DeadLetterCause): Message {
  const headers: IHeaders = { ...(original.headers ?? {}) };
  headers[DLQ.reason] = cause.reason;
  headers[DLQ.error] = cause.error.slice(0, 2000);
  headers[DLQ.topic] = cause.topic;
  headers[DLQ.partition] = String(cause.partition);
  headers[DLQ.offset] = original.offset;
  headers[DLQ.group] = cause.group;
  headers[DLQ.attempts] = String(cause.attempts);
  headers[DLQ.failedAt] = new Date().toISOString();
  return { key: original.key, value: original.value, headers };
}

/**
 * A message the outbox relay could not publish because it alone exceeds the producer's request
 * limit: the topic could not carry it either, so the dead letter keeps its key and CloudEvents
 * headers, and names where the whole message is kept (the service's store).
 */
export function unpublishableDeadLetter(
  original: Message,
  cause: Omit<DeadLetterCause, 'partition' | 'attempts'> & { keptIn: string },
): Message {
  const headers: IHeaders = { ...(original.headers ?? {}) };
  headers[DLQ.reason] = cause.reason;
  headers[DLQ.error] = cause.error.slice(0, 2000);
  headers[DLQ.topic] = cause.topic;
  headers[DLQ.partition] = '-1';
  headers[DLQ.offset] = '-1';
  headers[DLQ.group] = cause.group;
  headers[DLQ.attempts] = '0';
  headers[DLQ.failedAt] = new Date().toISOString();
  headers[DLQ.valueKeptIn] = cause.keptIn;
  return { key: original.key, value: null, headers };
}
