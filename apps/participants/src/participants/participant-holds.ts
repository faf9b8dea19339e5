import type { ParticipantHolds, StoredParticipant } from './schemas/participant.schema.js';

/**
 * The hold id of a reservation taken before hold ids existed: such a place is stored as the bare
 * participant id, such a claim or head role without a hold id. It stays valid while its
 * participant attends and has no holds recorded.
 */
export const LEGACY_HOLD = '';

/** The holds a participant stands on now; records from before hold ids hold legacy ones. */
export function holdsOf(record: Pick<StoredParticipant, 'holds' | 'role' | 'state'>): ParticipantHolds {
  if (record.holds) return record.holds;
  return { seat: LEGACY_HOLD, email: LEGACY_HOLD, ...(record.role === 'head' ? { head: LEGACY_HOLD } : {}) };
}

/** A place in a delegation's `seats`: who holds it, and by which attempt. */
export const seatEntry = (participantId: string, holdId: string): string =>
  holdId === LEGACY_HOLD ? participantId : `${participantId}/${holdId}`;

export function parseSeatEntry(entry: string): { participantId: string; holdId: string } {
  const slash = entry.indexOf('/');
  return slash < 0
    ? { participantId: entry, holdId: LEGACY_HOLD }
    : { participantId: entry.slice(0, slash), holdId: entry.slice(slash + 1) };
}

/**
 * When the attempt that owns a hold started: hold ids are UUIDv7, whose first 48 bits are the
 * time in milliseconds. Legacy holds have no time and count as old.
 */
export function holdTakenAt(holdId: string): number {
  if (holdId === LEGACY_HOLD) return 0;
  const taken = Number.parseInt(holdId.replaceAll('-', '').slice(0, 12), 16);
  return Number.isFinite(taken) ? taken : 0;
}

/**
 * How long a reservation attempt may take from its first hold to its last write. A hold older
 * than this that no participant stands on was left by an attempt that lost or died, and is given
 * back (by the sweeper, or by the next attempt that needs it); an attempt that finds itself
 * older than this gives up instead of writing.
 */
export const HOLD_GRACE_MS = 60_000;
