import { describe, expect, it } from '@jest/globals';
import { match } from './router';

describe('match', () => {
  it('reads parameters and ignores the query string', () => {
    expect(match('/delegations/:eventId/:party', '/delegations/abc/KAZ?x=1')).toEqual({
      eventId: 'abc',
      party: 'KAZ',
    });
    expect(match('/meetings', '/meetings')).toEqual({});
    expect(match('/meetings/:eventId', '/meetings/a/check-in')).toBeUndefined();
    expect(match('/meetings/:eventId', '/meetings/%D0%B0')).toEqual({ eventId: 'а' });
  });
});
