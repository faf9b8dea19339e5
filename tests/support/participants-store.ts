import { createLogger } from '@plenary/observability';
import type { Clock } from '@plenary/runtime';
import type { Connection, Model } from 'mongoose';
import { DelegationWriter } from '../../apps/participants/src/delegations/delegation-writer.service.js';
import {
  DelegationRecord,
  DelegationRecordSchema,
} from '../../apps/participants/src/delegations/schemas/delegation.schema.js';
import { ParticipantPlaces } from '../../apps/participants/src/participants/participant-places.service.js';
import { ParticipantWriter } from '../../apps/participants/src/participants/participant-writer.service.js';
import { PersonClaims } from '../../apps/participants/src/participants/person-claims.service.js';
import { RegistrationSweeper } from '../../apps/participants/src/participants/registration-sweeper.js';
import {
  ParticipantRecord,
  ParticipantRecordSchema,
} from '../../apps/participants/src/participants/schemas/participant.schema.js';
import {
  PersonClaim,
  PersonClaimSchema,
} from '../../apps/participants/src/participants/schemas/person-claim.schema.js';

export interface ParticipantsStore {
  participants: Model<ParticipantRecord>;
  delegations: Model<DelegationRecord>;
  claims: Model<PersonClaim>;
  places: ParticipantPlaces;
  sweeper: RegistrationSweeper;
}

/**
 * The participants service's own models and sweeper on a connection of the test's own (the same
 * classes the app injects). The sweeper deletes unconfirmed records and gives back places, which
 * publish nothing: no outbox is needed.
 */
export function participantsStore(connection: Connection, clock: Clock): ParticipantsStore {
  const participants = connection.model(
    ParticipantRecord.name,
    ParticipantRecordSchema,
  ) as never as Model<ParticipantRecord>;
  const delegations = connection.model(
    DelegationRecord.name,
    DelegationRecordSchema,
  ) as never as Model<DelegationRecord>;
  const claims = connection.model(PersonClaim.name, PersonClaimSchema) as never as Model<PersonClaim>;
  const places = new DelegationWriter(delegations, undefined as never, clock);
  const personClaims = new PersonClaims(claims);
  const participantPlaces = new ParticipantPlaces(places, personClaims, participants, clock);
  const sweeper = new RegistrationSweeper(
    participants,
    delegations,
    new ParticipantWriter(participants, undefined as never, clock),
    participantPlaces,
    places,
    personClaims,
    clock,
    createLogger('test', 'silent'),
  );
  return { participants, delegations, claims, places: participantPlaces, sweeper };
}
