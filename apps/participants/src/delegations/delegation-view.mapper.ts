import type { DelegationDetailsView, DelegationView } from '@plenary/contracts';
import type { DelegationRecord } from './schemas/delegation.schema.js';

type StoredDelegation = Omit<DelegationRecord, 'outbox' | 'outboxPending'>;

/** What the participants topic and observers see: no contact details. */
export function toDelegationView(record: StoredDelegation): DelegationView {
  return {
    id: record._id,
    eventId: record.eventId,
    party: { code: record.party.code, kind: record.party.kind, name: record.party.name },
    state: record.state,
    ...(record.credentialsReference ? { credentialsReference: record.credentialsReference } : {}),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** What the delegation's coordinator and the secretariat see. */
export function toDelegationDetailsView(record: StoredDelegation): DelegationDetailsView {
  return {
    ...toDelegationView(record),
    coordinator: { name: record.coordinator.name, email: record.coordinator.email },
  };
}
