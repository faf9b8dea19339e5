import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { ParticipantImportView } from '@plenary/contracts';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { assertMayActFor } from '../access/party-access.js';
import { ACTIVE_DELEGATION_STATES } from '../delegations/delegation-lifecycle.js';
import { DelegationsService } from '../delegations/delegations.service.js';
import type { StoredDelegation } from '../delegations/schemas/delegation.schema.js';
import type { EventCopy } from '../event-copies/schemas/event-copy.schema.js';
import { ParticipantsErrorCode, ParticipantsException } from '../participants/participants.exception.js';
import { ImportChecks } from './import-checks.service.js';
import { readImportFile } from './import-file.js';
import { toImportView } from './import-view.mapper.js';
import { ImportWriter } from './import-writer.service.js';
import { ImportsException } from './imports.exception.js';
import {
  ParticipantImport,
  type StoredImport,
  type StoredImportRow,
} from './schemas/participant-import.schema.js';

/** Reading a file of people into a checked preview, and reading an import back. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectModel(ParticipantImport.name) private readonly imports: Model<ParticipantImport>,
    private readonly delegations: DelegationsService,
    private readonly checks: ImportChecks,
    private readonly writer: ImportWriter,
    private readonly clock: Clock,
  ) {}

  /** The delegation and meeting a registration into it needs, each rule refused as one registration refuses it. */
  async target(
    delegationId: string,
    actor: Principal,
  ): Promise<{ delegation: StoredDelegation; event: EventCopy; quota: number }> {
    const delegation = await this.delegations.find(delegationId);
    assertMayActFor(actor, delegation.eventId, delegation.partyCode);
    const event = await this.delegations.event(delegation.eventId, { parties: false });
    this.delegations.assertRegistrationOpen(event, actor);
    if (!ACTIVE_DELEGATION_STATES.includes(delegation.state)) {
      throw new ParticipantsException(
        ParticipantsErrorCode.DELEGATION_INACTIVE,
        `The delegation of ${delegation.party.name} is ${delegation.state}; no one can be registered in it.`,
      );
    }
    return { delegation, event, quota: event.registration?.quotaPerDelegation ?? Number.MAX_SAFE_INTEGER };
  }

  /** Reads and checks the file; stores it as an import in preview. Registers no one. */
  async preview(delegationId: string, file: Buffer, actor: Principal): Promise<ParticipantImportView> {
    const { delegation, quota } = await this.target(delegationId, actor);
    const read = await readImportFile(file);
    const id = uuidv7();
    const rows = await this.checks.check(id, delegation, quota, read.rows, actor.role === 'secretariat');
    const now = this.clock.now();
    const record: StoredImport = {
      _id: id,
      eventId: delegation.eventId,
      delegationId: delegation._id,
      partyCode: delegation.partyCode,
      party: { ...delegation.party },
      format: read.format,
      state: 'previewed',
      rows,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.subject,
    };
    await this.writer.insert(record);
    return toImportView(record, now);
  }

  /** The import, if the viewer may act for its delegation (403 otherwise, as for its people). */
  async find(id: string, viewer: Principal): Promise<StoredImport> {
    const record = await this.imports.findById(id).lean<StoredImport>().exec();
    if (!record) throw ImportsException.notFound(id);
    assertMayActFor(viewer, record.eventId, record.partyCode);
    return record;
  }

  async get(id: string, viewer: Principal): Promise<ParticipantImportView> {
    return toImportView(await this.find(id, viewer), this.clock.now());
  }

  /** Checks the rows again against the delegation as it is now (for the start of an import). */
  async recheck(record: StoredImport, actor: Principal): Promise<StoredImportRow[]> {
    const { delegation, quota } = await this.target(record.delegationId, actor);
    return this.checks.check(record._id, delegation, quota, record.rows, actor.role === 'secretariat');
  }
}
