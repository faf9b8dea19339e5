// Loaded by Jest as CommonJS, outside the test environment: relative imports name the .ts file.
import { startInfrastructure } from './infrastructure.ts';

/** Runs once before the integration and end-to-end tests; workers inherit the addresses. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const state = await startInfrastructure();
  process.env.KAFKA_BROKERS = state.kafkaBrokers;
  process.env.MONGO_URL = state.mongoUrl;
  process.env.SMTP_URL = state.smtpUrl;
  process.env.MAILPIT_URL = state.mailpitUrl;
  process.env.PLENARY_TEST_INFRASTRUCTURE = state.source;
  process.stderr.write(
    `\n[tests] broker ${state.kafkaBrokers}, store ${state.mongoUrl} (${state.source}), identity provider ${state.oidcIssuer}, mail ${state.smtpUrl} (read at ${state.mailpitUrl}); ready in ${Date.now() - started} ms\n`,
  );
}
