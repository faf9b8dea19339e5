import { describe, expect, it } from '@jest/globals';
import { afterCursor, cursorAfter, sortOf } from './participant-list-order.js';
import type { StoredParticipant } from './schemas/participant.schema.js';

const record = (fields: Partial<StoredParticipant>) =>
  ({
    _id: 'p1',
    partyCode: 'KAZ',
    sortName: 'argandykov daulet',
    state: 'accredited',
    ...fields,
  }) as StoredParticipant;

describe('participant list orders', () => {
  it('sort by the order’s fields, _id last', () => {
    expect(sortOf('party')).toEqual({ partyCode: 1, sortName: 1, _id: 1 });
    expect(sortOf('badge')).toEqual({ badgeNumber: 1, _id: 1 });
  });

  it('continue after a cursor: greater in a field, or equal in it and greater further on', () => {
    const cursor = cursorAfter('name', record({}));
    expect(afterCursor('name', cursor)).toEqual({
      $or: [
        { $and: [{ sortName: { $gt: 'argandykov daulet' } }] },
        { $and: [{ sortName: 'argandykov daulet' }, { partyCode: { $gt: 'KAZ' } }] },
        { $and: [{ sortName: 'argandykov daulet' }, { partyCode: 'KAZ' }, { _id: { $gt: 'p1' } }] },
      ],
    });
  });

  it('spell out a missing badge number, which comparisons never match', () => {
    expect(afterCursor('badge', cursorAfter('badge', record({})))).toEqual({
      $or: [
        { $and: [{ badgeNumber: { $exists: true } }] },
        { $and: [{ badgeNumber: { $exists: false } }, { _id: { $gt: 'p1' } }] },
      ],
    });
    expect(afterCursor('badge', cursorAfter('badge', record({ badgeNumber: '0007' })))).toEqual({
      $or: [
        { $and: [{ badgeNumber: { $gt: '0007' } }] },
        { $and: [{ badgeNumber: '0007' }, { _id: { $gt: 'p1' } }] },
      ],
    });
  });

  it('refuse a cursor made in another order, or made up', () => {
    expect(() => afterCursor('badge', cursorAfter('name', record({})))).toThrow(/sorted by name/);
    expect(() => afterCursor('name', 'bm90LWEtY3Vyc29y')).toThrow(/not a nextCursor/);
  });
});
