import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage, Message } from 'kafkajs';
import type { ParticipantView } from '@plenary/contracts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SEQUENCE = 'ce_plenarysequence';

/** The first participant.registered message on a topic (one the participants service published): the template. */
export async function registeredTemplate(kafka: Kafka, topic: string): Promise<KafkaMessage> {
  const consumer = kafka.consumer({ groupId: `${topic}-template-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let found: KafkaMessage | undefined;
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!found && message.headers?.ce_type?.toString() === 'participant.registered') found = message;
    },
  });
  const deadline = Date.now() + 30_000;
  while (!found && Date.now() < deadline) await sleep(100);
  await consumer.disconnect();
  if (!found) throw new Error(`no participant.registered message on ${topic}`);
  return found;
}

/**
 * A participant.registered message about `participant`, made from a real one: its headers
 * (type, schema, source, content type), a fresh ce_id, the participant's meeting as key and
 * partition key, its id in the subject. `sequence`: its place among the meeting's messages;
 * without it the message is unsequenced (as messages written before sequences existed), which
 * consumers accept without looking for gaps.
 */
export function registeredMessage(
  template: KafkaMessage,
  participant: ParticipantView,
  sequence?: number,
): Message {
  const value = JSON.parse(template.value!.toString()) as { participant: ParticipantView };
  const subject = template.headers!.ce_subject!.toString().replace(value.participant.id, participant.id);
  const headers: IHeaders = {
    ...template.headers,
    ce_id: randomUUID(),
    ce_partitionkey: participant.eventId,
    ce_subject: subject,
  };
  if (sequence === undefined) delete headers[SEQUENCE];
  else headers[SEQUENCE] = String(sequence);
  return { key: participant.eventId, value: JSON.stringify({ ...value, participant }), headers };
}
