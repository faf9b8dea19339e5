import type { DelegationState } from '@plenary/contracts';
import { DelegationsErrorCode, DelegationsException } from './delegations.exception.js';

export type DelegationAction = 'receive-credentials' | 'accredit' | 'withdraw' | 'cancel';

/** States in which a delegation attends (and may have people registered). */
export const ACTIVE_DELEGATION_STATES: readonly DelegationState[] = [
  'registered',
  'credentials-received',
  'accredited',
];

const TRANSITIONS: Record<
  DelegationAction,
  { from: readonly DelegationState[]; to: DelegationState; rule: string }
> = {
  'receive-credentials': {
    from: ['registered'],
    to: 'credentials-received',
    rule: 'credentials are recorded once, for a registered delegation',
  },
  accredit: {
    from: ['credentials-received'],
    to: 'accredited',
    rule: 'a delegation is accredited once its credentials are received',
  },
  withdraw: {
    from: ACTIVE_DELEGATION_STATES,
    to: 'withdrawn',
    rule: 'only an attending delegation can be withdrawn',
  },
  cancel: {
    from: ACTIVE_DELEGATION_STATES,
    to: 'cancelled',
    rule: 'only an attending delegation is cancelled',
  },
};

/**
 * registered → credentials-received → accredited; withdrawn from any of these; cancelled with
 * the meeting. Returns the next state or refuses with a 409 saying from where to where and why.
 */
export function nextDelegationState(state: DelegationState, action: DelegationAction): DelegationState {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(state)) {
    throw new DelegationsException(
      DelegationsErrorCode.INVALID_TRANSITION,
      `The delegation is ${state}, and ${transition.rule} (${state} → ${transition.to} is not allowed).`,
    );
  }
  return transition.to;
}
