import { randomUUID } from 'node:crypto';
import type { ParticipantState, ParticipantView } from '@plenary/contracts';
import type { BenchMeeting } from './meeting.js';

/**
 * Participant records as the participants service stores them (its ParticipantRecord schema),
 * to be written straight into its collection, and the view of each that its messages carry.
 * The bench may not import an app's code (apps share libs/ only): the folding of names
 * (participant-names.ts) and the view (participant-view.mapper.ts) are written again here.
 */
export interface GrownParticipant {
  _id: string;
  eventId: string;
  delegationId: string;
  partyCode: string;
  party: { code: string; kind: 'organization'; name: string };
  name: { given: string; family: string; givenLatin: string; familyLatin: string };
  searchNames: string[];
  sortName: string;
  role: 'member';
  email: string;
  emailKey: string;
  gender: 'female' | 'male';
  state: ParticipantState;
  confirmed: true;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

const STATES: ParticipantState[] = ['pending', 'accredited', 'accredited', 'accredited', 'withdrawn'];
const SYLLABLES = 'bdfgklmnprstvz'.split('').flatMap((c) => 'aeiou'.split('').map((v) => c + v));
const NAMES = SYLLABLES.length ** 3;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{Mark}/gu, '')
    .toLocaleLowerCase('und');

/**
 * A family name of three syllables (Kamatu, Bezilo…), a different one for each i below 70³:
 * i times a number prime to 70³, modulo 70³. Its first syllable and the next letter ("kam")
 * begin about 1 in 980 of them.
 */
function familyName(i: number): string {
  const n = (i * 2_654_435_761) % NAMES;
  const name = SYLLABLES[n % 70] + SYLLABLES[Math.floor(n / 70) % 70] + SYLLABLES[Math.floor(n / 4900)];
  return name[0].toUpperCase() + name.slice(1);
}

/** The i-th to (i + count)-th people of a grown meeting, spread over its delegations (ORG001, ORG002…). */
export function participantRecords(meeting: BenchMeeting, from: number, count: number): GrownParticipant[] {
  const now = new Date();
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const d = i % meeting.delegationIds.length;
    const code = `ORG${String(d + 1).padStart(3, '0')}`;
    const given = `Given${i}`;
    const family = familyName(i);
    const email = `grown${i}@growth.example`;
    return {
      _id: randomUUID(),
      eventId: meeting.eventId,
      delegationId: meeting.delegationIds[d],
      partyCode: code,
      party: { code, kind: 'organization', name: `Organisation ${code}` },
      name: { given, family, givenLatin: given, familyLatin: family },
      searchNames: [fold(given), fold(family)],
      sortName: `${fold(family)} ${fold(given)}`,
      role: 'member',
      email,
      emailKey: email,
      gender: i % 2 ? 'female' : 'male',
      state: STATES[i % STATES.length],
      confirmed: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: 'bench',
    };
  });
}

/** What the participants topic carries about a record (no email or gender). */
export function participantView(record: GrownParticipant): ParticipantView {
  return {
    id: record._id,
    eventId: record.eventId,
    delegationId: record.delegationId,
    party: record.party,
    name: record.name,
    role: record.role,
    state: record.state,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
