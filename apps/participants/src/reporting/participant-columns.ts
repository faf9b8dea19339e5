import type { StoredParticipant } from '../participants/schemas/participant.schema.js';

export interface ParticipantColumn {
  header: string;
  value: (r: StoredParticipant) => string | Date | undefined;
  /** Free text a person typed, possibly in a right-to-left script. */
  text?: boolean;
}

/** The columns of every participant export (CSV, XLSX): names in the original script and in Latin apart. */
export const PARTICIPANT_COLUMNS: readonly ParticipantColumn[] = [
  { header: 'Party', value: (r) => r.party.name, text: true },
  { header: 'Party code', value: (r) => r.partyCode },
  { header: 'Role', value: (r) => r.role },
  { header: 'Honorific', value: (r) => r.honorific, text: true },
  { header: 'Given name', value: (r) => r.name.given, text: true },
  { header: 'Family name', value: (r) => r.name.family, text: true },
  { header: 'Given name (Latin)', value: (r) => r.name.givenLatin, text: true },
  { header: 'Family name (Latin)', value: (r) => r.name.familyLatin, text: true },
  { header: 'Position', value: (r) => r.position, text: true },
  { header: 'Organization', value: (r) => r.organization, text: true },
  { header: 'Email', value: (r) => r.email, text: true },
  { header: 'State', value: (r) => r.state },
  { header: 'Badge', value: (r) => r.badgeNumber },
  { header: 'Checked in at (UTC)', value: (r) => r.checkedInAt },
];
