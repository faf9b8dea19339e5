import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Jest loads the global setup as CommonJS and the tests as ES modules, so this file uses
// neither import.meta nor __dirname: the repository root is found from the working directory.
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no Plenary checkout above ${from}`);
  }
}
export const ROOT = findRoot(process.cwd());
const STACK_SCRIPT = join(ROOT, 'infra/local/stack.sh');

/** A free TCP port on loopback (for servers the tests and benchmarks start). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface LocalStackOptions {
  dir: string;
  kafkaPort: number;
  storePort: number;
  /** Kafka with SASL/SCRAM and ACLs (STACK_KAFKA_SASL=1); default: as the stack's data was formatted. */
  kafkaSasl?: boolean;
  /** Keycloak's HTTP port; unset: this stack runs no identity provider. */
  keycloakPort?: number;
  /** Mailpit's SMTP and HTTP (web UI and API) ports; unset: this stack runs no mail server. */
  mailPorts?: MailPorts;
}

export interface MailPorts {
  smtp: number;
  http: number;
}

export type StackServer = 'kafka' | 'store' | 'keycloak' | 'mail';

/** Where services send mail (SMTP_URL) and where the messages are read back (MAILPIT_URL). */
export interface MailServer {
  smtpUrl: string;
  mailpitUrl: string;
}

/** The addresses of a Mailpit of the local stack (stack.sh env prints the same). */
export function mailServerAt(ports: MailPorts): MailServer {
  return { smtpUrl: `smtp://127.0.0.1:${ports.smtp}`, mailpitUrl: `http://127.0.0.1:${ports.http}` };
}

/** The local realm's issuer on a Keycloak of the local stack (stack.sh sets Keycloak's hostname to it). */
export function localIssuer(keycloakPort: number): string {
  return `http://127.0.0.1:${keycloakPort}/realms/plenary`;
}

/** An OpenID Connect issuer and where its signing keys are (Keycloak's layout). */
export interface IdentityProvider {
  issuer: string;
  jwksUrl: string;
}

/** Keycloak's JWKS path under an issuer (other providers: read jwks_uri from the discovery document). */
export function identityProviderAt(issuer: string): IdentityProvider {
  return { issuer, jwksUrl: `${issuer.replace(/\/$/, '')}/protocol/openid-connect/certs` };
}

/** The Kafka principals stack.sh creates with SASL: the admin, one per service, the console, a read-only subscriber. */
export type KafkaPrincipal =
  'admin' | 'events' | 'participants' | 'reports' | 'notifications' | 'subscriber' | 'console';

export interface KafkaCredentials {
  mechanism: 'scram-sha-512';
  username: string;
  password: string;
}

/** The SCRAM credentials of a principal of the stack in `dir`, or undefined when it runs without SASL. */
export function kafkaCredentialsIn(dir: string, principal: KafkaPrincipal): KafkaCredentials | undefined {
  const file = join(dir, 'kafka/sasl-users');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [name, password] = line.trim().split(' ');
    if (name === principal && password) return { mechanism: 'scram-sha-512', username: name, password };
  }
  throw new Error(`${file} has no Kafka principal ${principal}`);
}

/**
 * The project's local stack (infra/local/stack.sh: Kafka from Maven Central, FerretDB from a
 * Go build, Keycloak when given a port, Mailpit when given its ports) on ports and in a directory of the caller's choosing, so
 * that tests can run one of their own and stop or kill its servers on purpose.
 */
export class LocalStack {
  constructor(readonly options: LocalStackOptions) {}

  static async onFreePorts(dir: string, options: { kafkaSasl?: boolean } = {}): Promise<LocalStack> {
    const kafkaPort = await freePort();
    let storePort = await freePort();
    while (storePort === kafkaPort || storePort === kafkaPort + 1) storePort = await freePort();
    return new LocalStack({ dir, kafkaPort, storePort, ...options });
  }

  /** A principal's credentials once Kafka has started with SASL; undefined without. */
  kafkaCredentials(principal: KafkaPrincipal): KafkaCredentials | undefined {
    return kafkaCredentialsIn(this.options.dir, principal);
  }

  get kafkaBrokers(): string {
    return `127.0.0.1:${this.options.kafkaPort}`;
  }

  get mongoUrl(): string {
    return `mongodb://127.0.0.1:${this.options.storePort}`;
  }

  /** The stack's Keycloak (issuer and JWKS URL); undefined when it runs none. */
  get identityProvider(): IdentityProvider | undefined {
    const port = this.options.keycloakPort;
    return port === undefined ? undefined : identityProviderAt(localIssuer(port));
  }

  /** The stack's Mailpit (SMTP and HTTP addresses); undefined when it runs none. */
  get mailServer(): MailServer | undefined {
    const ports = this.options.mailPorts;
    return ports === undefined ? undefined : mailServerAt(ports);
  }

  /** Starts the servers side by side ('all': Kafka, the store, Keycloak and Mailpit when they have ports). */
  start(which: StackServer | 'all' = 'all'): Promise<void> {
    return this.stack('start', this.servers(which));
  }

  stop(which: StackServer | 'all' = 'all'): Promise<void> {
    return this.stack('stop', this.servers(which));
  }

  private servers(which: StackServer | 'all'): StackServer[] {
    if (which !== 'all') return [which];
    const servers: StackServer[] = ['kafka', 'store'];
    if (this.options.keycloakPort !== undefined) servers.push('keycloak');
    if (this.options.mailPorts !== undefined) servers.push('mail');
    return servers;
  }

  private stack(command: string, servers: StackServer[]): Promise<void> {
    return runStack(command, servers, {
      STACK_DIR: this.options.dir,
      STACK_KAFKA_PORT: String(this.options.kafkaPort),
      STACK_KAFKA_CONTROLLER_PORT: String(this.options.kafkaPort + 1),
      STACK_STORE_PORT: String(this.options.storePort),
      ...(this.options.keycloakPort === undefined
        ? {}
        : { STACK_KEYCLOAK_PORT: String(this.options.keycloakPort) }),
      ...(this.options.mailPorts === undefined ? {} : mailPortsEnv(this.options.mailPorts)),
      ...(this.options.kafkaSasl === undefined
        ? {}
        : { STACK_KAFKA_SASL: this.options.kafkaSasl ? '1' : '0' }),
    });
  }
}

/**
 * Keycloak of the local stack on its own, for callers whose broker and store come from
 * elsewhere (tests given KAFKA_BROKERS and MONGO_URL).
 */
export class LocalKeycloak {
  constructor(readonly options: { dir: string; port: number }) {}

  get identityProvider(): IdentityProvider {
    return identityProviderAt(localIssuer(this.options.port));
  }

  start(): Promise<void> {
    return this.stack('start');
  }

  stop(): Promise<void> {
    return this.stack('stop');
  }

  private stack(command: string): Promise<void> {
    return runStack(command, ['keycloak'], {
      STACK_DIR: this.options.dir,
      STACK_KEYCLOAK_PORT: String(this.options.port),
    });
  }
}

/**
 * Mailpit of the local stack on its own, for callers whose broker and store come from elsewhere
 * (tests given KAFKA_BROKERS and MONGO_URL, or running them in containers).
 */
export class LocalMail {
  constructor(readonly options: { dir: string; ports: MailPorts }) {}

  get mailServer(): MailServer {
    return mailServerAt(this.options.ports);
  }

  start(): Promise<void> {
    return runStack('start', ['mail'], { STACK_DIR: this.options.dir, ...mailPortsEnv(this.options.ports) });
  }

  stop(): Promise<void> {
    return runStack('stop', ['mail'], { STACK_DIR: this.options.dir, ...mailPortsEnv(this.options.ports) });
  }
}

function mailPortsEnv(ports: MailPorts): Record<string, string> {
  return { STACK_MAIL_SMTP_PORT: String(ports.smtp), STACK_MAIL_HTTP_PORT: String(ports.http) };
}

async function runStack(command: string, servers: StackServer[], env: Record<string, string>): Promise<void> {
  try {
    await run('bash', [STACK_SCRIPT, command, ...servers], {
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`stack.sh ${command} ${servers.join(' ')} failed:\n${stderr ?? String(error)}`, {
      cause: error,
    });
  }
}
