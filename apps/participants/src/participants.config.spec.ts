import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '@plenary/config';
import { DEVELOPMENT_BADGE_SIGNING_SECRET, ParticipantsConfig } from './participants.config.js';

const base = {
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWT_SECRET: 'a-secret-that-is-at-least-32-characters',
};
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(ParticipantsConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('ParticipantsConfig: the badge signing secret', () => {
  it('is required in production', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('BADGE_SIGNING_SECRET must be set'),
    ]);
    const secret = 'b'.repeat(32);
    expect(
      loadConfig(ParticipantsConfig, { ...base, NODE_ENV: 'production', BADGE_SIGNING_SECRET: secret })
        .badgeSigningSecret,
    ).toBe(secret);
  });

  it('has the public development key in development and tests, and when NODE_ENV is unset', () => {
    for (const env of [{ NODE_ENV: 'development' }, { NODE_ENV: 'test' }, {}])
      expect(loadConfig(ParticipantsConfig, { ...base, ...env }).badgeSigningSecret).toBe(
        DEVELOPMENT_BADGE_SIGNING_SECRET,
      );
  });

  it('refuses a short secret anywhere, without showing it', () => {
    const problems = problemsOf({ ...base, NODE_ENV: 'development', BADGE_SIGNING_SECRET: 'short-secret' });
    expect(problems).toEqual([expect.stringContaining('BADGE_SIGNING_SECRET=(hidden) is invalid')]);
    expect(problems.join()).not.toContain('short-secret');
    expect(problemsOf({ ...base, NODE_ENV: 'staging' })).toEqual([expect.stringContaining('NODE_ENV')]);
  });
});
