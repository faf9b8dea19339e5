import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { StoredDelegation } from '../delegations/schemas/delegation.schema.js';
import { ACTIVE_PARTICIPANT_STATES } from '../participants/participant-lifecycle.js';
import { emailKeyOf } from '../participants/participant-names.js';
import { ParticipantRecord, type StoredParticipant } from '../participants/schemas/participant.schema.js';
import { fieldErrorsOf, rowParticipantId } from './import-rows.js';
import type { StoredImportRow, StoredImportRowError } from './schemas/participant-import.schema.js';

/**
 * What the preview says of each row, before anything is registered: the errors one
 * registration would meet (RegisterParticipantDto, Latin names), and the delegation's rules
 * against its current state and the rest of the file — one delegation per person (and once in
 * the file), one head, the places left within the quota. Registering is what finally decides
 * (ParticipantPlaces): someone may take a place between the preview and the import.
 */
@Injectable()
export class ImportChecks {
  constructor(@InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>) {}

  async check(
    importId: string,
    delegation: StoredDelegation,
    quota: number,
    rows: ReadonlyArray<Pick<StoredImportRow, 'number' | 'values'>>,
    revealHolder: boolean,
  ): Promise<StoredImportRow[]> {
    const checked: StoredImportRow[] = [];
    for (const row of rows)
      checked.push({ number: row.number, values: row.values, errors: await fieldErrorsOf(row.values) });

    const keys = checked.map((row) => (row.values.email ? emailKeyOf(row.values.email) : undefined));
    const attending = await this.participants
      .find(
        {
          eventId: delegation.eventId,
          confirmed: true,
          state: { $in: ACTIVE_PARTICIPANT_STATES },
          emailKey: { $in: keys.filter((k): k is string => k !== undefined) },
          _id: { $nin: checked.map((row) => rowParticipantId(importId, row.number)) },
        },
        { emailKey: 1, delegationId: 1, 'party.name': 1 },
      )
      .lean<Array<Pick<StoredParticipant, 'emailKey' | 'delegationId' | 'party'>>>()
      .exec();
    const holderOf = new Map(attending.map((p) => [p.emailKey, p]));
    const firstRowOf = new Map<string, number>();
    let headRow = delegation.headParticipantId ? 0 : undefined;
    let places = Math.max(0, quota - delegation.seats.length);

    checked.forEach((row, i) => {
      const add = (error: StoredImportRowError) => row.errors.push(error);
      const key = keys[i];
      const emailValid = key !== undefined && !row.errors.some((e) => e.column === 'email');
      if (emailValid) {
        const first = firstRowOf.get(key);
        const holder = holderOf.get(key);
        if (first !== undefined) {
          add({
            column: 'email',
            code: 'DUPLICATE_IN_FILE',
            otherRow: first,
            message: `The same email is on row ${first}; one person is registered once.`,
          });
        } else if (holder) {
          firstRowOf.set(key, row.number);
          add({
            column: 'email',
            code: 'PERSON_ALREADY_REGISTERED',
            message:
              holder.delegationId === delegation._id
                ? 'This person is already registered in this delegation.'
                : revealHolder
                  ? `This person is already registered at this meeting, in the delegation of ${holder.party.name}.`
                  : 'This person is already registered at this meeting, in another delegation; one person attends in one delegation.',
          });
        } else firstRowOf.set(key, row.number);
      }
      if (row.values.role === 'head' && !row.errors.some((e) => e.column === 'role')) {
        if (headRow === 0) {
          add({
            column: 'role',
            code: 'HEAD_EXISTS',
            message: 'The delegation already has a head; a delegation has one.',
          });
        } else if (headRow !== undefined) {
          add({
            column: 'role',
            code: 'HEAD_TWICE_IN_FILE',
            otherRow: headRow,
            message: `Row ${headRow} is already the head; a delegation has one.`,
          });
        } else if (row.errors.length === 0) headRow = row.number;
      }
      if (row.errors.length > 0) return;
      if (places === 0) {
        add({
          code: 'QUOTA_FULL',
          message: `No place is left for this row: the delegation may have ${quota} people and the rows before it take the places left.`,
        });
        return;
      }
      places--;
    });
    return checked;
  }
}
