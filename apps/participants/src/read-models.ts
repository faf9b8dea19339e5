/**
 * The collections this service builds from other services' messages: disposable, rebuilt from
 * the topics by `npm run rebuild -- participants`. Everything else here is the service's own record.
 */
export const READ_MODELS = ['event_copies'] as const;
