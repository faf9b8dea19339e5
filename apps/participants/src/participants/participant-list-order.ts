import type { ParticipantSort } from '@plenary/contracts';
import { HttpStatus } from '@nestjs/common';
import { AppException, decodeCursor, encodeCursor } from '@plenary/http';
import type { QueryFilter } from 'mongoose';
import type { ParticipantRecord, StoredParticipant } from './schemas/participant.schema.js';

type SortField = 'partyCode' | 'sortName' | 'state' | 'badgeNumber' | '_id';

/** Each order of the list, as the fields it sorts by; _id last, so that the order is total. */
const ORDERS: Record<ParticipantSort, readonly SortField[]> = {
  party: ['partyCode', 'sortName', '_id'],
  name: ['sortName', 'partyCode', '_id'],
  state: ['state', 'partyCode', 'sortName', '_id'],
  badge: ['badgeNumber', '_id'],
};

/** The store's sort document for an order. */
export const sortOf = (order: ParticipantSort): Record<string, 1> =>
  Object.fromEntries(ORDERS[order].map((field) => [field, 1]));

/** The cursor after a record: its order and its values of the fields sorted by ('' for no badge). */
export function cursorAfter(order: ParticipantSort, record: StoredParticipant): string {
  return encodeCursor({
    sort: order,
    ...Object.fromEntries(ORDERS[order].map((field) => [field, String(record[field] ?? '')])),
  });
}

/**
 * What comes after a cursor in its order: greater in the first field, or equal in it and greater in
 * the next, and so on. A participant without a badge number sorts first (a missing field sorts
 * lowest), and comparison operators never match a missing field, so that case is spelt out.
 * A cursor made in another order is refused (400), not misread.
 */
export function afterCursor(order: ParticipantSort, cursor: string): QueryFilter<ParticipantRecord> {
  const fields = ORDERS[order];
  const { sort } = decodeCursor(cursor, ['sort'] as const);
  if (sort !== order) {
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      'INVALID_CURSOR',
      `This cursor continues the list sorted by ${sort}, not by ${order}: start again without it.`,
      [{ field: 'cursor', messages: [`cursor belongs to sort=${sort}`] }],
    );
  }
  const after = decodeCursor(cursor, fields);
  const greater = (field: SortField): QueryFilter<ParticipantRecord> =>
    field === 'badgeNumber' && after[field] === ''
      ? { badgeNumber: { $exists: true } }
      : { [field]: { $gt: after[field] } };
  const equal = (field: SortField): QueryFilter<ParticipantRecord> =>
    field === 'badgeNumber' && after[field] === ''
      ? { badgeNumber: { $exists: false } }
      : { [field]: after[field] };
  return {
    $or: fields.map((field, i) => ({ $and: [...fields.slice(0, i).map(equal), greater(field)] })),
  };
}
