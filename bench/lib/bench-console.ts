import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_USERS, LOCAL_CONSOLE_CLIENT } from '../../scripts/lib/demo-users.js';
import {
  freePort,
  identityProviderAt,
  LocalKeycloak,
  type IdentityProvider,
} from '../../scripts/lib/local-stack.js';
import { spawnService } from '../../scripts/lib/service-process.js';
import { BENCH_DIR, type BenchServices } from './bench-stack.js';

/** The identity provider the console signs people in with during a benchmark, and how to let it go. */
export interface BenchIdentityProvider extends IdentityProvider {
  stop(): Promise<void>;
}

/**
 * BENCH_OIDC_ISSUER_URL (a Keycloak serving the plenary realm, e.g. the test stack's), else a
 * Keycloak of the local stack started for the scenario alone (its seeded realm is cached, so it
 * takes the seconds Keycloak needs to boot, once).
 */
export async function benchIdentityProvider(): Promise<BenchIdentityProvider> {
  const given = process.env.BENCH_OIDC_ISSUER_URL;
  if (given) return { ...identityProviderAt(given), stop: async () => {} };
  const keycloak = new LocalKeycloak({ dir: join(BENCH_DIR, 'keycloak'), port: await freePort() });
  await keycloak.stop();
  await keycloak.start();
  return { ...keycloak.identityProvider, stop: () => keycloak.stop() };
}

/** What a service needs to accept the identity provider's tokens beside the bench's own. */
export function identityProviderEnv(idp: IdentityProvider): Record<string, string> {
  return { AUTH_JWKS_URL: idp.jwksUrl, AUTH_JWKS_ISSUER: idp.issuer, AUTH_DEFAULT_ROLE: 'coordinator' };
}

/**
 * The console's server beside the services already running in `services` (events and
 * participants), as `npm start` runs it: its own process, signing in with the identity provider.
 * It is added to `services`, so that stopAll() stops it too.
 */
export async function startBenchConsole(services: BenchServices, idp: IdentityProvider): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await spawnService(
    'console',
    {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      KAFKA_BROKERS: services.stack.kafkaBrokers,
      MONGO_URL: services.stack.mongoUrl,
      MONGO_DATABASE: services.database('console'),
      KAFKA_TOPIC_PREFIX: `${services.namespace}.`,
      KAFKA_CONSUMER_GROUP: `${services.namespace}-console`,
      AUTH_JWT_SECRET: services.secret,
      LOG_LEVEL: 'warn',
      ...identityProviderEnv(idp),
      CONSOLE_PUBLIC_URL: url,
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: LOCAL_CONSOLE_CLIENT.clientId,
      OIDC_CLIENT_SECRET: LOCAL_CONSOLE_CLIENT.secret,
      SESSION_SECRET: 'a-session-secret-for-the-benchmark-only-0123456789',
      EVENTS_API_URL: services.url('events'),
      PARTICIPANTS_API_URL: services.url('participants'),
      ...(services.running.has('reports') ? { REPORTS_API_URL: services.url('reports') } : {}),
    },
    { port, logFile: join(BENCH_DIR, 'logs', `${services.namespace}-console.log`), readyTimeoutMs: 90_000 },
  );
  services.running.set('console', service);
  return url;
}

/** The console's session cookie, after signing in as the demo secretariat through the provider's login page. */
export async function signInAsSecretariat(
  browser: Browser,
  consoleUrl: string,
): Promise<{ name: string; value: string; url: string }> {
  const secretariat = DEMO_USERS.find((u) => u.username === 'secretariat')!;
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.getByRole('link', { name: /sign in/i }).click();
    await page.waitForSelector('#username');
    await page.fill('#username', secretariat.username);
    await page.fill('#password', secretariat.password);
    await page.click('#kc-login');
    await page.getByRole('button', { name: /sign out/i }).waitFor({ timeout: 30_000 });
    const cookie = (await context.cookies(consoleUrl)).find((c) => c.name === 'plenary_session');
    if (!cookie) throw new Error('signed in, but the console set no session cookie');
    return { name: cookie.name, value: cookie.value, url: consoleUrl };
  } finally {
    await context.close();
  }
}
