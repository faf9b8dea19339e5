// An example subscriber, as another system would write one: plain Node and kafkajs, no Nest, no
// code from Plenary. It keeps a static public page per meeting (its outcome) up to date from the
// events and reports topics alone, and rebuilds everything by replaying them from the start.
//
//   KAFKA_BROKERS=127.0.0.1:9092 OUT_DIR=./site node examples/outcome-pages/subscriber.mjs
//
// Settings: KAFKA_BROKERS, KAFKA_TOPIC_PREFIX (default none), GROUP_ID (default
// outcome-pages), OUT_DIR (default ./outcome-pages); on a broker with SASL, KAFKA_SASL_MECHANISM
// (scram-sha-512), KAFKA_USERNAME and KAFKA_PASSWORD of a principal that may read (the local
// stack's is `subscriber`: bash infra/local/stack.sh kafka-password subscriber).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
const groupId = process.env.GROUP_ID ?? 'outcome-pages';
const outDir = process.env.OUT_DIR ?? './outcome-pages';
const topics = { events: `${prefix}plenary.events`, reports: `${prefix}plenary.reports` };
const stateFile = join(outDir, 'state.json');

mkdirSync(outDir, { recursive: true });

// What we know, per meeting: its latest snapshot and its reports; the ids already handled.
// Kept in a file next to the pages; without it, we replay the topics from the start.
const fresh = !existsSync(stateFile);
const state = fresh ? { meetings: {}, seen: [] } : JSON.parse(readFileSync(stateFile, 'utf8'));
const seen = new Set(state.seen);

const escape = (text) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function stamp(iso, timeZone, first) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${first ? 'Published' : 'Changed'} on ${parts.day} ${parts.month}, ${parts.year} - ${parts.hour}:${parts.minute}`;
}

function page(meeting, report) {
  const event = meeting.event;
  const { content, attendance, number, publishedAt } = report.published;
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: event.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(event.startsAt));
  const place = event.venue ? `${event.venue.name}, ${event.venue.city}` : '';
  const took = attendance.delegations
    .map(
      (d) =>
        `<li>${escape(d.party.name)}${d.head ? ` — ${escape(`${d.head.name.givenLatin} ${d.head.name.familyLatin}`)}` : ''}</li>`,
    )
    .join('');
  const agreed = content.decisions.map((d) => `<li>${escape(d.text)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="${escape(report.language)}"><head><meta charset="utf-8"><title>${escape(content.title)}</title></head>
<body>
<h1>${escape(content.title)}</h1>
<p>${escape(event.title)} — ${escape(date)}${place ? `, ${escape(place)}` : ''}</p>
${report.state === 'withdrawn' ? `<p><strong>Withdrawn:</strong> ${escape(report.withdrawal?.reason)}</p>` : ''}
<p>${escape(content.summary)}</p>
<h2>Who took part</h2><ul>${took}</ul>
<h2>What was agreed</h2><ul>${agreed}</ul>
<p>${escape(stamp(publishedAt, event.timeZone, number === 1))}</p>
</body></html>
`;
}

function render(eventId) {
  const meeting = state.meetings[eventId];
  const report = meeting?.reports && Object.values(meeting.reports).find((r) => r.original && r.published);
  if (!meeting?.event || !report) return;
  const file = join(outDir, `${eventId}.html`);
  writeFileSync(`${file}.tmp`, page(meeting, report));
  renameSync(`${file}.tmp`, file); // readers never see half a page
}

function apply(topic, headers, value) {
  const eventId = headers.ce_partitionkey;
  const data = JSON.parse(value);
  const meeting = (state.meetings[eventId] ??= { reports: {} });
  if (topic === topics.events) {
    // Messages about one meeting arrive in order; the version check also covers a replay.
    if (!meeting.event || data.event.version > meeting.event.version) meeting.event = data.event;
    if (headers.ce_type === 'event.deleted') delete state.meetings[eventId];
  } else {
    const known = meeting.reports[data.report.id];
    if (!known || data.report.version > known.version) meeting.reports[data.report.id] = data.report;
  }
  render(eventId);
}

const sasl = process.env.KAFKA_SASL_MECHANISM
  ? {
      mechanism: process.env.KAFKA_SASL_MECHANISM,
      username: process.env.KAFKA_USERNAME,
      password: process.env.KAFKA_PASSWORD,
    }
  : undefined;
const kafka = new Kafka({ clientId: 'outcome-pages', brokers, sasl, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
// The services create their topics when they start; wait for them rather than fail.
const missing = async () => {
  const existing = new Set(await admin.listTopics());
  return Object.values(topics).filter((t) => !existing.has(t));
};
while ((await missing()).length > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
if (fresh) {
  // No state: forget where the group was and read everything again.
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
  if (groups.includes(groupId)) {
    for (const topic of Object.values(topics))
      await admin.resetOffsets({ groupId, topic, earliest: true }).catch(() => {});
  }
}
await admin.disconnect();
const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
await consumer.connect();
await consumer.subscribe({ topics: Object.values(topics), fromBeginning: true });
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
    // At least once: the same message may come again; its ce_id says so.
    if (seen.has(headers.ce_id)) return;
    // This subscriber reads version 1 of each message type.
    if (!headers.ce_dataschema?.endsWith(':1') || !message.value) return;
    apply(topic, headers, message.value.toString());
    seen.add(headers.ce_id);
    state.seen = [...seen].slice(-10_000);
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
    renameSync(`${stateFile}.tmp`, stateFile);
  },
});
process.stdout.write(`outcome-pages: reading ${Object.values(topics).join(', ')} into ${outDir}\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void consumer.disconnect().then(() => process.exit(0)));
}
