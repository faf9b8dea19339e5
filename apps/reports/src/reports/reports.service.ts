import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type {
  CreateReportDto,
  EventView,
  ReportContent,
  ReportDetailsView,
  ReportDiffView,
  ReportVersionSummaryView,
  ReportVersionView,
  ReportView,
  UpdateDraftDto,
} from '@plenary/contracts';
import { isDuplicateKeyError } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import { createTwoFilesPatch, diffLines } from 'diff';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { AttendanceService } from '../attendance/attendance.service.js';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { buildReportDocument, type ReportDocument } from '../rendering/report-document.js';
import { renderMarkdown } from '../rendering/render-markdown.js';
import { publishedVersion, ReportLifecycle } from './report-lifecycle.js';
import {
  toReportDetailsView,
  toReportVersionView,
  toReportView,
  toVersionSummary,
} from './report-view.mapper.js';
import { ReportOriginals } from './report-originals.service.js';
import { type ReportMessageType, ReportWriter } from './report-writer.service.js';
import { ReportsErrorCode, ReportsException } from './reports.exception.js';
import {
  ReportRecord,
  type ReportVersion,
  type StoredReport,
  WITHOUT_OUTBOX,
} from './schemas/report.schema.js';

const EMPTY_CONTENT: Omit<ReportContent, 'title'> = {
  sections: [],
  statements: [],
  decisions: [],
  recommendations: [],
  followUps: [],
  annexes: [],
};

/** A draft's content from what was sent: lists that were left out are empty, strings trimmed of nothing else. */
function contentOf(input: Partial<ReportContent> & { title: string }): ReportContent {
  const content: ReportContent = { ...EMPTY_CONTENT, ...structuredClone(input) };
  if (!content.summary) delete content.summary;
  return content;
}

const isSecretariat = (viewer?: Principal) => viewer?.role === 'secretariat';

@Injectable()
export class ReportsService {
  constructor(
    @InjectModel(ReportRecord.name) private readonly reports: Model<ReportRecord>,
    private readonly eventCopies: EventCopiesService,
    private readonly attendance: AttendanceService,
    private readonly writer: ReportWriter,
    private readonly originals: ReportOriginals,
    private readonly clock: Clock,
  ) {}

  async create(eventId: string, input: CreateReportDto, actor: Principal): Promise<ReportDetailsView> {
    const event = await this.eventCopies.find(eventId);
    if (!event) {
      throw new ReportsException(
        ReportsErrorCode.EVENT_NOT_FOUND,
        `No meeting with id ${eventId} is known to the reports service.`,
      );
    }
    const hasOriginal = (await this.reports.countDocuments({ eventId, original: true })) > 0;
    const original = input.original ?? !hasOriginal;
    const originalExists = () =>
      new ReportsException(
        ReportsErrorCode.ORIGINAL_EXISTS,
        'This meeting already has an original report; add this one as a translation (original: false).',
      );
    if (original && hasOriginal) throw originalExists();
    const now = this.clock.now();
    const report: StoredReport = {
      _id: uuidv7(),
      eventId,
      language: input.language,
      original,
      versions: [
        {
          number: 1,
          state: 'draft',
          content: contentOf(input.content),
          createdAt: now,
          createdBy: actor.subject,
          ...(actor.name ? { createdByName: actor.name } : {}),
        },
      ],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    // The count above answers at once in the common case; the claim decides a race.
    if (original && !(await this.originals.claim(eventId, report._id))) throw originalExists();
    try {
      await this.writer.insert(report);
    } catch (error) {
      if (original) await this.originals.release(eventId, report._id);
      if (!isDuplicateKeyError(error)) throw error;
      throw new ReportsException(
        ReportsErrorCode.REPORT_EXISTS,
        `This meeting already has a report in "${input.language}"; amend that one.`,
      );
    }
    return toReportDetailsView(report);
  }

  async find(id: string): Promise<StoredReport> {
    const report = await this.reports.findById(id, WITHOUT_OUTBOX).lean<StoredReport>().exec();
    if (!report) throw ReportsException.notFound(id);
    return report;
  }

  /** The secretariat sees drafts; everyone else only reports with a published version. */
  async get(id: string, viewer: Principal): Promise<ReportView | ReportDetailsView> {
    const report = await this.find(id);
    if (isSecretariat(viewer)) return toReportDetailsView(report);
    if (!publishedVersion(report)) throw ReportsException.notFound(id);
    return toReportView(report);
  }

  async list(eventId: string, viewer: Principal): Promise<Array<ReportView | ReportDetailsView>> {
    const reports = await this.reports
      .find({ eventId }, WITHOUT_OUTBOX)
      .sort({ original: -1, language: 1 })
      .lean<StoredReport[]>()
      .exec();
    return isSecretariat(viewer)
      ? reports.map(toReportDetailsView)
      : reports.filter((r) => publishedVersion(r)).map(toReportView);
  }

  editDraft(
    id: string,
    input: UpdateDraftDto,
    actor: Principal,
    expectedVersion: number,
  ): Promise<ReportDetailsView> {
    return this.change(id, expectedVersion, (report) => {
      ReportLifecycle.edit(report, (current) => {
        const next: ReportContent = { ...current, ...structuredClone(input) };
        if ((input as Record<string, unknown>).summary === null) delete next.summary;
        return contentOf(next);
      });
      return undefined; // a draft's text is not published on the topic
    });
  }

  submit(id: string, expectedVersion?: number) {
    return this.change(id, expectedVersion, (report) => ReportLifecycle.submit(report, this.clock.now()));
  }

  returnToDraft(id: string, expectedVersion?: number) {
    return this.change(id, expectedVersion, (report) => {
      ReportLifecycle.returnToDraft(report);
      return undefined;
    });
  }

  /** Publishes the version in review: the meeting must have been held, attendance is frozen into it. */
  async publish(id: string, changeNote: string | undefined, actor: Principal, expectedVersion?: number) {
    const report = await this.find(id);
    const [event, attendance] = await Promise.all([
      this.eventCopies.find(report.eventId),
      this.attendance.attendance(report.eventId),
    ]);
    return this.change(id, expectedVersion, (current) =>
      ReportLifecycle.publish(current, {
        eventState: event?.state ?? 'draft',
        attendance,
        changeNote,
        now: this.clock.now(),
        by: actor.subject,
        ...(actor.name ? { byName: actor.name } : {}),
      }),
    );
  }

  amend(id: string, actor: Principal, expectedVersion?: number) {
    return this.change(id, expectedVersion, (report) =>
      ReportLifecycle.amend(report, this.clock.now(), actor.subject, actor.name),
    );
  }

  withdraw(id: string, reason: string, actor: Principal, expectedVersion?: number) {
    return this.change(id, expectedVersion, (report) =>
      ReportLifecycle.withdraw(report, reason, this.clock.now(), actor.subject),
    );
  }

  async versions(id: string): Promise<ReportVersionSummaryView[]> {
    return (await this.find(id)).versions.map(toVersionSummary);
  }

  async version(id: string, number: number): Promise<ReportVersionView> {
    return toReportVersionView(this.versionOf(await this.find(id), number));
  }

  /** A readable diff: the two versions rendered as Markdown, compared line by line. */
  async diff(id: string, from: number, to: number): Promise<ReportDiffView> {
    const report = await this.find(id);
    const event = await this.eventCopies.find(report.eventId);
    const [a, b] = [from, to].map((n) =>
      renderMarkdown(this.documentOf(report, this.versionOf(report, n), event)),
    );
    const lines = diffLines(a, b);
    const count = (added: boolean) =>
      lines.filter((l) => (added ? l.added : l.removed)).reduce((n, l) => n + (l.count ?? 0), 0);
    return {
      from,
      to,
      unified: createTwoFilesPatch(`version ${from}`, `version ${to}`, a, b, undefined, undefined, {
        context: 2,
      }),
      linesAdded: count(true),
      linesRemoved: count(false),
    };
  }

  /**
   * What a rendering shows. The public gets the version in force (or an earlier published one);
   * the secretariat may also preview a draft.
   */
  async document(id: string, number: number | undefined, viewer?: Principal): Promise<ReportDocument> {
    const report = await this.find(id);
    const version = number === undefined ? publishedVersion(report) : this.versionOf(report, number);
    if (!version || (!version.publishedAt && !isSecretariat(viewer))) {
      throw new ReportsException(
        number === undefined ? ReportsErrorCode.NOTHING_PUBLISHED : ReportsErrorCode.VERSION_NOT_FOUND,
        number === undefined
          ? 'This report has no published version yet.'
          : `Version ${number} of this report is not published.`,
      );
    }
    return this.documentOf(report, version, await this.eventCopies.find(report.eventId));
  }

  private documentOf(
    report: StoredReport,
    version: ReportVersion,
    event: EventView | undefined,
  ): ReportDocument {
    const inForce = publishedVersion(report)?.number === version.number;
    return buildReportDocument(
      {
        language: report.language,
        number: version.number,
        state: version.state,
        content: version.content,
        ...(version.publishedAt ? { publishedAt: version.publishedAt } : {}),
        ...(version.changeNote ? { changeNote: version.changeNote } : {}),
        ...(version.attendance ? { attendance: version.attendance } : {}),
        ...(inForce && report.withdrawal ? { withdrawalReason: report.withdrawal.reason } : {}),
      },
      event,
    );
  }

  private versionOf(report: StoredReport, number: number): ReportVersion {
    const version = report.versions.find((v) => v.number === number);
    if (!version)
      throw new ReportsException(ReportsErrorCode.VERSION_NOT_FOUND, `The report has no version ${number}.`);
    return version;
  }

  /**
   * One change of the report, its versions rewritten by a lifecycle rule and stored in one write
   * with the message the rule names (none for a draft's edits); 412 if it changed meanwhile.
   */
  private async change(
    id: string,
    expectedVersion: number | undefined,
    rule: (report: StoredReport) => ReportMessageType | undefined,
  ): Promise<ReportDetailsView> {
    const report = await this.find(id);
    if (expectedVersion !== undefined && expectedVersion !== report.version)
      throw ReportsException.stale(expectedVersion, report.version);
    const next = structuredClone(report);
    const type = rule(next);
    next.version = report.version + 1;
    next.updatedAt = this.clock.now();
    const written = await this.writer.replace(report, next, type);
    if (!written)
      throw ReportsException.stale(expectedVersion ?? report.version, (await this.find(id)).version);
    return toReportDetailsView(next);
  }
}
