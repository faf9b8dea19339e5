import { describe, expect, it } from '@jest/globals';
import { AppException } from './app-exception.js';
import { UuidPipe } from './uuid.pipe.js';

const param = { type: 'param', data: 'eventId' } as const;

function refusal(value: unknown): AppException {
  try {
    new UuidPipe().transform(value, param);
  } catch (error) {
    return error as AppException;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('UuidPipe', () => {
  it('passes UUIDs of any version through as they are', () => {
    for (const id of [
      '0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77',
      '0191F8A4-8B0E-4C1E-9D55-3F4C2B1A0E77',
      '00000000-0000-0000-0000-000000000000',
    ])
      expect(new UuidPipe().transform(id, param)).toBe(id);
  });

  it('refuses anything else as VALIDATION_FAILED naming the parameter', () => {
    const error = refusal('{"$ne":null}');
    expect(error).toBeInstanceOf(AppException);
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([{ field: 'eventId', messages: ['eventId must be a UUID'] }]);
    const uuid = '0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77';
    for (const bad of [
      '',
      uuid.slice(1),
      `${uuid}a`,
      uuid.replace(/-/g, ''),
      `{${uuid}}`,
      ` ${uuid}`,
      `urn:uuid:${uuid}`,
      '0191f8a4-8b0e-0c1e-9d55-3f4c2b1a0e77', // version 0
      '0191f8a4-8b0e-7c1e-7d55-3f4c2b1a0e77', // not the RFC variant
      [uuid],
      undefined,
    ])
      expect(refusal(bad).code).toBe('VALIDATION_FAILED');
  });
});
