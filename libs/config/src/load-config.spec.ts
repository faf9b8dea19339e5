import { describe, expect, it } from '@jest/globals';
import { describeEnvVars } from './env-var.decorator.js';
import { ConfigError, loadConfig } from './load-config.js';
import { ServiceConfig } from './service-config.js';

class TestConfig extends ServiceConfig {
  readonly service = 'test';
  override HTTP_PORT: number = 3999;
}

const valid = {
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9094',
  AUTH_JWT_SECRET: 'a-secret-that-is-at-least-32-characters',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(TestConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads, converts and defaults the environment', () => {
    const config = loadConfig(TestConfig, {
      ...valid,
      HTTP_PORT: '4000',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.HTTP_PORT).toBe(4000);
    expect(config.CONSUMER_MAX_ATTEMPTS).toBe(4);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.mongoDatabase).toBe('plenary_test');
    expect(config.consumerGroup).toBe('plenary-test');
  });

  it('keeps the subclass default when the variable is unset', () => {
    expect(loadConfig(TestConfig, valid).HTTP_PORT).toBe(3999);
  });

  it('names every missing or bad variable at once', () => {
    const problems = problemsOf({
      HTTP_PORT: 'eighty',
      KAFKA_BROKERS: 'no-port',
      AUTH_JWT_SECRET: valid.AUTH_JWT_SECRET,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HTTP_PORT="eighty" is invalid/),
        expect.stringMatching(/^MONGO_URL is not set/),
        expect.stringMatching(/^KAFKA_BROKERS="no-port" is invalid: must be host:port/),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('never echoes a secret', () => {
    const problems = problemsOf({ ...valid, AUTH_JWT_SECRET: 'short-secret' });
    expect(problems).toEqual([expect.stringContaining('AUTH_JWT_SECRET=(hidden) is invalid')]);
    expect(problems.join()).not.toContain('short-secret');
  });

  it('needs a token secret or a JWKS URL', () => {
    const { AUTH_JWT_SECRET: _secret, ...withoutAuth } = valid;
    expect(problemsOf(withoutAuth)).toEqual([
      expect.stringContaining('AUTH_JWT_SECRET or AUTH_JWKS_URL must be set'),
    ]);
    expect(
      loadConfig(TestConfig, { ...withoutAuth, AUTH_JWKS_URL: 'https://id.example/jwks.json' }).AUTH_JWKS_URL,
    ).toBe('https://id.example/jwks.json');
  });
});

describe('identity provider settings', () => {
  it('takes a secret and a JWKS URL together, with their own issuers', () => {
    const config = loadConfig(TestConfig, {
      ...valid,
      AUTH_JWKS_URL: 'http://127.0.0.1:8180/realms/plenary/protocol/openid-connect/certs',
      AUTH_JWKS_ISSUER: 'http://127.0.0.1:8180/realms/plenary',
      AUTH_DEFAULT_ROLE: 'coordinator',
    });
    expect(config.AUTH_JWT_SECRET).toBe(valid.AUTH_JWT_SECRET);
    expect(config.AUTH_ISSUER).toBe('plenary');
    expect(config.AUTH_JWKS_ISSUER).toBe('http://127.0.0.1:8180/realms/plenary');
    expect(config.AUTH_DEFAULT_ROLE).toBe('coordinator');
  });

  it('reads AUTH_TRUST_EMAIL_CLAIM as true or false only, false by default', () => {
    expect(loadConfig(TestConfig, valid).AUTH_TRUST_EMAIL_CLAIM).toBe(false);
    expect(loadConfig(TestConfig, { ...valid, AUTH_TRUST_EMAIL_CLAIM: 'false' }).AUTH_TRUST_EMAIL_CLAIM).toBe(
      false,
    );
    expect(loadConfig(TestConfig, { ...valid, AUTH_TRUST_EMAIL_CLAIM: 'TRUE' }).AUTH_TRUST_EMAIL_CLAIM).toBe(
      true,
    );
    expect(problemsOf({ ...valid, AUTH_TRUST_EMAIL_CLAIM: 'yes' })).toEqual([
      expect.stringMatching(/^AUTH_TRUST_EMAIL_CLAIM="yes" is invalid: must be true or false/),
    ]);
  });

  it("refuses a default role that is not one of Plenary's", () => {
    expect(problemsOf({ ...valid, AUTH_DEFAULT_ROLE: 'chair' })).toEqual([
      expect.stringMatching(/^AUTH_DEFAULT_ROLE="chair" is invalid/),
    ]);
  });
});

describe('Kafka authentication and durability settings', () => {
  it('authenticates only when a mechanism is given, with a user name and password', () => {
    expect(loadConfig(TestConfig, valid).kafkaSasl).toBeUndefined();
    const sasl = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'events', KAFKA_PASSWORD: 'pw' };
    expect(loadConfig(TestConfig, { ...valid, ...sasl }).kafkaSasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'events',
      password: 'pw',
    });
  });

  it('refuses a half-given or unknown SASL setting, never echoing the password', () => {
    expect(problemsOf({ ...valid, KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toEqual([
      expect.stringContaining('KAFKA_USERNAME must be set'),
      expect.stringContaining('KAFKA_PASSWORD must be set'),
    ]);
    expect(problemsOf({ ...valid, KAFKA_USERNAME: 'events', KAFKA_PASSWORD: 'pw' })).toEqual([
      expect.stringContaining('KAFKA_SASL_MECHANISM is not set'),
    ]);
    const plain = problemsOf({
      ...valid,
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_USERNAME: 'events',
      KAFKA_PASSWORD: 'the-password',
    });
    expect(plain).toEqual([expect.stringMatching(/^KAFKA_SASL_MECHANISM="plain" is invalid/)]);
    expect(plain.join()).not.toContain('the-password');
  });

  it('derives min.insync.replicas from the replication factor unless set', () => {
    const minIsr = (env: Record<string, string>) =>
      loadConfig(TestConfig, { ...valid, ...env }).minInsyncReplicas;
    expect(minIsr({})).toBeUndefined();
    expect(minIsr({ KAFKA_TOPIC_REPLICATION_FACTOR: '1' })).toBe(1);
    expect(minIsr({ KAFKA_TOPIC_REPLICATION_FACTOR: '2' })).toBe(1);
    expect(minIsr({ KAFKA_TOPIC_REPLICATION_FACTOR: '3' })).toBe(2);
    expect(minIsr({ KAFKA_TOPIC_REPLICATION_FACTOR: '5', KAFKA_MIN_INSYNC_REPLICAS: '3' })).toBe(3);
    expect(
      problemsOf({ ...valid, KAFKA_TOPIC_REPLICATION_FACTOR: '1', KAFKA_MIN_INSYNC_REPLICAS: '2' }),
    ).toEqual([expect.stringContaining('must not exceed KAFKA_TOPIC_REPLICATION_FACTOR (1)')]);
  });
});

describe('describeEnvVars', () => {
  it('lists every variable with whether it is required and its default', () => {
    const vars = describeEnvVars(TestConfig);
    const byName = Object.fromEntries(vars.map((v) => [v.name, v]));
    expect(byName.MONGO_URL).toMatchObject({ required: true });
    expect(byName.HTTP_PORT).toMatchObject({ required: false, default: '3999' });
    expect(byName.AUTH_JWT_SECRET).toMatchObject({ required: false, secret: true });
    expect(vars.every((v) => v.description.length > 10)).toBe(true);
  });
});
