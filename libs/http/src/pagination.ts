import { HttpStatus } from '@nestjs/common';
import { AppException } from './app-exception.js';

/** A cursor is opaque to clients: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (keys.every((k) => typeof value[k] === 'string')) return value as Record<K, string>;
  } catch {
    // fall through
  }
  throw new AppException(
    HttpStatus.BAD_REQUEST,
    'INVALID_CURSOR',
    'cursor is not a nextCursor value from a previous page.',
    [{ field: 'cursor', messages: ['cursor is not a nextCursor value from a previous page'] }],
  );
}
