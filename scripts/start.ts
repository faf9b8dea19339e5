import { issueToken } from '@plenary/auth';
import { createHash } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadDemo } from './demo/load-demo.js';
import { DEMO_USERS } from './lib/demo-users.js';
import {
  consoleOidcEnv,
  demoUserLines,
  DEV_DIR,
  devStack,
  identityProviderEnv,
  kafkaAuthEnv,
  localAuthSecret,
  ROOT,
} from './lib/dev-stack.js';
import { serviceArgs } from './lib/service-process.js';

/**
 * `npm start`: the local stack (Kafka, FerretDB, Keycloak, Mailpit), the services, the web console,
 * and the demo meeting, whose coordinators the demo users are.
 * Service logs go to .stack/dev/logs; a service that dies is started again. Ctrl-C stops the
 * services and, if this command started it, the local stack.
 */
const APPS = [
  { name: 'events', port: Number(process.env.EVENTS_PORT ?? 3001) },
  { name: 'participants', port: Number(process.env.PARTICIPANTS_PORT ?? 3002) },
  { name: 'reports', port: Number(process.env.REPORTS_PORT ?? 3003) },
  { name: 'console', port: Number(process.env.CONSOLE_PORT ?? 3000) },
] as const;
type AppName = (typeof APPS)[number]['name'];

const say = (line: string) => process.stdout.write(`[plenary] ${line}\n`);
const logDir = join(DEV_DIR, 'logs');
const children = new Map<AppName, ChildProcess>();
let stopping = false;
let startedStack = false;

function spawnApp(name: AppName, port: number, env: Record<string, string>): void {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, serviceArgs(name), {
    // Each service authenticates to Kafka as its own principal (with SASL on the dev stack).
    env: { ...process.env, ...env, ...kafkaAuthEnv(name), HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.set(name, child);
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    say(
      `${name} exited (${signal ?? `code ${code}`}); starting it again in 2 s. Its log: ${relative(ROOT, logDir)}/${name}.log`,
    );
    setTimeout(() => !stopping && spawnApp(name, port, env), 2000);
  });
}

async function waitUntilReady(name: string, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${name} did not become ready; see ${relative(ROOT, logDir)}/${name}.log`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopAll(): Promise<void> {
  stopping = true;
  say('stopping…');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  if (startedStack) devStack.stop();
  say('stopped');
}

/**
 * The demo coordinators (scripts/lib/demo-users.ts) designated for their parties at the next
 * meeting, as the secretariat would in the console; a designation already there is kept.
 */
async function designateDemoCoordinators(
  participants: string,
  eventId: string,
  secret: string,
): Promise<void> {
  const token = await issueToken(
    { subject: 'local-secretariat', role: 'secretariat' },
    { secret, expiresIn: '5m' },
  );
  for (const [username, party] of [
    ['coordinator.kaz', 'KAZ'],
    ['coordinator.afg', 'AFG'],
  ] as const) {
    const user = DEMO_USERS.find((u) => u.username === username)!;
    const response = await fetch(`${participants}/events/${eventId}/coordinators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ party, email: user.email, name: user.displayName, language: 'en' }),
    });
    if (!response.ok && response.status !== 409) {
      say(`could not designate ${user.email} for ${party}: ${response.status} ${await response.text()}`);
    }
  }
}

async function main(): Promise<void> {
  const stackWasRunning = devStack.isRunning();
  startedStack = !stackWasRunning;
  say(
    stackWasRunning
      ? 'local stack already running'
      : 'starting the local stack (Kafka, FerretDB, Keycloak and Mailpit)…',
  );
  devStack.start();
  await devStack.provisionKafkaAccess();
  mkdirSync(logDir, { recursive: true });

  const secret = localAuthSecret();
  const env = {
    KAFKA_BROKERS: devStack.kafkaBrokers,
    MONGO_URL: devStack.mongoUrl,
    // Every email a service sends goes to the local Mailpit, never to a real recipient.
    SMTP_URL: devStack.mailServer.smtpUrl,
    AUTH_JWT_SECRET: secret,
    // People signed in at the local Keycloak, beside the local tokens printed below.
    ...identityProviderEnv(),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const shutdown = () => void stopAll().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const urls = Object.fromEntries(APPS.map((a) => [a.name, `http://127.0.0.1:${a.port}`])) as Record<
    AppName,
    string
  >;
  const consoleEnv = {
    ...env,
    ...consoleOidcEnv(),
    CONSOLE_PUBLIC_URL: urls.console,
    // Local only, like the token secret it is derived from.
    SESSION_SECRET: createHash('sha256').update(`console-session:${secret}`).digest('base64url'),
    EVENTS_API_URL: urls.events,
    PARTICIPANTS_API_URL: urls.participants,
    REPORTS_API_URL: urls.reports,
  };
  for (const app of APPS) spawnApp(app.name, app.port, app.name === 'console' ? consoleEnv : env);
  await Promise.all(APPS.map((a) => waitUntilReady(a.name, urls[a.name])));
  say(`services ready: events ${urls.events}, participants ${urls.participants}, reports ${urls.reports}`);

  const demo = await loadDemo(urls, secret);
  if (demo.incomplete)
    say(
      `the demo in the local store is incomplete (${demo.incomplete}): an earlier load was interrupted. ` +
        'To load it afresh, stop this, run `bash infra/local/stack.sh reset` (deletes the local data), then `npm start`.',
    );
  else
    say(
      `${demo.created ? 'demo loaded' : 'demo already present'}: the seed meeting ${demo.seedEventId} ` +
        `(held, outcome published), the next meeting ${demo.eventId} (registration open)`,
    );

  if (demo.eventId) await designateDemoCoordinators(urls.participants, demo.eventId, secret);

  const tokens = {
    SECRETARIAT_TOKEN: await issueToken(
      { subject: 'local-secretariat', role: 'secretariat', name: 'Local secretariat' },
      { secret, expiresIn: '7d' },
    ),
    OBSERVER_TOKEN: await issueToken(
      { subject: 'local-observer', role: 'observer' },
      { secret, expiresIn: '7d' },
    ),
    KAZ_COORDINATOR_TOKEN: await issueToken(
      { subject: 'local-coordinator-KAZ', role: 'coordinator', eventId: demo.eventId, party: 'KAZ' },
      { secret, expiresIn: '7d' },
    ),
    PAK_COORDINATOR_TOKEN: await issueToken(
      { subject: 'local-coordinator-PAK', role: 'coordinator', eventId: demo.eventId, party: 'PAK' },
      { secret, expiresIn: '7d' },
    ),
  };
  const envFile = join(DEV_DIR, 'demo.env');
  writeFileSync(
    envFile,
    [
      `EVENTS=${urls.events}`,
      `PARTICIPANTS=${urls.participants}`,
      `REPORTS=${urls.reports}`,
      `EVENT_ID=${demo.eventId}`,
      `SEED_EVENT_ID=${demo.seedEventId}`,
      `REPORT_ID=${demo.reportId}`,
      ...Object.entries(tokens).map(([k, v]) => `${k}=${v}`),
      '',
    ].join('\n'),
  );
  say(`tokens (valid 7 days):`);
  for (const [name, token] of Object.entries(tokens)) process.stdout.write(`  ${name}=${token}\n`);
  say(`try:  set -a; . ${relative(ROOT, envFile)}; set +a`);
  say(`      curl -s $REPORTS/events/$SEED_EVENT_ID/attendance -H "Authorization: Bearer $OBSERVER_TOKEN"`);
  if (demo.reportId)
    say(
      `the seed meeting's outcome, as a public page: ${urls.reports}/reports/${demo.reportId}.html (also .md, .pdf)`,
    );
  say(
    `identity provider: ${devStack.identityProvider.issuer} (Keycloak); demo users (username, password, role):`,
  );
  for (const line of demoUserLines()) process.stdout.write(`${line}\n`);
  say(`Mail (Mailpit): ${devStack.mailServer.mailpitUrl} — every email Plenary sends lands here`);
  say(`API docs: ${urls.events}/docs  ${urls.participants}/docs  ${urls.reports}/docs`);
  say(
    `the web console: ${urls.console}  (sign in as a demo user above; the coordinators act for KAZ and AFG at the next meeting)`,
  );
  say(
    `public pages (no sign-in): ${urls.console}/public/meetings/${demo.seedEventId} (today's meeting and its outcome), ${urls.console}/public/meetings/${demo.eventId} (the next one)`,
  );
  say('running; Ctrl-C stops everything this command started');
}

main().catch(async (error: Error) => {
  process.stderr.write(`[plenary] ${error.message}\n`);
  await stopAll();
  process.exit(1);
});
