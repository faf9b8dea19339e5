import type { AttendanceView, EventView, ReportContent, ReportStatement } from '@plenary/contracts';

/** A moment in the meeting's time zone, written as on the seed page: "12 December, 2014 - 17:09". */
export function changedOnText(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day} ${parts.month}, ${parts.year} - ${parts.hour}:${parts.minute}`;
}

function dateText(event: EventView): string {
  const day = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: event.timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(iso));
  const [start, end] = [day(event.startsAt), day(event.endsAt)];
  return start === end ? start : `${start} – ${end}`;
}

export interface AttendanceLine {
  party: string;
  head?: { name: string; originalName?: string; position?: string };
}

export interface ReportDocument {
  language: string;
  title: string;
  meeting: { title: string; date?: string; place?: string; process?: string; description?: string };
  summary?: string;
  attendance: { lines: AttendanceLine[]; totals: string };
  sections: ReportContent['sections'];
  statements: Array<ReportStatement & { partyName?: string }>;
  decisions: Array<{ kind: string; text: string; parties: string[] }>;
  recommendations: string[];
  followUps: ReportContent['followUps'];
  annexes: ReportContent['annexes'];
  /** "Changed on 12 December, 2014 - 17:09" for an amendment, "Published on …" for the first version. */
  stamp?: string;
  changeNote?: string;
  versionLabel: string;
  withdrawn?: string;
}

export interface ReportDocumentSource {
  language: string;
  number: number;
  state: string;
  content: ReportContent;
  publishedAt?: Date;
  changeNote?: string;
  attendance?: AttendanceView;
  withdrawalReason?: string;
}

/**
 * What every rendering of a report shows, built only from the report and the meeting: title,
 * date, place, who took part, what was discussed, what was agreed, when it last changed.
 */
export function buildReportDocument(
  source: ReportDocumentSource,
  event: EventView | undefined,
): ReportDocument {
  const partyName = (code: string) => event?.parties.find((p) => p.code === code)?.name ?? code;
  const timeZone = event?.timeZone ?? 'UTC';
  const attendance = source.attendance;
  const venue = event?.venue ? [event.venue.name, event.venue.city].filter(Boolean).join(', ') : undefined;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const totals = attendance
    ? `${count(attendance.totals.delegations, 'delegation', 'delegations')}, ` +
      count(attendance.totals.accredited, 'accredited participant', 'accredited participants') +
      (attendance.totals.checkedIn > 0 ? `, ${attendance.totals.checkedIn} present` : '')
    : 'Attendance is compiled when the report is published.';
  const { content } = source;
  return {
    language: source.language,
    title: content.title,
    meeting: {
      title: event?.title ?? content.title,
      ...(event ? { date: dateText(event) } : {}),
      ...(venue ? { place: venue } : {}),
      ...(event?.process ? { process: event.process.name } : {}),
      ...(event?.description ? { description: event.description } : {}),
    },
    ...(content.summary ? { summary: content.summary } : {}),
    attendance: {
      lines: (attendance?.delegations ?? []).map((d) => ({
        party: d.party.name,
        ...(d.head
          ? {
              head: {
                name: `${d.head.name.givenLatin} ${d.head.name.familyLatin}`,
                ...(d.head.name.given !== d.head.name.givenLatin ||
                d.head.name.family !== d.head.name.familyLatin
                  ? { originalName: `${d.head.name.given} ${d.head.name.family}` }
                  : {}),
                ...(d.head.position ? { position: d.head.position } : {}),
              },
            }
          : {}),
      })),
      totals,
    },
    sections: content.sections,
    statements: content.statements.map((s) => ({
      ...s,
      ...(s.party ? { partyName: partyName(s.party) } : {}),
    })),
    decisions: content.decisions.map((d) => ({
      kind: d.kind,
      text: d.text,
      parties: d.parties.map(partyName),
    })),
    recommendations: content.recommendations.map((r) => r.text),
    followUps: content.followUps,
    annexes: content.annexes,
    ...(source.publishedAt
      ? {
          stamp: `${source.number > 1 ? 'Changed' : 'Published'} on ${changedOnText(source.publishedAt, timeZone)}`,
        }
      : {}),
    ...(source.changeNote ? { changeNote: source.changeNote } : {}),
    versionLabel: source.publishedAt
      ? `Version ${source.number}`
      : `Version ${source.number} (${source.state}, not published)`,
    ...(source.withdrawalReason ? { withdrawn: source.withdrawalReason } : {}),
  };
}
