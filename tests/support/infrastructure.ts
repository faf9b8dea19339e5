import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  freePort,
  LocalKeycloak,
  LocalMail,
  LocalStack,
  localIssuer,
  mailServerAt,
  ROOT,
  type LocalStackOptions,
  type MailPorts,
  type MailServer,
} from './local-stack.ts';

const STATE_FILE = join(ROOT, '.stack/test/infrastructure.json');
export const TEST_STACK_DIR = join(ROOT, '.stack/test');

export type InfrastructureSource = 'environment' | 'testcontainers' | 'local-stack';

export interface InfrastructureState {
  source: InfrastructureSource;
  kafkaBrokers: string;
  mongoUrl: string;
  /** the OpenID Connect issuer of the plenary realm the tests sign in with */
  oidcIssuer: string;
  /** where the services send mail, and Mailpit's API that the tests read it back from */
  smtpUrl: string;
  mailpitUrl: string;
  containers?: string[];
  localStack?: LocalStackOptions;
  /** a Keycloak started on its own (when the broker and the store came from elsewhere) */
  keycloak?: { dir: string; port: number };
  /** a Mailpit started on its own (when the broker and the store came from elsewhere) */
  mail?: { dir: string; ports: MailPorts };
}

type BrokerAndStore = Omit<
  InfrastructureState,
  'oidcIssuer' | 'keycloak' | 'smtpUrl' | 'mailpitUrl' | 'mail'
>;

/** The fixed ports of the local test stack, which free ports for Keycloak and Mailpit must not take. */
const KAFKA_PORT = Number(process.env.TEST_STACK_KAFKA_PORT ?? 19092);
const STORE_PORT = Number(process.env.TEST_STACK_STORE_PORT ?? 37017);
const taken = new Set([KAFKA_PORT, KAFKA_PORT + 1, STORE_PORT]);

/** The port in `variable`, else a free one (two checkouts may run their tests at once). */
async function testPort(variable: string): Promise<number> {
  let port = Number(process.env[variable] ?? 0);
  while (!port || taken.has(port)) port = await freePort();
  taken.add(port);
  return port;
}

const keycloakPort = () => testPort('TEST_STACK_KEYCLOAK_PORT');

async function mailPorts(): Promise<MailPorts> {
  return {
    smtp: await testPort('TEST_STACK_MAIL_SMTP_PORT'),
    http: await testPort('TEST_STACK_MAIL_HTTP_PORT'),
  };
}

/** SMTP_URL and MAILPIT_URL when both are set (a mail server of the caller's); else undefined. */
function givenMailServer(): MailServer | undefined {
  const { SMTP_URL: smtpUrl, MAILPIT_URL: mailpitUrl } = process.env;
  return smtpUrl && mailpitUrl ? { smtpUrl, mailpitUrl } : undefined;
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

async function startLocalStack(withKeycloak: boolean, withMail: boolean): Promise<BrokerAndStore> {
  const stack = new LocalStack({
    dir: join(TEST_STACK_DIR, 'shared'),
    kafkaPort: KAFKA_PORT,
    storePort: STORE_PORT,
    ...(withKeycloak ? { keycloakPort: await keycloakPort() } : {}),
    ...(withMail ? { mailPorts: await mailPorts() } : {}),
  });
  // One stack.sh start: Kafka, the store, Keycloak and Mailpit come up side by side.
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
 * OIDC_ISSUER_URL when set (a Keycloak with the plenary realm), else the local stack's Keycloak;
 * the mail server: SMTP_URL and MAILPIT_URL when set, else the local stack's Mailpit; each
 * started once per run beside the rest.
 */
export async function startInfrastructure(): Promise<InfrastructureState> {
  const givenIssuer = process.env.OIDC_ISSUER_URL;
  const givenMail = givenMailServer();
  let state: InfrastructureState;
  const { KAFKA_BROKERS: givenBrokers, MONGO_URL: givenStore } = process.env;
  if ((givenBrokers && givenStore) || (await dockerAnswers())) {
    // Keycloak and Mailpit of the local stack, each on its own, beside the broker and the store.
    const [brokerAndStore, keycloak, mail] = await Promise.all([
      givenBrokers && givenStore ? environmentBrokerAndStore(givenBrokers, givenStore) : startContainers(),
      givenIssuer ? undefined : startKeycloak(),
      givenMail ? undefined : startMail(),
    ]);
    state = { ...brokerAndStore, ...keycloakState(keycloak, givenIssuer), ...mailState(mail, givenMail) };
  } else {
    const stack = await startLocalStack(!givenIssuer, !givenMail);
    const { keycloakPort: port, mailPorts: ports } = stack.localStack!;
    state = {
      ...stack,
      oidcIssuer: givenIssuer ?? localIssuer(port!),
      ...(givenMail ?? mailServerAt(ports!)),
    };
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

// The broker and the store from KAFKA_BROKERS and MONGO_URL: nothing to start.
async function environmentBrokerAndStore(kafkaBrokers: string, mongoUrl: string): Promise<BrokerAndStore> {
  return { source: 'environment', kafkaBrokers, mongoUrl };
}

async function startMail(): Promise<LocalMail> {
  const mail = new LocalMail({ dir: join(TEST_STACK_DIR, 'mail'), ports: await mailPorts() });
  await mail.start();
  return mail;
}

function mailState(mail: LocalMail | undefined, given: MailServer | undefined) {
  if (!mail) return given!;
  return { ...mail.mailServer, mail: mail.options };
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
  if (state.mail) {
    await new LocalMail(state.mail).stop();
    rmSync(state.mail.dir, { recursive: true, force: true });
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
