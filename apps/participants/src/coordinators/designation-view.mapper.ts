import type { CoordinatorDesignationView, PublishedCoordinatorDesignationView } from '@plenary/contracts';
import type { StoredDesignation } from './schemas/coordinator-designation.schema.js';

/** What the participants topic carries: no email (no personal contact on any topic). */
export function toPublishedDesignationView(record: StoredDesignation): PublishedCoordinatorDesignationView {
  return {
    id: record._id,
    eventId: record.eventId,
    party: record.party,
    ...(record.name ? { name: record.name } : {}),
    ...(record.language ? { language: record.language } : {}),
    state: record.state,
    designatedAt: record.designatedAt.toISOString(),
    ...(record.revokedAt ? { revokedAt: record.revokedAt.toISOString() } : {}),
  };
}

/** What the secretariat and the designated person see. */
export function toDesignationView(record: StoredDesignation): CoordinatorDesignationView {
  return {
    ...toPublishedDesignationView(record),
    email: record.email,
    designatedBy: record.designatedBy,
    ...(record.revokedBy ? { revokedBy: record.revokedBy } : {}),
  };
}
