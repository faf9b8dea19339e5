import { describe, expect, it } from '@jest/globals';
import { AppException } from '../app-exception.js';
import {
  canonicalJson,
  idempotencyRecordId,
  parseIdempotencyKey,
  requestFingerprint,
} from './idempotency-key.js';

describe('Idempotency-Key helpers', () => {
  it('takes 1 to 255 visible ASCII characters and refuses anything else with 400', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey(' 0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77 ')).toBe(
      '0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77',
    );
    for (const bad of ['', 'x'.repeat(256), 'with space', 'clé']) {
      let refusal: unknown;
      try {
        parseIdempotencyKey(bad);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppException);
      expect((refusal as AppException).getStatus()).toBe(400);
      expect((refusal as AppException).code).toBe('INVALID_IDEMPOTENCY_KEY');
    }
  });

  it('reads the same body the same whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(requestFingerprint('post', '/events', { a: 1, b: 2 })).toBe(
      requestFingerprint('POST', '/events', { b: 2, a: 1 }),
    );
  });

  it('tells apart another body, another path and another caller', () => {
    const fingerprint = requestFingerprint('POST', '/events', { title: 'A' });
    expect(requestFingerprint('POST', '/events', { title: 'B' })).not.toBe(fingerprint);
    expect(requestFingerprint('POST', '/events/1/agenda', { title: 'A' })).not.toBe(fingerprint);
    expect(idempotencyRecordId('secretariat|s-1||', 'k')).not.toBe(
      idempotencyRecordId('secretariat|s-2||', 'k'),
    );
    // No separator trick makes two callers' keys collide.
    expect(idempotencyRecordId('a|b', 'c')).not.toBe(idempotencyRecordId('a', 'b|c'));
  });
});
