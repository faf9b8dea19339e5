import { ensurePlenaryAcls } from '@plenary/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, LOCAL_CONSOLE_CLIENT } from './demo-users.js';
import {
  identityProviderAt,
  kafkaCredentialsIn,
  localIssuer,
  mailServerAt,
  type IdentityProvider,
  type KafkaCredentials,
  type KafkaPrincipal,
  type MailServer,
} from './local-stack.js';

/** The repository root (scripts run from dist/scripts/…). */
export const ROOT = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the repository root');
  }
})();

export const DEV_DIR = resolve(process.env.STACK_DIR ?? join(ROOT, '.stack/dev'));
export const KAFKA_PORT = Number(process.env.STACK_KAFKA_PORT ?? 9092);
export const STORE_PORT = Number(process.env.STACK_STORE_PORT ?? 27017);
export const KEYCLOAK_PORT = Number(process.env.STACK_KEYCLOAK_PORT ?? 8180);
export const MAIL_SMTP_PORT = Number(process.env.STACK_MAIL_SMTP_PORT ?? 1025);
export const MAIL_HTTP_PORT = Number(process.env.STACK_MAIL_HTTP_PORT ?? 8025);
/** The development broker authenticates and authorises (as a deployment's should) unless STACK_KAFKA_SASL=0. */
const KAFKA_SASL = process.env.STACK_KAFKA_SASL ?? '1';

function stack(command: string): string {
  return execFileSync('bash', [join(ROOT, 'infra/local/stack.sh'), command], {
    env: {
      ...process.env,
      STACK_DIR: DEV_DIR,
      STACK_KAFKA_SASL: KAFKA_SASL,
      STACK_KEYCLOAK_PORT: String(KEYCLOAK_PORT),
      STACK_MAIL_SMTP_PORT: String(MAIL_SMTP_PORT),
      STACK_MAIL_HTTP_PORT: String(MAIL_HTTP_PORT),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
}

export const devStack = {
  isRunning(): boolean {
    try {
      stack('status');
      return true;
    } catch {
      return false;
    }
  },
  /** Kafka, the store, Keycloak and Mailpit, side by side (stack.sh start). */
  start(): void {
    stack('start');
  },
  stop(): void {
    stack('stop');
  },
  kafkaBrokers: `127.0.0.1:${KAFKA_PORT}`,
  mongoUrl: `mongodb://127.0.0.1:${STORE_PORT}`,
  /** The local Keycloak's plenary realm (issuer http://127.0.0.1:8180/realms/plenary by default). */
  identityProvider: identityProviderAt(localIssuer(KEYCLOAK_PORT)) as IdentityProvider,
  /** The local Mailpit: SMTP_URL for the services, its web UI and API where every email lands. */
  mailServer: mailServerAt({ smtp: MAIL_SMTP_PORT, http: MAIL_HTTP_PORT }) as MailServer,
  /** A principal's SCRAM credentials, once the stack has started with SASL; undefined without. */
  kafkaCredentials(principal: KafkaPrincipal): KafkaCredentials | undefined {
    return kafkaCredentialsIn(DEV_DIR, principal);
  },
  /**
   * The ACLs of the services and of the example subscriber (examples/outcome-pages, group
   * outcome-pages), created as the admin; nothing to do without SASL.
   */
  async provisionKafkaAccess(): Promise<void> {
    const sasl = this.kafkaCredentials('admin');
    if (!sasl) return;
    const admin = new Kafka({ brokers: [this.kafkaBrokers], sasl, logLevel: logLevel.WARN }).admin();
    await admin.connect();
    try {
      await ensurePlenaryAcls(admin, {
        subscribers: [{ principal: 'User:subscriber', group: 'outcome-pages' }],
      });
    } finally {
      await admin.disconnect();
    }
  },
};

/** The environment that makes a service (or a tool) authenticate as `principal` on the dev stack. */
export function kafkaAuthEnv(principal: KafkaPrincipal): Record<string, string> {
  const sasl = devStack.kafkaCredentials(principal);
  return sasl
    ? { KAFKA_SASL_MECHANISM: sasl.mechanism, KAFKA_USERNAME: sasl.username, KAFKA_PASSWORD: sasl.password }
    : {};
}

/**
 * The local token secret: AUTH_JWT_SECRET when set, else one generated on first start and
 * kept with the local stack's data, so that tokens stay valid across restarts.
 */
export function localAuthSecret(): string {
  if (process.env.AUTH_JWT_SECRET) return process.env.AUTH_JWT_SECRET;
  const file = join(DEV_DIR, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(DEV_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * What the services need to accept the local Keycloak's tokens beside the local secret's: a
 * person with no role in the realm acts as a coordinator, only where the secretariat designated them.
 */
export function identityProviderEnv(): Record<string, string> {
  return {
    AUTH_JWKS_URL: devStack.identityProvider.jwksUrl,
    AUTH_JWKS_ISSUER: devStack.identityProvider.issuer,
    AUTH_DEFAULT_ROLE: 'coordinator',
  };
}

/** What the console needs to sign people in at the local Keycloak (its OIDC_* settings). */
export function consoleOidcEnv(): Record<string, string> {
  return {
    OIDC_ISSUER_URL: devStack.identityProvider.issuer,
    OIDC_CLIENT_ID: LOCAL_CONSOLE_CLIENT.clientId,
    OIDC_CLIENT_SECRET: LOCAL_CONSOLE_CLIENT.secret,
  };
}

/** The demo users' sign-in lines that `npm start` prints. */
export function demoUserLines(): string[] {
  return DEMO_USERS.map(
    (u) =>
      `  ${u.username.padEnd(16)} ${u.password.padEnd(26)} ${u.role.padEnd(12)} ${u.displayName} <${u.email}>`,
  );
}
