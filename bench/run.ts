/**
 * npm run bench: the five benchmarks of Plenary against its local stack, each beside its
 * baseline in the same run. Writes bench/results/<time>.json and docs/benchmarks.md.
 * `--smoke` runs the same harness with tiny sizes (for the tests: it checks the harness, not speed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ROOT } from '../scripts/lib/local-stack.js';
import { BenchServices, benchStack } from './lib/bench-stack.js';
import { openMeetingWithDelegations } from './lib/meeting.js';
import { machine, toMarkdown, type BenchResult } from './report.js';
import { catchUp } from './scenarios/catch-up.js';
import { consolePage } from './scenarios/console.js';
import { growth } from './scenarios/growth.js';
import { propagation } from './scenarios/propagation.js';
import { registration } from './scenarios/registration.js';

const smoke = process.argv.includes('--smoke');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : join(ROOT, 'bench/results');

const SIZES = smoke
  ? {
      registration: { seconds: 1, connections: 2, rate: 20 },
      propagation: { rate: 20, count: 20 },
      propagationWithinCapacity: { rate: 10, count: 10 },
      catchUp: { messages: 200 },
      growth: { sizes: [100, 300], seconds: 1 },
      console: { participants: 60, parties: 2, loads: 1 },
    }
  : {
      registration: { seconds: 15, connections: 10, rate: 100 },
      propagation: { rate: 100, count: 2000 },
      // The rate the issue asks for is above what one registration service sustains on this
      // store (scenario 1), so the pipeline is also measured at a rate it keeps up with.
      propagationWithinCapacity: { rate: 25, count: 500 },
      catchUp: { messages: 100_000 },
      growth: { sizes: [1_000, 10_000, 100_000], seconds: 5 },
      console: { participants: 10_000, parties: 100, loads: 20 },
    };

const log = (text: string) => process.stdout.write(`[bench] ${text}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  log(smoke ? 'smoke run (tiny sizes; the figures mean nothing)' : 'full run');
  const stack = await benchStack();
  const services = new BenchServices(stack, `bench${Date.now().toString(36)}`);
  const kafka = new Kafka({
    clientId: 'plenary-bench',
    brokers: stack.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  try {
    // A list of 100,000 participants takes seconds on the local store (it reads and sorts the whole
    // collection): a longer store timeout (× 4 for a running query, 20 s) than the default lets the
    // growth scenario measure it; past that (twice: the driver retries a read once) the service
    // answers 503 and the scenario says so.
    await services.start(['events', 'participants', 'reports'], { MONGO_TIMEOUT_MS: '5000' });
    const token = await services.secretariatToken();
    const meeting = await openMeetingWithDelegations(services, token, 100);
    log('1 and 5: registration throughput and memory');
    const scenario1 = await registration(services, meeting, token, SIZES.registration);
    log(JSON.stringify(scenario1));
    log('2: propagation latency');
    const scenario2 = await propagation(services, meeting, token, kafka, SIZES.propagation);
    log(JSON.stringify(scenario2));
    const scenario2b = await propagation(services, meeting, token, kafka, SIZES.propagationWithinCapacity);
    log(JSON.stringify(scenario2b));
    log('3: catch-up');
    const scenario3 = await catchUp(services, kafka, SIZES.catchUp);
    log(JSON.stringify(scenario3));
    log('4: growth');
    const grown = await openMeetingWithDelegations(services, token, 20);
    const scenario4 = await growth(services, grown, token, SIZES.growth);
    log("6: the console's participants page");
    const scenario6 = await consolePage(stack, `${services.namespace}c`, SIZES.console);
    log(JSON.stringify(scenario6));
    const result: BenchResult = {
      date: new Date().toISOString(),
      smoke,
      machine: await machine(),
      seconds: Math.round((Date.now() - started) / 1000),
      registration: scenario1,
      propagation: scenario2,
      propagationWithinCapacity: scenario2b,
      catchUp: scenario3,
      growth: scenario4,
      console: scenario6,
    };
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${result.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    const markdown = toMarkdown(result);
    if (!smoke) writeFileSync(join(ROOT, 'docs/benchmarks.md'), markdown);
    process.stdout.write(`${markdown}\n`);
    log(`results in ${file}${smoke ? '' : ' and docs/benchmarks.md'} (${result.seconds} s)`);
  } finally {
    await services.stopAll();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
