/**
 * npm run bench: the benchmarks of Plenary against its local stack, each beside its
 * baselines in the same run. Writes bench/results/<time>.json and docs/benchmarks.md.
 * `--smoke` runs the same harness with tiny sizes (for the tests: it checks the harness, not speed).
 * `--only growth` or `--only registration,catch-up` runs only the scenarios named (registration,
 * propagation, catch-up, growth, console), to measure one figure again: it writes the JSON result and
 * prints the table, but leaves docs/benchmarks.md as it is (that page shows one whole run).
 * `--growth-sizes 1000,10000` measures growth at those sizes instead (e.g. a quick look at the curve).
 * `--out <dir>` writes the JSON result there instead of bench/results.
 * A scenario that fails is reported as failed (in the JSON and the table) and the others still
 * run; the command then exits with 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { Topics } from '@plenary/contracts';
import { ROOT } from '../scripts/lib/local-stack.js';
import { BenchServices, benchStack } from './lib/bench-stack.js';
import { openMeetingWithDelegations, registerOne } from './lib/meeting.js';
import { registeredTemplate } from './lib/participant-messages.js';
import { machine, toMarkdown, type BenchResult } from './report.js';
import { catchUp } from './scenarios/catch-up.js';
import { consolePage } from './scenarios/console.js';
import { growth } from './scenarios/growth.js';
import { propagation } from './scenarios/propagation.js';
import { registration } from './scenarios/registration.js';

const SCENARIOS = ['registration', 'propagation', 'catch-up', 'growth', 'console'] as const;
type Scenario = (typeof SCENARIOS)[number];

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const smoke = process.argv.includes('--smoke');
const outDir = argument('--out') ?? join(ROOT, 'bench/results');
const only = argument('--only')?.split(',');
for (const name of only ?? [])
  if (!(SCENARIOS as readonly string[]).includes(name))
    throw new Error(`--only: no scenario "${name}" (there are ${SCENARIOS.join(', ')})`);
const selected = new Set<Scenario>(SCENARIOS.filter((s) => !only || only.includes(s)));
const growthSizes = argument('--growth-sizes')?.split(',').map(Number);
if (growthSizes?.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error('--growth-sizes: positive whole numbers, e.g. 1000,10000');

const SIZES = smoke
  ? {
      registration: { seconds: 1, connections: 2, rate: 20 },
      propagation: { rate: 20, count: 20 },
      propagationWithinCapacity: { rate: 10, count: 10 },
      catchUp: { messages: 200 },
      growth: { sizes: growthSizes ?? [100, 300], seconds: 1 },
      console: { participants: 60, parties: 2, loads: 1 },
    }
  : {
      registration: { seconds: 15, connections: 10, rate: 100 },
      propagation: { rate: 100, count: 2000 },
      // The rate the issue asks for is above what one registration service sustains on this
      // store (scenario 1), so the pipeline is also measured at a rate it keeps up with.
      propagationWithinCapacity: { rate: 25, count: 500 },
      catchUp: { messages: 100_000 },
      growth: { sizes: growthSizes ?? [1_000, 10_000, 100_000], seconds: 5 },
      console: { participants: 10_000, parties: 100, loads: 20 },
    };

const log = (text: string) => process.stdout.write(`[bench] ${text}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  log(
    `${smoke ? 'smoke run (tiny sizes; the figures mean nothing)' : 'full run'}: ${[...selected].join(', ')}`,
  );
  const stack = await benchStack();
  const services = new BenchServices(stack, `bench${Date.now().toString(36)}`);
  const kafka = new Kafka({
    clientId: 'plenary-bench',
    brokers: stack.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const result: BenchResult = {
    date: new Date().toISOString(),
    smoke,
    scenarios: [...selected],
    machine: await machine(),
    seconds: 0,
  };
  try {
    // A list of 100,000 participants can take seconds on the local store: a longer store
    // timeout (× 4 for a running query, 20 s) than the default lets the growth scenario measure
    // it; past that (twice: the driver retries a read once) the service answers 503 and the
    // scenario says so. The reports service is what scenarios 1 (its memory) and 2 watch.
    const withReports = selected.has('registration') || selected.has('propagation');
    await services.start(['events', 'participants', ...(withReports ? (['reports'] as const) : [])], {
      MONGO_TIMEOUT_MS: '5000',
    });
    const token = await services.secretariatToken();
    // Scenarios 1 and 2 register in 100 delegations; 3 and 4 need one registration only.
    const meeting = await openMeetingWithDelegations(services, token, withReports ? 100 : 1);
    // A real participant.registered message, which scenarios 3 and 4 copy.
    let template: KafkaMessage | undefined;
    const templateMessage = async () => {
      if (!template) {
        await registerOne(services, meeting, token, 'template');
        template = await registeredTemplate(kafka, `${services.namespace}.${Topics.participants}`);
      }
      return template;
    };

    // Each scenario runs apart: one that fails is reported as such and the others still run.
    const run = async (scenario: Scenario, title: string, work: () => Promise<unknown>) => {
      if (!selected.has(scenario)) return;
      log(title);
      try {
        log(JSON.stringify(await work()));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        (result.failures ??= {})[scenario] = message;
        log(`${scenario} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      }
    };
    await run('registration', '1 and 5: registration throughput and memory', async () => {
      result.registration = await registration(services, meeting, token, SIZES.registration);
      return result.registration;
    });
    await run('propagation', '2: propagation latency', async () => {
      result.propagation = await propagation(services, meeting, token, kafka, SIZES.propagation);
      result.propagationWithinCapacity = await propagation(
        services,
        meeting,
        token,
        kafka,
        SIZES.propagationWithinCapacity,
      );
      return [result.propagation, result.propagationWithinCapacity];
    });
    await run('catch-up', '3: catch-up', async () => {
      result.catchUp = await catchUp(services, kafka, await templateMessage(), SIZES.catchUp);
      return result.catchUp;
    });
    await run('growth', '4: growth', async () => {
      const copied = await templateMessage();
      // Growth measures the participants service's reads; the reports service would project
      // every record announced meanwhile and compete with them for the store (scenario 3
      // measures that projection).
      await services.stop('reports');
      const grown = await openMeetingWithDelegations(services, token, 20);
      result.growth = await growth(services, grown, token, kafka, copied, SIZES.growth);
      return result.growth;
    });
    await run('console', "6: the console's participants page", async () => {
      result.console = await consolePage(stack, `${services.namespace}c`, SIZES.console);
      return result.console;
    });
    result.seconds = Math.round((Date.now() - started) / 1000);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${result.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    const markdown = toMarkdown(result);
    const wholeRun = !smoke && !only && !growthSizes;
    if (wholeRun) writeFileSync(join(ROOT, 'docs/benchmarks.md'), markdown);
    process.stdout.write(`${markdown}\n`);
    log(`results in ${file}${wholeRun ? ' and docs/benchmarks.md' : ''} (${result.seconds} s)`);
    if (result.failures) throw new Error(`failed: ${Object.keys(result.failures).join(', ')}`);
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
