import { describe, expect, it } from '@jest/globals';
import type { AttendanceView, ReportContent } from '@plenary/contracts';
import { publishedVersion, ReportLifecycle, reportState, workingVersion } from './report-lifecycle.js';
import type { StoredReport } from './schemas/report.schema.js';

const NOW = new Date('2027-11-22T10:00:00Z');
const content = (summary?: string): ReportContent => ({
  title: 'Outcome',
  ...(summary ? { summary } : {}),
  sections: [],
  statements: [],
  decisions: [],
  recommendations: [],
  followUps: [],
  annexes: [],
});
const attendance = {
  eventId: 'e',
  delegations: [],
  totals: { delegations: 0, participants: 0, accredited: 0, checkedIn: 0 },
  compiledAt: NOW.toISOString(),
} as AttendanceView;
const held = { eventState: 'concluded' as const, attendance, now: NOW, by: 'secretariat-1' };

function newReport(summary = 'What happened'): StoredReport {
  return {
    _id: 'r',
    eventId: 'e',
    language: 'en',
    original: true,
    versions: [{ number: 1, state: 'draft', content: content(summary), createdAt: NOW, createdBy: 's' }],
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

const published = () => {
  const report = newReport();
  ReportLifecycle.submit(report, NOW);
  ReportLifecycle.publish(report, held);
  return report;
};

describe('the life of a report', () => {
  it('goes draft → in-review → published, freezing attendance', () => {
    const report = newReport();
    expect(reportState(report)).toBe('draft');
    expect(ReportLifecycle.submit(report, NOW)).toBe('report.submitted');
    expect(reportState(report)).toBe('in-review');
    expect(ReportLifecycle.publish(report, held)).toBe('report.published');
    expect(reportState(report)).toBe('published');
    expect(publishedVersion(report)).toMatchObject({ number: 1, publishedAt: NOW, attendance });
    expect(workingVersion(report)).toBeUndefined();
  });

  it('edits only a draft, and sends a version in review back to draft', () => {
    const report = newReport();
    ReportLifecycle.submit(report, NOW);
    expect(() => ReportLifecycle.edit(report, () => content('x'))).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    ReportLifecycle.returnToDraft(report);
    ReportLifecycle.edit(report, () => content('Rewritten'));
    expect(report.versions[0].content.summary).toBe('Rewritten');
  });

  it('publishes only once the meeting was held, and with a summary', () => {
    const early = newReport();
    ReportLifecycle.submit(early, NOW);
    expect(() => ReportLifecycle.publish(early, { ...held, eventState: 'registration-closed' })).toThrow(
      expect.objectContaining({
        code: 'EVENT_NOT_HELD',
        message: expect.stringContaining('registration-closed'),
      }),
    );
    const bare = newReport('');
    ReportLifecycle.submit(bare, NOW);
    expect(() => ReportLifecycle.publish(bare, held)).toThrow(
      expect.objectContaining({ code: 'SUMMARY_MISSING' }),
    );
    expect(() => ReportLifecycle.publish(newReport(), held)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('amends a published report as a new version that supersedes it, with a change note', () => {
    const report = published();
    expect(() => ReportLifecycle.edit(report, () => content('x'))).toThrow(
      expect.objectContaining({ code: 'NO_DRAFT' }),
    );
    expect(ReportLifecycle.amend(report, NOW, 's', 'Aliya Desk')).toBe('report.drafted');
    expect(() => ReportLifecycle.amend(report, NOW, 's')).toThrow(
      expect.objectContaining({ code: 'DRAFT_EXISTS' }),
    );
    expect(workingVersion(report)).toMatchObject({
      number: 2,
      basedOn: 1,
      content: report.versions[0].content,
      createdByName: 'Aliya Desk',
    });
    ReportLifecycle.submit(report, NOW);
    expect(() => ReportLifecycle.publish(report, held)).toThrow(
      expect.objectContaining({ code: 'CHANGE_NOTE_MISSING' }),
    );
    const later = new Date('2027-12-12T11:09:00Z');
    expect(
      ReportLifecycle.publish(report, {
        ...held,
        now: later,
        changeNote: 'Follow-up actions added',
        byName: 'Aliya Desk',
      }),
    ).toBe('report.amended');
    // Who did it, by name, for the people reading the list of versions.
    expect(publishedVersion(report)).toMatchObject({
      publishedBy: 'secretariat-1',
      publishedByName: 'Aliya Desk',
    });
    expect(report.versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    // The published version is untouched by what comes after it.
    expect(report.versions[0].publishedAt).toEqual(NOW);
  });

  it('withdraws a published report with a reason; publishing an amendment puts it back', () => {
    expect(() => ReportLifecycle.withdraw(newReport(), 'x', NOW, 's')).toThrow(
      expect.objectContaining({ code: 'NOTHING_PUBLISHED' }),
    );
    const report = published();
    expect(ReportLifecycle.withdraw(report, 'Published too early', NOW, 's')).toBe('report.withdrawn');
    expect(reportState(report)).toBe('withdrawn');
    expect(() => ReportLifecycle.withdraw(report, 'again', NOW, 's')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    ReportLifecycle.amend(report, NOW, 's');
    ReportLifecycle.submit(report, NOW);
    ReportLifecycle.publish(report, { ...held, changeNote: 'Approved by the chair' });
    expect(reportState(report)).toBe('published');
    expect(report.withdrawal).toBeUndefined();
  });
});
