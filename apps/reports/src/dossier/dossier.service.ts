import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DossierView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { AttendanceService } from '../attendance/attendance.service.js';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { publishedVersion } from '../reports/report-lifecycle.js';
import { toReportView } from '../reports/report-view.mapper.js';
import { ReportsErrorCode, ReportsException } from '../reports/reports.exception.js';
import { ReportRecord, type StoredReport, WITHOUT_OUTBOX } from '../reports/schemas/report.schema.js';

/** A meeting's dossier, from this service's own data: the meeting, who takes part, its published outcome. */
@Injectable()
export class DossierService {
  constructor(
    @InjectModel(ReportRecord.name) private readonly reports: Model<ReportRecord>,
    private readonly eventCopies: EventCopiesService,
    private readonly attendance: AttendanceService,
  ) {}

  async dossier(eventId: string): Promise<DossierView> {
    const event = await this.eventCopies.find(eventId);
    if (!event || event.state === 'draft') {
      throw new ReportsException(
        ReportsErrorCode.EVENT_NOT_FOUND,
        `No announced meeting with id ${eventId} is known to the reports service.`,
      );
    }
    const [attendance, reports] = await Promise.all([
      this.attendance.attendance(eventId),
      this.reports
        .find({ eventId }, WITHOUT_OUTBOX)
        .sort({ original: -1, language: 1 })
        .lean<StoredReport[]>()
        .exec(),
    ]);
    return {
      event,
      attendance,
      reports: reports
        .filter((r) => publishedVersion(r))
        .map((r) => ({
          language: r.language,
          original: r.original,
          reportId: r._id,
          published: toReportView(r).published!,
          links: {
            html: `/reports/${r._id}.html`,
            markdown: `/reports/${r._id}.md`,
            pdf: `/reports/${r._id}.pdf`,
          },
        })),
    };
  }
}
