import { describe, expect, it } from '@jest/globals';
import { DELEGATION_STATES, type DelegationState } from '@plenary/contracts';
import { type DelegationAction, nextDelegationState } from './delegation-lifecycle.js';

const ALLOWED: Record<DelegationAction, Partial<Record<DelegationState, DelegationState>>> = {
  'receive-credentials': { registered: 'credentials-received' },
  accredit: { 'credentials-received': 'accredited' },
  withdraw: { registered: 'withdrawn', 'credentials-received': 'withdrawn', accredited: 'withdrawn' },
  cancel: { registered: 'cancelled', 'credentials-received': 'cancelled', accredited: 'cancelled' },
};

describe('the life of a delegation', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as Array<
    [DelegationAction, Partial<Record<DelegationState, DelegationState>>]
  >) {
    for (const state of DELEGATION_STATES) {
      const to = allowed[state];
      it(to ? `${action}: ${state} → ${to}` : `${action}: refused from ${state}, saying why`, () => {
        if (to) {
          expect(nextDelegationState(state, action)).toBe(to);
        } else {
          expect(() => nextDelegationState(state, action)).toThrow(
            expect.objectContaining({
              code: 'INVALID_TRANSITION',
              message: expect.stringContaining(`The delegation is ${state}`),
            }),
          );
        }
      });
    }
  }
});
