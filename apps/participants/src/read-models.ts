/**
 * The collections this service builds from messages (other services' and, for the participant
 * summary, its own topic's): disposable, rebuilt from the topics by `npm run rebuild -- participants`.
 * Everything else here is the service's own record.
 */
export const READ_MODELS = ['event_copies', 'participant_summaries', 'summary_contributions'] as const;
