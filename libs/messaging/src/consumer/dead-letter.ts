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
