import type { ParticipantState } from '@plenary/contracts';
import { ParticipantsErrorCode, ParticipantsException } from './participants.exception.js';

export type ParticipantAction = 'accredit' | 'reject' | 'withdraw' | 'reinstate';

/** States in which a participant holds a place in their delegation. */
export const ACTIVE_PARTICIPANT_STATES: readonly ParticipantState[] = ['pending', 'accredited'];

const TRANSITIONS: Record<
  ParticipantAction,
  { from: readonly ParticipantState[]; to: ParticipantState; rule: string }
> = {
  accredit: { from: ['pending'], to: 'accredited', rule: 'only a pending participant is accredited' },
  reject: {
    from: ['pending', 'accredited'],
    to: 'rejected',
    rule: 'only a pending or accredited participant is rejected',
  },
  withdraw: {
    from: ['pending', 'accredited'],
    to: 'withdrawn',
    rule: 'only a pending or accredited participant is withdrawn',
  },
  reinstate: {
    from: ['withdrawn', 'rejected'],
    to: 'pending',
    rule: 'only a withdrawn or rejected participant is reinstated',
  },
};

/**
 * pending → accredited (a badge) or rejected (a reason); withdrawn from pending or accredited;
 * reinstated from withdrawn or rejected back to pending.
 */
export function nextParticipantState(state: ParticipantState, action: ParticipantAction): ParticipantState {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(state)) {
    throw new ParticipantsException(
      ParticipantsErrorCode.INVALID_TRANSITION,
      `The participant is ${state}, and ${transition.rule} (${state} → ${transition.to} is not allowed).`,
    );
  }
  return transition.to;
}
