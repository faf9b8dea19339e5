import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException, type FieldError } from './app-exception.js';

function collect(errors: ValidationError[], parent: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
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
 * Validates every body, query and path DTO: unknown fields are refused (so neither typos nor
 * MongoDB operators slip through), values are converted to the declared types.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
  });
}
