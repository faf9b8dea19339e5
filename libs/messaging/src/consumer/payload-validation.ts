import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { MessageDefinition } from '@plenary/contracts';
import { PoisonMessageError } from '../cloud-events/poison-message.error.js';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`),
      ...describe(e.children ?? [], path),
    ];
  });
}

/**
 * Checks a payload against its contract class. Unknown extra fields are accepted: adding an
 * optional field is a compatible change that keeps the message version.
 */
export function validatePayload(definition: MessageDefinition<string, object>, data: unknown): object {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PoisonMessageError('invalid-payload', `${definition.type} payload must be a JSON object`);
  }
  const payload = plainToInstance(definition.payload, data);
  const errors = validateSync(payload, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new PoisonMessageError(
      'invalid-payload',
      `${definition.type} payload is invalid: ${describe(errors).join('; ')}`,
    );
  }
  return payload;
}
