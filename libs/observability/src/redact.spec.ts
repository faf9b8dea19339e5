import { describe, expect, it } from '@jest/globals';
import { redactText, redactValue } from './redact.js';

describe('log redaction', () => {
  it('masks emails and tokens in text', () => {
    expect(redactText('This person (d.argandykov@enbek.kz.example) is already registered')).toBe(
      'This person ([email]) is already registered',
    );
    expect(redactText('authorization: Bearer eyJhbGciOi.eyJzdWIi.sig')).toBe(
      'authorization: Bearer [redacted]',
    );
    expect(redactText('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc')).toBe('token [token]');
  });

  it('masks them in nested fields and errors, leaving other values alone', () => {
    const error = new Error('duplicate key: { emailKey: "a@b.example" }');
    const redacted = redactValue({
      participant: { email: 'a@b.example', version: 2 },
      list: ['x@y.example'],
      err: error,
    }) as { participant: { email: string; version: number }; list: string[]; err: Error };
    expect(redacted.participant).toEqual({ email: '[email]', version: 2 });
    expect(redacted.list).toEqual(['[email]']);
    expect(redacted.err).toBeInstanceOf(Error);
    expect(redacted.err.message).toBe('duplicate key: { emailKey: "[email]" }');
    expect(error.message).toContain('a@b.example'); // the original is not changed
  });
});

describe('the service logger', () => {
  it('writes no email or token, whatever the field', async () => {
    const { createLogger } = await import('./logger.js');
    const lines: string[] = [];
    const logger = createLogger('test', 'info', { write: (line: string) => void lines.push(line) });
    logger.info(
      { coordinator: { email: 'c@mfa.example' }, headers: { authorization: 'Bearer eyJa.eyJb.c' } },
      'registered c@mfa.example',
    );
    logger.warn({ err: new Error('E11000 duplicate key { emailKey: "c@mfa.example" }') }, 'failed');
    const output = lines.join('');
    expect(output).toContain('registered [email]');
    expect(output).not.toMatch(/c@mfa\.example|eyJa/);
  });
});
