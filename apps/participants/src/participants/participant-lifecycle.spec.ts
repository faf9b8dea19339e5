import { describe, expect, it } from '@jest/globals';
import { PARTICIPANT_STATES, type ParticipantState } from '@plenary/contracts';
import { nextParticipantState, type ParticipantAction } from './participant-lifecycle.js';

const ALLOWED: Record<ParticipantAction, Partial<Record<ParticipantState, ParticipantState>>> = {
  accredit: { pending: 'accredited' },
  reject: { pending: 'rejected', accredited: 'rejected' },
  withdraw: { pending: 'withdrawn', accredited: 'withdrawn' },
  reinstate: { withdrawn: 'pending', rejected: 'pending' },
};

describe('the accreditation of a participant', () => {
  for (const [action, allowed] of Object.entries(ALLOWED) as Array<
    [ParticipantAction, Partial<Record<ParticipantState, ParticipantState>>]
  >) {
    for (const state of PARTICIPANT_STATES) {
      const to = allowed[state];
      it(to ? `${action}: ${state} → ${to}` : `${action}: refused from ${state}`, () => {
        if (to) expect(nextParticipantState(state, action)).toBe(to);
        else
          expect(() => nextParticipantState(state, action)).toThrow(
            expect.objectContaining({ code: 'INVALID_TRANSITION' }),
          );
      });
    }
  }
});
