import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { AppException } from './app-exception.js';

/**
 * The version a client last read, from If-Match (the ETag it got: "3", W/"3" or 3). Undefined
 * when the header is absent; 400 when it is not a version.
 */
export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().header('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      'INVALID_IF_MATCH',
      'If-Match must be the ETag of the resource, e.g. "3".',
      [{ field: 'If-Match', messages: ['must be an ETag such as "3"'] }],
    );
  }
  return Number(match[1]);
});

/** For changes that must not overwrite what someone else saved: If-Match is required (428 without it). */
export function requireIfMatch(version: number | undefined): number {
  if (version === undefined) {
    throw new AppException(
      HttpStatus.PRECONDITION_REQUIRED,
      'IF_MATCH_REQUIRED',
      'Send If-Match with the ETag you last read, so that no one else’s change is overwritten.',
    );
  }
  return version;
}

/** The ETag of a versioned resource. */
export const etagOf = (version: number): string => `"${version}"`;
