import { describe, expect, it } from '@jest/globals';
import { TOPIC_OWNERS } from '@plenary/messaging';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/local-stack.js';

interface ComposeService {
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

/**
 * docker-compose.yml's Kafka trust boundary, checked without a Docker engine: what can be read
 * from the files (the broker's own start-up script was run against the Kafka jars by hand).
 */
describe('docker-compose.yml: Kafka with SASL and ACLs', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const kafka = compose.services.kafka;
  const startScript = readFileSync(join(ROOT, 'infra/compose/kafka-start.sh'), 'utf8');

  it.each(TOPIC_OWNERS)('runs the %s service as its own principal', (name) => {
    const environment = compose.services[name].environment ?? {};
    expect(environment).toMatchObject({
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_USERNAME: name,
      KAFKA_PASSWORD: expect.stringContaining(`\${KAFKA_${name.toUpperCase()}_PASSWORD:?`),
    });
  });

  it('starts the broker with its script, which creates every principal and denies what no ACL allows', () => {
    expect(kafka.entrypoint).toEqual(['bash', '/plenary/kafka-start.sh']);
    expect(kafka.volumes).toContain('./infra/compose/kafka-start.sh:/plenary/kafka-start.sh:ro');
    for (const user of ['admin', ...TOPIC_OWNERS, 'subscriber']) {
      expect(startScript).toMatch(new RegExp(`USERS=\\(.*\\b${user}\\b.*\\)`));
      expect(Object.keys(kafka.environment ?? {})).toContain(`KAFKA_PASSWORD_${user.toUpperCase()}`);
    }
    expect(startScript).toContain(
      'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    );
    expect(startScript).toContain('allow.everyone.if.no.acl.found=false');
    expect(startScript).toContain('super.users=User:admin');
    // No listener without authentication: clients SASL/SCRAM, the controller SASL/PLAIN.
    expect(startScript).toContain('listeners=SASL_PLAINTEXT://:$PORT,CONTROLLER://localhost:$((PORT + 1))');
    expect(startScript).toContain(
      'listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    );
  });

  it('creates the ACLs as the admin once Kafka is healthy', () => {
    const acls = compose.services['kafka-acls'];
    expect(acls.command?.slice(0, 2)).toEqual(['node', 'dist/scripts/kafka-acls.js']);
    expect(existsSync(join(ROOT, 'scripts/kafka-acls.ts'))).toBe(true);
    expect(acls.environment).toMatchObject({
      KAFKA_USERNAME: 'admin',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
    });
    expect(acls.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
  });
});
