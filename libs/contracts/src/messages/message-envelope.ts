/**
 * A message as a consumer sees it: the CloudEvents attributes from the Kafka headers and the
 * validated payload. Handlers get this, typed by the message type (see MessageOf).
 */
export interface MessageEnvelope<Payload = unknown> {
  /** Unique per message; a redelivery carries the same id. */
  id: string;
  type: string;
  version: number;
  /** The producing service, e.g. /plenary/events. */
  source: string;
  /** What the message is about, e.g. events/0192…; the Kafka key is the meeting's id. */
  subject: string;
  key: string;
  time: string;
  /** Shared by every message that follows from one user action. */
  correlationId: string;
  /** The id of the request or message that directly caused this one. */
  causationId: string;
  /** Place among its topic's messages about the same key (ce_plenarysequence); absent on older messages. */
  sequence?: number;
  data: Payload;
}
