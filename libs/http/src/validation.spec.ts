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

async function errorsOf(body: unknown): Promise<AppException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Order });
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
});
