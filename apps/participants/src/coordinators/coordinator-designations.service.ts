import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { CoordinatorDesignationView, DesignateCoordinatorDto } from '@plenary/contracts';
import { isDuplicateKeyError } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model, QueryFilter } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { DesignatedParty } from '../access/party-access.js';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { CoordinatorDesignationWriter } from './coordinator-designation-writer.service.js';
import { CoordinatorsErrorCode, CoordinatorsException } from './coordinators.exception.js';
import { activeKeyOf, normalEmail } from './designation-keys.js';
import { toDesignationView } from './designation-view.mapper.js';
import {
  CoordinatorDesignation,
  type StoredDesignation,
  WITHOUT_OUTBOX,
} from './schemas/coordinator-designation.schema.js';

/** How often a revocation that lost a race with another change is tried again on the fresh record. */
const REVOKE_ATTEMPTS = 3;

/** The secretariat designates (by email) who coordinates which party at which meeting, and revokes. */
@Injectable()
export class CoordinatorDesignationsService {
  constructor(
    @InjectModel(CoordinatorDesignation.name) private readonly designations: Model<CoordinatorDesignation>,
    private readonly eventCopies: EventCopiesService,
    private readonly writer: CoordinatorDesignationWriter,
    private readonly clock: Clock,
  ) {}

  async designate(
    eventId: string,
    input: DesignateCoordinatorDto,
    actor: Principal,
  ): Promise<CoordinatorDesignationView> {
    const event = await this.eventCopies.find(eventId);
    if (!event) throw CoordinatorsException.unknownEvent(eventId);
    if (!event.parties.some((p) => p.code === input.party)) {
      throw new CoordinatorsException(
        CoordinatorsErrorCode.PARTY_NOT_INVITED,
        `${input.party} is not among the parties invited to "${event.title}"; invite it to the meeting first.`,
      );
    }
    const email = normalEmail(input.email);
    const record: StoredDesignation = {
      _id: uuidv7(),
      eventId,
      party: input.party,
      email,
      ...(input.name ? { name: input.name } : {}),
      ...(input.language ? { language: input.language } : {}),
      state: 'active',
      activeKey: activeKeyOf(eventId, input.party, email),
      designatedBy: actor.subject,
      designatedAt: this.clock.now(),
      version: 1,
    };
    try {
      await this.writer.insert(record);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw new CoordinatorsException(
        CoordinatorsErrorCode.COORDINATOR_ALREADY_DESIGNATED,
        `${email} is already designated as a coordinator of ${input.party} at "${event.title}".`,
      );
    }
    return toDesignationView(record);
  }

  /** A meeting's designations (active and revoked), by party then time of designation. */
  async list(eventId: string, party?: string): Promise<CoordinatorDesignationView[]> {
    const filter: QueryFilter<CoordinatorDesignation> = { eventId };
    if (party) filter.party = party;
    const records = await this.designations
      .find(filter, WITHOUT_OUTBOX)
      .sort({ party: 1, designatedAt: 1, _id: 1 })
      .lean<StoredDesignation[]>()
      .exec();
    return records.map(toDesignationView);
  }

  async get(id: string): Promise<CoordinatorDesignationView> {
    return toDesignationView(await this.find(id));
  }

  /**
   * Revokes a designation; the person loses access with their next request. Revoking one
   * already revoked answers it as it is and publishes nothing more (a double click is harmless).
   */
  async revoke(id: string, actor: Principal): Promise<CoordinatorDesignationView> {
    for (let attempt = 1; attempt <= REVOKE_ATTEMPTS; attempt++) {
      const record = await this.find(id);
      if (record.state === 'revoked') return toDesignationView(record);
      const revoked = await this.writer.revoke(record, actor.subject, this.clock.now());
      if (revoked) return toDesignationView(revoked);
    }
    throw new Error(`designation ${id} kept changing while being revoked`);
  }

  /** The parties a person (by email) is designated for now, at every meeting: one read per request. */
  async activePartiesOf(email: string): Promise<DesignatedParty[]> {
    const records = await this.designations
      .find({ email: normalEmail(email), state: 'active' }, { eventId: 1, party: 1 })
      .lean<Array<Pick<StoredDesignation, 'eventId' | 'party'>>>()
      .exec();
    return records.map((r) => ({ eventId: r.eventId, party: r.party }));
  }

  /** A person's active designations in full, for GET /me/coordinations. */
  async activeOf(email: string): Promise<StoredDesignation[]> {
    return this.designations
      .find({ email: normalEmail(email), state: 'active' }, WITHOUT_OUTBOX)
      .sort({ eventId: 1, party: 1 })
      .lean<StoredDesignation[]>()
      .exec();
  }

  private async find(id: string): Promise<StoredDesignation> {
    const record = await this.designations.findById(id, WITHOUT_OUTBOX).lean<StoredDesignation>().exec();
    if (!record) throw CoordinatorsException.notFound(id);
    return record;
  }
}
