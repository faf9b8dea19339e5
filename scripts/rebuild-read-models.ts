import { createKafka } from '@plenary/messaging';
import { createLogger } from '@plenary/observability';
import { type ChildProcess, spawn } from 'node:child_process';
import mongoose from 'mongoose';
import { serviceArgs } from './lib/service-process.js';
import { SERVICES, serviceConfig, serviceEnvironment, serviceName } from './lib/service-env.js';

/**
 * Rebuilds a service's read models from the topics, showing progress:
 *   npm run rebuild -- participants      (or reports)
 * The service must be stopped (its consumer group empty). The command clears the read models and
 * the ids of processed messages, moves the group back to the start of its topics, runs the service
 * until it has caught up with the end of every topic it reads, and stops it again.
 */
const name = serviceName(process.argv[2]);
const config = serviceConfig(name);
const say = (line: string) => process.stdout.write(`${line}\n`);
const group = config.consumerGroup;
const kafka = createKafka(config, createLogger('rebuild', 'warn'), 'rebuild');
const admin = kafka.admin();

async function lag(topics: string[]): Promise<{ done: number; total: number }> {
  let done = 0;
  let total = 0;
  const committed = await admin.fetchOffsets({ groupId: group, topics });
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const start = Number(end.low);
      const high = Number(end.high);
      const at = Number(mine.find((p) => p.partition === end.partition)?.offset ?? -1);
      total += high - start;
      done += Math.max(0, (at < 0 ? start : at) - start);
    }
  }
  return { done, total };
}

async function main(): Promise<void> {
  if (SERVICES[name].readModels.length === 0) {
    say(`${name} keeps no read models: nothing to rebuild.`);
    return;
  }
  await admin.connect();
  const [description] = (await admin.describeGroups([group])).groups;
  if (description.members.length > 0) {
    throw new Error(
      `stop the ${name} service first: its consumer group ${group} has ${description.members.length} member(s)`,
    );
  }
  const topics = (await admin.fetchOffsets({ groupId: group })).map((t) => t.topic);
  if (topics.length === 0)
    throw new Error(`consumer group ${group} has read nothing yet: start the ${name} service once first`);

  const connection = await mongoose
    .createConnection(config.MONGO_URL, { dbName: config.mongoDatabase })
    .asPromise();
  for (const collection of [...SERVICES[name].readModels, 'inbox']) {
    const { deletedCount } = await connection.collection(collection).deleteMany({});
    say(`cleared ${collection} (${deletedCount} documents)`);
  }
  await connection.close();
  for (const topic of topics) await admin.resetOffsets({ groupId: group, topic, earliest: true });
  say(`consumer group ${group} moved to the start of ${topics.join(', ')}`);

  const started = Date.now();
  const service: ChildProcess = spawn(process.execPath, serviceArgs(name), {
    env: { ...serviceEnvironment(), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => service.once('exit', () => resolve()));
  let caughtUp = 0;
  let last = { done: 0, total: 0 };
  while (caughtUp < 2) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (service.exitCode !== null)
      throw new Error(`${name} exited (code ${service.exitCode}) before catching up`);
    last = await lag(topics);
    const seconds = (Date.now() - started) / 1000;
    const percent = last.total === 0 ? 100 : Math.floor((100 * last.done) / last.total);
    process.stdout.write(
      `\rreplayed ${last.done.toLocaleString('en')} / ${last.total.toLocaleString('en')} messages (${percent}%), ${Math.round(last.done / seconds).toLocaleString('en')}/s   `,
    );
    caughtUp = last.done >= last.total ? caughtUp + 1 : 0;
  }
  const seconds = (Date.now() - started) / 1000;
  say(
    `\nread models of ${name} rebuilt from ${last.total.toLocaleString('en')} messages in ${seconds.toFixed(1)} s; stopping the service`,
  );
  service.kill('SIGTERM');
  await exited;
}

main()
  .catch((error: Error) => {
    process.stderr.write(`rebuild: ${error.message}\n`);
    process.exitCode = 1;
  })
  .finally(() => admin.disconnect());
