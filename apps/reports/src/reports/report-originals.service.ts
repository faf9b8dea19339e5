import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { ReportOriginal } from './schemas/report-original.schema.js';
import { ReportRecord } from './schemas/report.schema.js';

/** A request takes milliseconds between its claim and its insert. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * One original report per meeting, kept by a claim document with the meeting's id, taken before
 * the report is inserted and given back if the insert fails. The only writer of report_originals.
 */
@Injectable()
export class ReportOriginals {
  constructor(
    @InjectModel(ReportOriginal.name) private readonly originals: Model<ReportOriginal>,
    @InjectModel(ReportRecord.name) private readonly reports: Model<ReportRecord>,
    private readonly clock: Clock,
  ) {}

  /** Claims the original of the meeting for this report; false if another report holds it. */
  async claim(eventId: string, reportId: string): Promise<boolean> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.originals.create({ _id: eventId, reportId, claimedAt: this.clock.now() });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const held = await this.originals.findById(eventId).lean<ReportOriginal>().exec();
      if (!held) continue; // given back meanwhile: claim it again
      if (held.reportId === reportId) return true;
      // A claim whose report was never inserted, long after (its request died in between),
      // holds nothing; a recent one may be a request still on its way.
      const stale = this.clock.now().getTime() - new Date(held.claimedAt).getTime() > ABANDONED_AFTER_MS;
      if (!stale || (await this.reports.exists({ _id: held.reportId }))) return false;
      await this.originals.deleteOne({ _id: eventId, reportId: held.reportId });
    }
    return false;
  }

  /** Gives the claim back if this report holds it (its insert failed). */
  async release(eventId: string, reportId: string): Promise<void> {
    await this.originals.deleteOne({ _id: eventId, reportId });
  }
}
