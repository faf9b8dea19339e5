import { describe, expect, it } from '@jest/globals';
import { describeEnvVars, loadConfig, type ServiceConfig } from '@plenary/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConsoleConfig } from '../../apps/console/src/console.config.js';
import { EventsConfig } from '../../apps/events/src/events.config.js';
import { ParticipantsConfig } from '../../apps/participants/src/participants.config.js';
import { ReportsConfig } from '../../apps/reports/src/reports.config.js';
import { ROOT } from '../support/local-stack.js';

const configs: Record<string, new () => ServiceConfig> = {
  events: EventsConfig,
  participants: ParticipantsConfig,
  reports: ReportsConfig,
  console: ConsoleConfig,
};

interface ComposeFile {
  services: Record<
    string,
    { environment?: Record<string, string | number>; healthcheck?: unknown; depends_on?: object }
  >;
}

/** docker-compose.yml cannot run here (no Docker engine); this checks what can be checked without one. */
describe('docker-compose.yml', () => {
  // The `yaml` parser resolves the anchors (<<: *service-env) as Compose does.
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as ComposeFile;

  it.each(Object.keys(configs))('sets every variable the %s service requires', (name) => {
    const service = compose.services[name];
    expect(service).toBeDefined();
    const environment = Object.fromEntries(
      Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const required = describeEnvVars(configs[name])
      .filter((v) => v.required)
      .map((v) => v.name);
    expect(required.length).toBeGreaterThan(0);
    for (const variable of required) expect(Object.keys(environment)).toContain(variable);
    // Everything it sets is something the service reads, and valid (substituting the secret).
    const known = new Set(describeEnvVars(configs[name]).map((v) => v.name));
    expect(Object.keys(environment).filter((k) => !known.has(k))).toEqual([]);
    const withSecret = { ...environment, AUTH_JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(configs[name], withSecret)).not.toThrow();
  });

  it('gives each service its own database, a health check and its dependencies', () => {
    const databases = Object.keys(configs).map((name) => compose.services[name].environment?.MONGO_DATABASE);
    expect(new Set(databases).size).toBe(Object.keys(configs).length);
    for (const name of Object.keys(configs)) {
      expect(compose.services[name].healthcheck).toBeDefined();
      expect(Object.keys(compose.services[name].depends_on ?? {})).toEqual(
        expect.arrayContaining(['mongo', 'kafka']),
      );
    }
  });

  it('runs MongoDB as a replica set and Kafka in KRaft mode', () => {
    expect(JSON.stringify(compose.services.mongo)).toContain('--replSet');
    expect(compose.services.kafka.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });
});

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('documents every environment variable the services read', () => {
    const names = new Set(Object.values(configs).flatMap((c) => describeEnvVars(c).map((v) => v.name)));
    for (const name of names) expect(readme).toContain(`\`${name}\``);
  });
});
