import { type ArgumentMetadata, Injectable, Optional, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './validation.js';

export interface IntegerPipeOptions {
  /** Lets an absent value through as undefined (an optional query parameter). */
  optional?: boolean;
}

/**
 * Converts a path or query value to an integer, in place of Nest's ParseIntPipe, so that a bad
 * one is a VALIDATION_FAILED naming the field like every other 400. Only plain decimal digits
 * are taken: not "1.5", "1e2", "0x10", other scripts' digits, nor a number too large to be exact.
 */
@Injectable()
export class IntegerPipe implements PipeTransform<unknown, number | undefined> {
  constructor(@Optional() private readonly options: IntegerPipeOptions = {}) {}

  transform(value: unknown, metadata: ArgumentMetadata): number | undefined {
    if ((value === undefined || value === null) && this.options.optional) return undefined;
    // A number when the global pipe has converted a parameter declared `number` (see
    // PlenaryValidationPipe.transformPrimitive), else the text as it came.
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^-?\d{1,16}$/.test(value)
          ? Number(value)
          : NaN;
    if (Number.isSafeInteger(number)) return number;
    const field = metadata.data ?? metadata.type;
    throw validationFailed([{ field, messages: [`${field} must be an integer`] }]);
  }
}
