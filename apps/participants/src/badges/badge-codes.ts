import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The code on a badge: `PB1.<meeting id>.<badge number>.<signature>`, the signature an
 * HMAC-SHA256 of the rest, cut to 16 bytes (128 bits) and base64url-encoded. About 70
 * characters: a version 4 QR code at error correction M, small enough to scan from a printed
 * badge. Only the service holds the key, so a code cannot be made up or altered: changing the
 * meeting or the badge number changes the signature, and a code from another meeting names
 * that meeting.
 */
const VERSION = 'PB1';
const MAC_BYTES = 16;
const CODE =
  /^PB1\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9]{1,12})\.([A-Za-z0-9_-]{22})$/;

export interface BadgeIdentity {
  eventId: string;
  badgeNumber: string;
}

const macOf = (key: string, payload: string): Buffer =>
  createHmac('sha256', key).update(payload, 'utf8').digest().subarray(0, MAC_BYTES);

export function signBadgeCode(key: string, { eventId, badgeNumber }: BadgeIdentity): string {
  const payload = `${VERSION}.${eventId.toLowerCase()}.${badgeNumber}`;
  return `${payload}.${macOf(key, payload).toString('base64url')}`;
}

/** The meeting and badge a genuine code names; undefined for anything else (forged, altered, malformed). */
export function verifyBadgeCode(key: string, code: string): BadgeIdentity | undefined {
  const match = CODE.exec(code.trim());
  if (!match) return undefined;
  const [, eventId, badgeNumber, mac] = match;
  const given = Buffer.from(mac, 'base64url');
  // base64url decoding ignores stray bits: only the canonical spelling of the signature is genuine.
  if (given.length !== MAC_BYTES || given.toString('base64url') !== mac) return undefined;
  const expected = macOf(key, `${VERSION}.${eventId}.${badgeNumber}`);
  return timingSafeEqual(given, expected) ? { eventId, badgeNumber } : undefined;
}
