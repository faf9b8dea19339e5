import type {
  ReportDetailsView,
  ReportVersionSummaryView,
  ReportVersionView,
  ReportView,
} from '@plenary/contracts';
import { publishedVersion, reportState, workingVersion } from './report-lifecycle.js';
import type { ReportVersion, StoredReport } from './schemas/report.schema.js';

export function toReportVersionView(version: ReportVersion): ReportVersionView {
  return {
    number: version.number,
    state: version.state,
    content: version.content,
    ...(version.basedOn ? { basedOn: version.basedOn } : {}),
    ...(version.changeNote ? { changeNote: version.changeNote } : {}),
    createdAt: version.createdAt.toISOString(),
    ...(version.submittedAt ? { submittedAt: version.submittedAt.toISOString() } : {}),
    ...(version.publishedAt ? { publishedAt: version.publishedAt.toISOString() } : {}),
    ...(version.attendance ? { attendance: version.attendance } : {}),
  };
}

/** What anyone sees, and what the reports topic carries: the published version, never a draft's text. */
export function toReportView(report: StoredReport): ReportView {
  const published = publishedVersion(report);
  const working = workingVersion(report);
  const first =
    report.versions.find((v) => v.number === 1)?.publishedAt ??
    report.versions.find((v) => v.publishedAt)?.publishedAt;
  return {
    id: report._id,
    eventId: report.eventId,
    language: report.language,
    original: report.original,
    state: reportState(report),
    ...(published
      ? {
          published: {
            number: published.number,
            content: published.content,
            attendance: published.attendance!,
            publishedAt: published.publishedAt!.toISOString(),
            ...(published.changeNote ? { changeNote: published.changeNote } : {}),
          },
        }
      : {}),
    ...(first ? { firstPublishedAt: first.toISOString() } : {}),
    ...(working
      ? { working: { number: working.number, state: working.state as 'draft' | 'in-review' } }
      : {}),
    ...(report.withdrawal
      ? { withdrawal: { reason: report.withdrawal.reason, at: report.withdrawal.at.toISOString() } }
      : {}),
    version: report.version,
  };
}

/** What the secretariat sees: also the text of the version being written. */
export function toReportDetailsView(report: StoredReport): ReportDetailsView {
  const working = workingVersion(report);
  return { ...toReportView(report), ...(working ? { workingVersion: toReportVersionView(working) } : {}) };
}

export function toVersionSummary(version: ReportVersion): ReportVersionSummaryView {
  return {
    number: version.number,
    state: version.state,
    title: version.content.title,
    ...(version.changeNote ? { changeNote: version.changeNote } : {}),
    createdAt: version.createdAt.toISOString(),
    ...(version.createdByName ? { createdBy: version.createdByName } : {}),
    ...(version.publishedAt ? { publishedAt: version.publishedAt.toISOString() } : {}),
    ...(version.publishedByName ? { publishedBy: version.publishedByName } : {}),
  };
}
