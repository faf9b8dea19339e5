import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './validation.js';

/** Versions 1 to 8 with the RFC 9562 variant, and the nil and max UUIDs: what Nest's ParseUUIDPipe takes. */
const UUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

/**
 * Refuses a path or query value that is not a UUID, in place of Nest's ParseUUIDPipe: that one
 * answers a bare "Validation failed (uuid is expected)", whereas a client gets every 400 as
 * VALIDATION_FAILED with the field named, as for bodies.
 */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value;
    const field = metadata.data ?? metadata.type;
    throw validationFailed([{ field, messages: [`${field} must be a UUID`] }]);
  }
}
