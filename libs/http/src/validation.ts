import { type ArgumentMetadata, HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException, type FieldError } from './app-exception.js';
import { fieldPath } from './field-path.js';
import { fieldsNestedTooDeeply } from './nesting-depth.js';
import { findPrototypeKeys } from './prototype-keys.js';

function collect(errors: ValidationError[], parent: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const path = fieldPath(parent, error.property);
    if (error.constraints) {
      const messages = Object.entries(error.constraints).map(([name, text]) =>
        name === 'whitelistValidation' ? `${path} is not a known field` : text,
      );
      out.push({ field: path, messages });
    }
    if (error.children?.length) collect(error.children, path, out);
  }
  return out;
}

/** Flattens class-validator's nested errors into one entry per field path. */
export function toFieldErrors(errors: ValidationError[]): FieldError[] {
  return collect(errors, '', []);
}

export function validationFailed(errors: FieldError[]): AppException {
  const fields = errors.map((e) => e.field);
  const noun = fields.length === 1 ? 'field' : 'fields';
  return new AppException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `The request has ${fields.length} invalid ${noun}: ${fields.join(', ')}`,
    errors,
  );
}

/**
 * Nest's ValidationPipe, refusing two kinds of request it would otherwise take in before
 * class-transformer sees them: bodies nested too deeply (the transformer and validator recurse
 * once per level), and prototype keys in bodies and queries (the pipe deletes them silently, so
 * an attempt at prototype pollution would pass as a valid request: it is refused like any other
 * unknown field).
 */
export class PlenaryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const root = metadata.data ?? '';
      const deep = metadata.type === 'body' ? fieldsNestedTooDeeply(value, undefined, root) : [];
      if (deep.length)
        throw validationFailed(deep.map((field) => ({ field, messages: [`${field} is nested too deeply`] })));
      const keys = findPrototypeKeys(value, root);
      if (keys.length)
        throw validationFailed(keys.map((field) => ({ field, messages: [`${field} is not a known field`] })));
    }
    return super.transform(value, metadata);
  }

  /**
   * Nest converts a path or query value declared a number with `+value`, which makes numbers of
   * "1e2", "0x10", " 1" and "": the pipe after this one (IntegerPipe) would then take them. Only
   * plain decimals are converted; other text is left as it came, for that pipe to refuse.
   */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.metatype === Number && typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value))
      return value;
    return super.transformPrimitive(value, metadata);
  }
}

/**
 * Validates every body, query and path DTO: unknown fields are refused (so neither typos nor
 * MongoDB operators slip through), values are converted to the declared types.
 */
export function createValidationPipe(): ValidationPipe {
  return new PlenaryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
  });
}
