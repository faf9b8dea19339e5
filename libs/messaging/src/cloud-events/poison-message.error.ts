/** Why a message was dead-lettered; stable values, written to the dlq-reason header. */
export type DeadLetterReason =
  | 'malformed-envelope'
  | 'malformed-version'
  | 'malformed-json'
  | 'unknown-type'
  | 'invalid-payload'
  | 'foreign-source'
  | 'oversized'
  | 'handler-failed';

/** A message that no retry can fix: it goes to the dead-letter topic at once. */
export class PoisonMessageError extends Error {
  constructor(
    readonly reason: DeadLetterReason,
    message: string,
  ) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}
