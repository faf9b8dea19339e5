/**
 * The collections this service builds from other services' messages: disposable, rebuilt from
 * the topics by `npm run rebuild -- reports`. The reports themselves are the service's own record.
 */
export const READ_MODELS = ['event_copies', 'attending_delegations', 'attending_participants'] as const;
