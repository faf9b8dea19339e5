import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, LocalKeycloak, LocalStack, localIssuer, ROOT } from './local-stack.ts';

const STATE_FILE = join(ROOT, '.stack/test/infrastructure.json');
export const TEST_STACK_DIR = join(ROOT, '.stack/test');

export type InfrastructureSource = 'environment' | 'testcontainers' | 'local-stack';

export interface InfrastructureState {
  source: InfrastructureSource;
  kafkaBrokers: string;
  mongoUrl: string;
  /** the OpenID Connect issuer of the plenary realm the tests sign in with */
  oidcIssuer: string;
  containers?: string[];
  localStack?: { dir: string; kafkaPort: number; storePort: number; keycloakPort?: number };
  /** a Keycloak started on its own (when the broker and the store came from elsewhere) */
  keycloak?: { dir: string; port: number };
}

type BrokerAndStore = Omit<InfrastructureState, 'oidcIssuer' | 'keycloak'>;

/** The fixed ports of the local test stack, which a free port for Keycloak must not take. */
const KAFKA_PORT = Number(process.env.TEST_STACK_KAFKA_PORT ?? 19092);
const STORE_PORT = Number(process.env.TEST_STACK_STORE_PORT ?? 37017);

/** TEST_STACK_KEYCLOAK_PORT, else a free port (two checkouts may run their tests at once). */
async function keycloakPort(): Promise<number> {
  if (process.env.TEST_STACK_KEYCLOAK_PORT) return Number(process.env.TEST_STACK_KEYCLOAK_PORT);
  for (;;) {
    const port = await freePort();
    if (![KAFKA_PORT, KAFKA_PORT + 1, STORE_PORT].includes(port)) return port;
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    await promisify(execFile)('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<BrokerAndStore> {
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

async function startLocalStack(withKeycloak: boolean): Promise<BrokerAndStore> {
  const stack = new LocalStack({
    dir: join(TEST_STACK_DIR, 'shared'),
    kafkaPort: KAFKA_PORT,
    storePort: STORE_PORT,
    ...(withKeycloak ? { keycloakPort: await keycloakPort() } : {}),
  });
  // One stack.sh start: Kafka, the store and Keycloak come up side by side.
  await stack.start();
  return {
    source: 'local-stack',
    kafkaBrokers: stack.kafkaBrokers,
    mongoUrl: stack.mongoUrl,
    localStack: stack.options,
  };
}

/**
 * Brings up the broker, the store and the identity provider the tests talk to: KAFKA_BROKERS and
 * MONGO_URL when set; else Kafka and MongoDB in containers when a Docker engine answers; else the
 * project's own local stack (the path CI takes on machines without Docker). The identity provider:
 * OIDC_ISSUER_URL when set (a Keycloak with the plenary realm), else the local stack's Keycloak,
 * started once per run beside the rest.
 */
export async function startInfrastructure(): Promise<InfrastructureState> {
  const givenIssuer = process.env.OIDC_ISSUER_URL;
  let state: InfrastructureState;
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) {
    const environment: BrokerAndStore = {
      source: 'environment',
      kafkaBrokers: process.env.KAFKA_BROKERS,
      mongoUrl: process.env.MONGO_URL,
    };
    state = givenIssuer ? { ...environment, oidcIssuer: givenIssuer } : await withLocalKeycloak(environment);
  } else if (await dockerAnswers()) {
    const [containers, keycloak] = await Promise.all([
      startContainers(),
      givenIssuer ? undefined : startKeycloak(),
    ]);
    state = { ...containers, ...keycloakState(keycloak, givenIssuer) };
  } else {
    const stack = await startLocalStack(!givenIssuer);
    const port = stack.localStack?.keycloakPort;
    state = { ...stack, oidcIssuer: givenIssuer ?? localIssuer(port!) };
  }
  mkdirSync(TEST_STACK_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));
  return state;
}

async function startKeycloak(): Promise<LocalKeycloak> {
  const keycloak = new LocalKeycloak({ dir: join(TEST_STACK_DIR, 'keycloak'), port: await keycloakPort() });
  await keycloak.start();
  return keycloak;
}

function keycloakState(keycloak: LocalKeycloak | undefined, givenIssuer: string | undefined) {
  if (!keycloak) return { oidcIssuer: givenIssuer! };
  return { oidcIssuer: keycloak.identityProvider.issuer, keycloak: keycloak.options };
}

async function withLocalKeycloak(environment: BrokerAndStore): Promise<InfrastructureState> {
  return { ...environment, ...keycloakState(await startKeycloak(), undefined) };
}

/** What startInfrastructure recorded for this run (the tests read the identity provider from it). */
export function infrastructureState(): InfrastructureState {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as InfrastructureState;
  } catch (error) {
    throw new Error(
      `no test infrastructure recorded in ${STATE_FILE}: run the tests through Jest's global setup`,
      {
        cause: error,
      },
    );
  }
}

/** Stops what startInfrastructure started (never servers given through the environment). */
export async function stopInfrastructure(): Promise<void> {
  let state: InfrastructureState;
  try {
    state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as InfrastructureState;
  } catch {
    return;
  }
  if (state.keycloak) {
    await new LocalKeycloak(state.keycloak).stop();
    rmSync(state.keycloak.dir, { recursive: true, force: true });
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
