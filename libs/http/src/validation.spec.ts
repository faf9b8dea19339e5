import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { AppException } from './app-exception.js';
import { createValidationPipe } from './validation.js';

class Item {
  @IsInt()
  quantity: number;
}

class Order {
  @IsString()
  name: string;

  @ValidateNested({ each: true })
  @Type(() => Item)
  items: Item[];
}

async function errorsOf(body: unknown, type: 'body' | 'query' = 'body'): Promise<AppException> {
  try {
    await createValidationPipe().transform(body, { type, metatype: Order });
  } catch (error) {
    return error as AppException;
  }
  throw new Error('expected validation to fail');
}

describe('validation pipe', () => {
  it('lists one entry per bad field, with paths into arrays and objects', async () => {
    const error = await errorsOf({ name: 7, items: [{ quantity: 1 }, { quantity: 'two' }] });
    expect(error).toBeInstanceOf(AppException);
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      { field: 'name', messages: ['name must be a string'] },
      { field: 'items[1].quantity', messages: [expect.stringContaining('quantity must be an integer')] },
    ]);
    expect(error.message).toBe('The request has 2 invalid fields: name, items[1].quantity');
  });

  it('refuses unknown fields, including MongoDB operators', async () => {
    const error = await errorsOf({ name: 'x', items: [], $where: 'sleep(1000)', extra: 1 });
    expect(error.errors?.map((e) => e.field)).toEqual(['$where', 'extra']);
    expect(error.errors?.[0].messages).toEqual(['$where is not a known field']);
  });

  it('refuses an operator object where a value belongs', async () => {
    const error = await errorsOf({ name: { $ne: null }, items: [] });
    expect(error.errors).toEqual([{ field: 'name', messages: ['name must be a string'] }]);
  });

  it('converts a valid body to its class', async () => {
    const order = await createValidationPipe().transform(
      { name: 'x', items: [{ quantity: 2 }] },
      { type: 'body', metatype: Order },
    );
    expect(order).toBeInstanceOf(Order);
    expect(order.items[0]).toBeInstanceOf(Item);
  });

  it('refuses prototype keys at any depth, in bodies and queries, as unknown fields', async () => {
    const body = JSON.parse(
      '{"name":"x","items":[{"quantity":1,"__proto__":{"admin":true}}],"constructor":{"prototype":{}}}',
    ) as unknown;
    const error = await errorsOf(body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      { field: 'items[0].__proto__', messages: ['items[0].__proto__ is not a known field'] },
      { field: 'constructor', messages: ['constructor is not a known field'] },
    ]);
    const query = Object.create(null) as Record<string, string>;
    query.name = 'x';
    query.__proto__ = 'y';
    expect((await errorsOf(query, 'query')).errors).toEqual([
      { field: '__proto__', messages: ['__proto__ is not a known field'] },
    ]);
    // Even where no class is declared to validate against.
    await expect(
      createValidationPipe().transform(JSON.parse('{"prototype":1}'), { type: 'body', metatype: Object }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'prototype' }] });
  });

  it('refuses a body nested more than 32 levels deep before converting it, naming the field', async () => {
    const nested = (levels: number) =>
      JSON.parse(`{"name":"x","items":[],"extra":${'['.repeat(levels)}1${']'.repeat(levels)}}`) as unknown;
    // 32 levels (the body and 31 arrays): an unknown field, like any other.
    expect((await errorsOf(nested(31))).errors).toEqual([
      { field: 'extra', messages: ['extra is not a known field'] },
    ]);
    const error = await errorsOf(nested(5_000));
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([{ field: 'extra', messages: ['extra is nested too deeply'] }]);
  });
});
