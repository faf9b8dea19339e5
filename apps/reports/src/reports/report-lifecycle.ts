import type {
  AttendanceView,
  EventState,
  ReportContent,
  ReportMessages,
  ReportState,
} from '@plenary/contracts';
import { ReportsErrorCode, ReportsException } from './reports.exception.js';
import type { ReportVersion, StoredReport } from './schemas/report.schema.js';

type ReportMessageType = keyof typeof ReportMessages;

/** Publication needs the meeting to have taken place (or to be under way). */
export const HELD_STATES: readonly EventState[] = ['in-session', 'concluded'];

export const workingVersion = (report: StoredReport): ReportVersion | undefined =>
  report.versions.find((v) => v.state === 'draft' || v.state === 'in-review');

export const publishedVersion = (report: StoredReport): ReportVersion | undefined =>
  report.versions.find((v) => v.state === 'published');

export function reportState(report: StoredReport): ReportState {
  if (report.withdrawal) return 'withdrawn';
  const working = workingVersion(report);
  if (publishedVersion(report)) return 'published';
  return working?.state === 'in-review' ? 'in-review' : 'draft';
}

function refuse(code: ReportsErrorCode, message: string): never {
  throw new ReportsException(code, message);
}

function requireWorking(report: StoredReport, state: 'draft' | 'in-review', doing: string): ReportVersion {
  const working = workingVersion(report);
  if (!working)
    return refuse(
      ReportsErrorCode.NO_DRAFT,
      `There is no draft to ${doing}; start an amendment of the published report first.`,
    );
  if (working.state !== state) {
    return refuse(
      ReportsErrorCode.INVALID_TRANSITION,
      `Version ${working.number} is ${working.state}; only a version that is ${state} can be ${doing === 'edit' ? 'edited' : `${doing}ed`}.`,
    );
  }
  return working;
}

/**
 * The rules of a report's life, as changes to its versions:
 * draft → in-review (submit) → published, or back to draft (return);
 * a published version never changes: an amendment is a new draft from it, and publishing the
 * amendment supersedes it; a published report may be withdrawn (with a reason).
 * Each returns the message type announcing the change.
 */
export const ReportLifecycle = {
  /** Rewrites the draft's content; only a draft (not a version in review, never a published one) changes. */
  edit(report: StoredReport, change: (content: ReportContent) => ReportContent): void {
    const working = requireWorking(report, 'draft', 'edit');
    working.content = change(working.content);
  },

  submit(report: StoredReport, now: Date): ReportMessageType {
    const working = requireWorking(report, 'draft', 'submit');
    working.state = 'in-review';
    working.submittedAt = now;
    return 'report.submitted';
  },

  returnToDraft(report: StoredReport): void {
    requireWorking(report, 'in-review', 'return').state = 'draft';
  },

  publish(
    report: StoredReport,
    context: {
      eventState: EventState;
      attendance: AttendanceView;
      changeNote?: string;
      now: Date;
      by: string;
      byName?: string;
    },
  ): ReportMessageType {
    const working = requireWorking(report, 'in-review', 'publish');
    if (!HELD_STATES.includes(context.eventState)) {
      refuse(
        ReportsErrorCode.EVENT_NOT_HELD,
        `The meeting is ${context.eventState}; its outcome is published once it is in session or concluded.`,
      );
    }
    if (!working.content.summary?.trim())
      refuse(ReportsErrorCode.SUMMARY_MISSING, 'A report is published with a summary; add one to the draft.');
    const previous = publishedVersion(report);
    const amendment = report.versions.some((v) => v.publishedAt);
    if (amendment && !context.changeNote) {
      refuse(
        ReportsErrorCode.CHANGE_NOTE_MISSING,
        'An amendment is published with a change note that says what changed.',
      );
    }
    if (previous) previous.state = 'superseded';
    Object.assign(working, {
      state: 'published',
      publishedAt: context.now,
      publishedBy: context.by,
      ...(context.byName ? { publishedByName: context.byName } : {}),
      attendance: context.attendance,
      ...(context.changeNote ? { changeNote: context.changeNote } : {}),
    });
    delete report.withdrawal;
    return amendment ? 'report.amended' : 'report.published';
  },

  amend(report: StoredReport, now: Date, by: string, byName?: string): ReportMessageType {
    const working = workingVersion(report);
    if (working)
      refuse(
        ReportsErrorCode.DRAFT_EXISTS,
        `Version ${working.number} is already being written (${working.state}).`,
      );
    const last = [...report.versions].reverse().find((v) => v.publishedAt);
    if (!last)
      refuse(ReportsErrorCode.NOTHING_PUBLISHED, 'Nothing is published yet: edit the draft instead.');
    report.versions.push({
      number: Math.max(...report.versions.map((v) => v.number)) + 1,
      state: 'draft',
      content: structuredClone(last.content),
      basedOn: last.number,
      createdAt: now,
      createdBy: by,
      ...(byName ? { createdByName: byName } : {}),
    });
    return 'report.drafted';
  },

  withdraw(report: StoredReport, reason: string, now: Date, by: string): ReportMessageType {
    if (!publishedVersion(report))
      refuse(ReportsErrorCode.NOTHING_PUBLISHED, 'Only a published report can be withdrawn.');
    if (report.withdrawal) refuse(ReportsErrorCode.INVALID_TRANSITION, 'The report is already withdrawn.');
    report.withdrawal = { reason, at: now, by };
    return 'report.withdrawn';
  },
};
