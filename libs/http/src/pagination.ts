import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { HttpStatus } from '@nestjs/common';
import { AppException } from './app-exception.js';

export const MAX_PAGE_SIZE = 200;

/** ?limit=&cursor= on every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,500}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;
}

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
