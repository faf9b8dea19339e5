import type { ConsoleConfig } from '../console.config.js';

export const API_SERVICES = ['events', 'participants', 'reports'] as const;
export type ApiService = (typeof API_SERVICES)[number];

export function apiBaseUrl(config: ConsoleConfig, service: ApiService): string {
  return {
    events: config.EVENTS_API_URL,
    participants: config.PARTICIPANTS_API_URL,
    reports: config.REPORTS_API_URL,
  }[service];
}

/** Request headers a page may pass on to a service (never cookies, never its own Authorization). */
export const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'idempotency-key',
  'x-correlation-id',
];

/** Response headers a page needs back. */
export const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'location',
  'retry-after',
  'idempotent-replayed',
  'x-correlation-id',
  'cache-control',
];
