import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalStack, ROOT } from './local-stack.ts';

const STATE_FILE = join(ROOT, '.stack/test/infrastructure.json');
export const TEST_STACK_DIR = join(ROOT, '.stack/test');

export type InfrastructureSource = 'environment' | 'testcontainers' | 'local-stack';

interface InfrastructureState {
  source: InfrastructureSource;
  kafkaBrokers: string;
  mongoUrl: string;
  containers?: string[];
  localStack?: { dir: string; kafkaPort: number; storePort: number };
}

async function dockerAnswers(): Promise<boolean> {
  try {
    await promisify(execFile)('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<InfrastructureState> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [kafka, mongo] = await Promise.all([
    new KafkaContainer('apache/kafka:4.1.1').withKraft().start(),
    new MongoDBContainer('mongo:8.0').start(),
  ]);
  return {
    source: 'testcontainers',
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}/?directConnection=true`,
    containers: [kafka.getId(), mongo.getId()],
  };
}

async function startLocalStack(): Promise<InfrastructureState> {
  const stack = new LocalStack({
    dir: join(TEST_STACK_DIR, 'shared'),
    kafkaPort: Number(process.env.TEST_STACK_KAFKA_PORT ?? 19092),
    storePort: Number(process.env.TEST_STACK_STORE_PORT ?? 37017),
  });
  await stack.start();
  return {
    source: 'local-stack',
    kafkaBrokers: stack.kafkaBrokers,
    mongoUrl: stack.mongoUrl,
    localStack: stack.options,
  };
}

/**
 * Brings up the broker and the store the tests talk to: KAFKA_BROKERS and MONGO_URL when set;
 * else Kafka and MongoDB in containers when a Docker engine answers; else the project's own
 * local stack (the path CI takes on machines without Docker).
 */
export async function startInfrastructure(): Promise<InfrastructureState> {
  let state: InfrastructureState;
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) {
    state = {
      source: 'environment',
      kafkaBrokers: process.env.KAFKA_BROKERS,
      mongoUrl: process.env.MONGO_URL,
    };
  } else if (await dockerAnswers()) {
    state = await startContainers();
  } else {
    state = await startLocalStack();
  }
  mkdirSync(TEST_STACK_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));
  return state;
}

/** Stops what startInfrastructure started (never servers given through the environment). */
export async function stopInfrastructure(): Promise<void> {
  let state: InfrastructureState;
  try {
    state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as InfrastructureState;
  } catch {
    return;
  }
  if (state.source === 'local-stack' && state.localStack) {
    await new LocalStack(state.localStack).stop();
    // Each run starts from empty topics and databases.
    rmSync(state.localStack.dir, { recursive: true, force: true });
  }
  if (state.source === 'testcontainers' && state.containers) {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await getContainerRuntimeClient();
    await Promise.all(
      state.containers.map((id) => client.container.getById(id).remove({ force: true, v: true })),
    );
  }
  rmSync(STATE_FILE, { force: true });
}
