import type { DelegationDetailsView, DelegationView } from '@plenary/contracts';
import type { StoredDelegation } from './schemas/delegation.schema.js';

/** What the participants topic and observers see: no contact details, no seats. */
export function toDelegationView(record: StoredDelegation): DelegationView {
  return {
    id: record._id,
    eventId: record.eventId,
    party: { code: record.party.code, kind: record.party.kind, name: record.party.name },
    state: record.state,
    ...(record.credentialsReference ? { credentialsReference: record.credentialsReference } : {}),
    ...(record.notice ? { notice: record.notice } : {}),
    ...(record.withdrawalReason ? { withdrawalReason: record.withdrawalReason } : {}),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** What the delegation's coordinator and the secretariat see. */
export function toDelegationDetailsView(record: StoredDelegation, quota: number): DelegationDetailsView {
  return {
    ...toDelegationView(record),
    coordinator: { name: record.coordinator.name, email: record.coordinator.email },
    seats: {
      taken: record.seats?.length ?? 0,
      quota,
      ...(record.headParticipantId ? { headParticipantId: record.headParticipantId } : {}),
    },
  };
}
