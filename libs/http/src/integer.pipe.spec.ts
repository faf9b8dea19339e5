import { describe, expect, it } from '@jest/globals';
import { AppException } from './app-exception.js';
import { IntegerPipe } from './integer.pipe.js';
import { createValidationPipe } from './validation.js';

const param = { type: 'param', data: 'version' } as const;

function refusal(pipe: IntegerPipe, value: unknown): AppException {
  try {
    pipe.transform(value, param);
  } catch (error) {
    return error as AppException;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('IntegerPipe', () => {
  it('converts decimal integers', () => {
    const pipe = new IntegerPipe();
    expect(pipe.transform('3', param)).toBe(3);
    expect(pipe.transform('0', param)).toBe(0);
    expect(pipe.transform('-12', param)).toBe(-12);
    expect(pipe.transform('2147483648', param)).toBe(2147483648);
  });

  it('refuses anything else as VALIDATION_FAILED naming the parameter', () => {
    const pipe = new IntegerPipe();
    const error = refusal(pipe, '1.5');
    expect(error).toBeInstanceOf(AppException);
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([{ field: 'version', messages: ['version must be an integer'] }]);
    for (const bad of [
      '',
      ' 1',
      '1e2',
      '0x10',
      '١',
      '+1',
      '9'.repeat(400),
      '{"$gt":0}',
      ['1', '2'],
      undefined,
    ])
      expect(refusal(pipe, bad).code).toBe('VALIDATION_FAILED');
  });

  it('lets an absent value through only when optional', () => {
    const query = { type: 'query', data: 'version' } as const;
    expect(new IntegerPipe({ optional: true }).transform(undefined, query)).toBeUndefined();
    expect(new IntegerPipe({ optional: true }).transform('2', query)).toBe(2);
    expect(() => new IntegerPipe().transform(undefined, query)).toThrow(AppException);
    expect(() => new IntegerPipe({ optional: true }).transform('x', query)).toThrow(
      '1 invalid field: version',
    );
  });

  it('behind the global pipe, takes what it converted and refuses what it left as text', async () => {
    // A handler's `@Param('number', IntegerPipe) number: number`: the global pipe runs first.
    const metadata = { type: 'param', data: 'number', metatype: Number } as const;
    const through = async (text: string) =>
      new IntegerPipe().transform(await createValidationPipe().transform(text, metadata), metadata);
    expect(await through('2')).toBe(2);
    for (const bad of ['1e2', '0x10', ' 1', '', '1.5', '9'.repeat(400), 'abc'])
      await expect(through(bad)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'number', messages: ['number must be an integer'] }],
      });
    expect(() => new IntegerPipe().transform(Number.NaN, metadata)).toThrow(AppException);
  });
});
