import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Gender } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { ParticipantRecord } from '../participants/schemas/participant.schema.js';

/** Reads participants' gender from their records: the one summary field no message carries. */
@Injectable()
export class ParticipantGenders {
  constructor(@InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>) {}

  async of(ids: readonly string[]): Promise<Map<string, Gender | undefined>> {
    if (ids.length === 0) return new Map();
    const found = await this.participants
      .find({ _id: { $in: [...ids] } }, { gender: 1 })
      .lean<Array<{ _id: string; gender?: Gender }>>()
      .exec();
    return new Map(found.map((r) => [r._id, r.gender]));
  }
}
