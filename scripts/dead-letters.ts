import {
  createKafka,
  createProducer,
  DLQ,
  readTopic,
  TopicNames,
  type TopicRecord,
} from '@plenary/messaging';
import { createLogger } from '@plenary/observability';
import { serviceConfig, serviceName } from './lib/service-env.js';

/**
 * The messages a service could not process, and a way back once the cause is fixed:
 *   npm run dead-letters -- list <service>
 *   npm run dead-letters -- redrive <service> <partition:offset>[,…] | all
 * A re-driven message goes back to its original topic as it was (same id, key, value and
 * CloudEvents headers); services that did process it drop it as a duplicate. The dead-letter
 * topic records each re-drive, so the list shows what was already sent back.
 */
const REDRIVE_OF = 'dlq-redrive-of';

const [command, service, selection] = process.argv.slice(2);
const config = serviceConfig(serviceName(service));
const kafka = createKafka(config, createLogger('dead-letters', 'warn'), 'dead-letters');
const topic = new TopicNames(config).deadLetter();
const at = (r: TopicRecord) => `${r.partition}:${r.offset}`;

async function letters(): Promise<{ letters: TopicRecord[]; redriven: Set<string> }> {
  const records = await readTopic(kafka, topic, 30_000, config.consumerGroup);
  return {
    letters: records.filter((r) => !r.headers[REDRIVE_OF]),
    redriven: new Set(records.map((r) => r.headers[REDRIVE_OF]).filter(Boolean)),
  };
}

async function list(): Promise<void> {
  const { letters: all, redriven } = await letters();
  if (all.length === 0) {
    process.stdout.write(`${topic}: no dead letters\n`);
    return;
  }
  process.stdout.write(`${topic}: ${all.length} dead letter(s)\n\n`);
  for (const r of all) {
    const h = r.headers;
    process.stdout.write(
      [
        `${at(r)}  ${h[DLQ.failedAt] ?? ''}  ${h[DLQ.reason]}${redriven.has(at(r)) ? '  (re-driven)' : ''}`,
        `  type ${h.ce_type ?? '(none)'}, id ${h.ce_id ?? '(none)'}, key ${r.key ?? '(none)'}`,
        h[DLQ.valueKeptIn]
          ? `  never published to ${h[DLQ.topic]}: the whole message is kept in the service's ${h[DLQ.valueKeptIn]} collection`
          : `  from ${h[DLQ.topic]} ${h[DLQ.partition]}:${h[DLQ.offset]}, after ${h[DLQ.attempts]} attempt(s)`,
        `  ${(h[DLQ.error] ?? '').slice(0, 300)}`,
        '',
      ].join('\n'),
    );
  }
}

async function redrive(): Promise<void> {
  if (!selection) throw new Error('say which: partition:offset[,partition:offset…] or all');
  const { letters: all } = await letters();
  let chosen = selection === 'all' ? all : all.filter((r) => selection.split(',').includes(at(r)));
  if (chosen.length === 0) throw new Error(`no dead letter at ${selection} in ${topic}`);
  // Too large for the topic: re-driving would fail the same way; fix the cause, then publish it again from the store.
  const unpublishable = chosen.filter((r) => r.headers[DLQ.valueKeptIn]);
  for (const r of unpublishable)
    process.stdout.write(
      `not re-driving ${at(r)} (${r.headers.ce_type ?? 'no type'}): too large to publish; kept in ${r.headers[DLQ.valueKeptIn]}\n`,
    );
  chosen = chosen.filter((r) => !r.headers[DLQ.valueKeptIn]);
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    for (const r of chosen) {
      const headers = Object.fromEntries(
        Object.entries(r.headers).filter(([name]) => !name.startsWith('dlq-')),
      );
      await producer.send({
        topic: r.headers[DLQ.topic],
        acks: -1,
        messages: [{ key: r.key, value: r.value, headers }],
      });
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: r.key, value: null, headers: { [REDRIVE_OF]: at(r) } }],
      });
      process.stdout.write(
        `re-drove ${at(r)} (${r.headers.ce_type ?? 'no type'}) to ${r.headers[DLQ.topic]}\n`,
      );
    }
  } finally {
    await producer.disconnect();
  }
}

(command === 'list'
  ? list()
  : command === 'redrive'
    ? redrive()
    : Promise.reject(new Error('use: list <service> | redrive <service> <which>'))
).catch((error: Error) => {
  process.stderr.write(`dead-letters: ${error.message}\n`);
  process.exitCode = 1;
});
