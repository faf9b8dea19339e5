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

/** The expressions redaction used before its scans (quadratic on long runs): the reference for their results. */
function redactWithExpressions(text: string): string {
  return text
    .replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]')
    .replace(/[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+/g, '[email]');
}

describe('log redaction of long and adversarial text', () => {
  it('masks exactly what the expressions masked, on short texts made of their edge characters', () => {
    // A fixed generator, so that a failure can be replayed.
    let seed = 14;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pieces = [
      'a',
      'Z',
      '9',
      '_',
      '-',
      '.',
      '@',
      '!',
      '/',
      ' ',
      '\t',
      'eyJ',
      'Bearer ',
      'é',
      'x.y',
      '@b.c',
    ];
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 14);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect([text, redactText(text)]).toEqual([text, redactWithExpressions(text)]);
    }
    for (const text of [
      'a@b.c!d@e.f',
      'mail a.b@c.d.e. and x@y',
      '@@a@b.c',
      'eyJa.b.c@d.e',
      'x-eyJa.b.c eyJ.eyJa.b.',
      'Bearer eyJa.b.c, eyJx-eyJy.z.w',
      '/participants/d.argandykov@enbek.kz.example/history',
    ])
      expect(redactText(text)).toBe(redactWithExpressions(text));
  });

  it('takes time in proportion to the text: 64 KB of worst cases in well under a second', () => {
    const size = 64 * 1024;
    const worst = [
      'a'.repeat(size), // one run of local-part characters, no "@"
      `${'a'.repeat(size)}@`, // the "@" at the end, no domain
      `a@${'b'.repeat(size)}`, // a domain with no dot
      'eyJ-'.repeat(size / 4), // token starts in one run, none complete
      `/${'a.'.repeat(size / 2)}`,
      '@a'.repeat(size / 2),
    ];
    const started = performance.now();
    const masked = worst.map(redactText);
    const ms = performance.now() - started;
    expect(masked.map((text, i) => text === worst[i])).toEqual([true, true, true, true, true, true]);
    expect(ms).toBeLessThan(1_000); // generous: linear scans take a few ms; the expressions took seconds
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
