import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ReportMessages } from '@plenary/contracts';
import { OutboxService } from '@plenary/messaging';
import type { Model } from 'mongoose';
import { toReportView } from './report-view.mapper.js';
import { ReportRecord, type StoredReport } from './schemas/report.schema.js';

export type ReportMessageType = keyof typeof ReportMessages;

/**
 * The one class that writes the reports collection. A report and all its versions are one
 * document, so each change — a draft's edit, a publication, an amendment — is one
 * version-checked single-document update carrying the message that announces it.
 */
@Injectable()
export class ReportWriter {
  constructor(
    @InjectModel(ReportRecord.name) private readonly reports: Model<ReportRecord>,
    private readonly outbox: OutboxService,
  ) {}

  /** Inserts a new report with its report.drafted message (a duplicate-key error if its language exists). */
  async insert(report: StoredReport): Promise<void> {
    await this.outbox.insert(this.reports, report, this.message('report.drafted', report));
  }

  /** Replaces `before` by `next` if no one changed it meanwhile; false, changing nothing, if someone did. */
  async replace(
    before: StoredReport,
    next: StoredReport,
    type: ReportMessageType | undefined,
  ): Promise<boolean> {
    const update = {
      $set: {
        versions: next.versions,
        updatedAt: next.updatedAt,
        ...(next.withdrawal ? { withdrawal: next.withdrawal } : {}),
      },
      ...(before.withdrawal && !next.withdrawal ? { $unset: { withdrawal: '' } } : {}),
    };
    return this.outbox.update(
      this.reports,
      before._id,
      before.version,
      update,
      type ? this.message(type, next) : [],
    );
  }

  private message(type: ReportMessageType, report: StoredReport) {
    return this.outbox.messages(type, {
      key: report.eventId,
      subject: `reports/${report._id}`,
      data: { report: toReportView(report) },
    });
  }
}
