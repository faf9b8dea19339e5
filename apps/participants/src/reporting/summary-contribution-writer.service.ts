import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { SummaryContributionRecord } from './schemas/summary-contribution.schema.js';
import { asContribution, type StoredContribution } from './summary-contribution.js';

/** A bulk write whose only failures are upserts that met a newer contribution (duplicate _id). */
const onlyMetNewer = (error: unknown): boolean => {
  const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
  if (!Array.isArray(writeErrors)) return isDuplicateKeyError(error);
  return writeErrors.length > 0 && writeErrors.every((e) => isDuplicateKeyError(e));
};

/** The one class that writes summary_contributions (what each participant adds to their meeting's summary). */
@Injectable()
export class SummaryContributionWriter {
  constructor(
    @InjectModel(SummaryContributionRecord.name)
    private readonly contributions: Model<SummaryContributionRecord>,
  ) {}

  async ofParticipants(ids: readonly string[]): Promise<StoredContribution[]> {
    if (ids.length === 0) return [];
    const found = await this.contributions
      .find({ _id: { $in: [...ids] } })
      .lean<SummaryContributionRecord[]>()
      .exec();
    return found.map((c) => asContribution({ ...c, id: c._id }));
  }

  async ofMeeting(eventId: string): Promise<StoredContribution[]> {
    const found = await this.contributions.find({ eventId }).lean<SummaryContributionRecord[]>().exec();
    return found.map((c) => asContribution({ ...c, id: c._id }));
  }

  /**
   * Writes each contribution unless the one stored is newer (or, with `orEqual: false`, as new):
   * one bulk write, in any order. A contribution already at that version or newer makes its
   * upsert collide on _id, which is the intended no-op.
   */
  async writeUnlessNewer(
    contributions: readonly StoredContribution[],
    { orEqual = false } = {},
  ): Promise<void> {
    if (contributions.length === 0) return;
    try {
      await this.contributions.bulkWrite(
        contributions.map(({ id, ...fields }) => ({
          replaceOne: {
            filter: { _id: id, version: orEqual ? { $lte: fields.version } : { $lt: fields.version } },
            replacement: { _id: id, ...fields },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    } catch (error) {
      if (!onlyMetNewer(error)) throw error;
    }
  }
}
