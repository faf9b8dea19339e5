import type { ParticipantDetailsView, ParticipantView, PublicParticipantView } from '@plenary/contracts';
import type { BadgeSigner } from '../badges/badge-signer.service.js';
import type { StoredParticipant } from './schemas/participant.schema.js';

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined || value === null ? {} : { [key]: value };

export function toPublicParticipantView(record: StoredParticipant): PublicParticipantView {
  return {
    id: record._id,
    eventId: record.eventId,
    delegationId: record.delegationId,
    party: { code: record.party.code, kind: record.party.kind, name: record.party.name },
    name: {
      given: record.name.given,
      family: record.name.family,
      givenLatin: record.name.givenLatin,
      familyLatin: record.name.familyLatin,
    },
    ...optional('honorific', record.honorific),
    ...optional('position', record.position),
    ...optional('organization', record.organization),
    role: record.role,
  };
}

/**
 * What the participants topic carries: no email, gender or accessibility needs, and no rejection
 * reason (the secretariat's word to the delegation, which HTTP shows only to the two of them).
 */
export function toParticipantView(record: StoredParticipant): ParticipantView {
  return {
    ...toPublicParticipantView(record),
    state: record.state,
    ...optional('badgeNumber', record.badgeNumber),
    ...optional('checkedInAt', record.checkedInAt?.toISOString()),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** What the participant's coordinator and the secretariat see, with the signed code of the badge. */
export function toParticipantDetailsView(
  record: StoredParticipant,
  badges: BadgeSigner,
): ParticipantDetailsView {
  return {
    ...toParticipantView(record),
    ...optional('rejectionReason', record.rejectionReason),
    email: record.email,
    ...optional('gender', record.gender),
    ...optional('accessibilityNeeds', record.accessibilityNeeds),
    ...optional('badgeCode', badges.codeOf(record)),
  };
}
