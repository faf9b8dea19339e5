import type {
  DelegationRole,
  Gender,
  ParticipantState,
  ParticipantView,
  PartyKind,
} from '@plenary/contracts';

/** What one participant adds to their meeting's summary, at one version of the participant. */
export interface StoredContribution {
  /** The participant's id. */
  id: string;
  eventId: string;
  version: number;
  party: { code: string; kind: PartyKind; name: string };
  state: ParticipantState;
  role: DelegationRole;
  gender?: Gender;
  checkedInAt?: Date;
}

/**
 * A participant's contribution from their message. The topic never carries a person's gender,
 * so it comes from the participant's record, read when the message is applied: at that
 * message's version or a later one, and every later change of it has a message of its own.
 */
export function contributionOfView(view: ParticipantView, gender: Gender | undefined): StoredContribution {
  return {
    id: view.id,
    eventId: view.eventId,
    version: view.version,
    party: { code: view.party.code, kind: view.party.kind, name: view.party.name },
    state: view.state,
    role: view.role,
    ...(gender ? { gender } : {}),
    ...(view.checkedInAt ? { checkedInAt: new Date(view.checkedInAt) } : {}),
  };
}

/** What a contribution read from the store (contributions, a summary's lastChanges) holds, without extra fields. */
export function asContribution(stored: StoredContribution & { _id?: string }): StoredContribution {
  return {
    id: stored.id ?? stored._id,
    eventId: stored.eventId,
    version: stored.version,
    party: { code: stored.party.code, kind: stored.party.kind, name: stored.party.name },
    state: stored.state,
    role: stored.role,
    ...(stored.gender ? { gender: stored.gender } : {}),
    ...(stored.checkedInAt ? { checkedInAt: new Date(stored.checkedInAt) } : {}),
  };
}
