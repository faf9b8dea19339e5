import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { fieldPath } from '../../../../../libs/http/src/field-path';
import type { FieldError } from '../api/api-error';

/**
 * Checks a form's value with the API's own DTO class (libs/contracts) before it is sent, so the
 * browser refuses exactly what the server would, with the same field paths ("name.given").
 */
export async function validateWithContract<T extends object>(
  dto: new () => T,
  value: unknown,
): Promise<FieldError[]> {
  const instance = plainToInstance(dto, value);
  const errors = await validate(instance, { forbidUnknownValues: false, whitelist: false });
  return flatten(errors);
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    // The API's notation, arrays included ("parties[1].code"), so that both checks name one field alike.
    const field = fieldPath(parent, error.property);
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Empty strings of a form mean "not given": the API wants the property left out. */
export function withoutBlanks<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === '' || item === undefined) continue;
    out[key] =
      item && typeof item === 'object' && !Array.isArray(item)
        ? withoutBlanks(item as Record<string, unknown>)
        : item;
  }
  return out as Partial<T>;
}
