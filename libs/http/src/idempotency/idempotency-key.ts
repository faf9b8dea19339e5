import { HttpStatus } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppException } from '../app-exception.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Visible ASCII, as pretix and Stripe accept: a UUID is the usual choice. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header's key; undefined when absent; 400 when it is not 1–255 visible ASCII characters. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header.join(',') : header.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      'INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.',
      [{ field: IDEMPOTENCY_KEY_HEADER, messages: ['must be 1 to 255 visible ASCII characters'] }],
    );
  }
  return key;
}

/** JSON with object keys sorted at every level, so that the same body always reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The stored id of a key: per caller, so that one caller's key never answers another's request. */
export const idempotencyRecordId = (caller: string, key: string): string =>
  sha256(JSON.stringify([caller, key]));

/** What "the same request" means: the same method, path and query, and the same JSON body (key order aside). */
export const requestFingerprint = (method: string, url: string, body: unknown): string =>
  sha256(JSON.stringify([method.toUpperCase(), url, canonicalJson(body ?? null)]));
