import { issueToken } from '@plenary/auth';
import type {
  DelegationDetailsView,
  EventPageView,
  EventView,
  ParticipantDetailsView,
  ReportDetailsView,
  ReportView,
} from '@plenary/contracts';
import { call, untilAccepted } from '../lib/api-client.js';
import {
  DEMO_TITLE,
  demoDelegations,
  demoMeeting,
  NEXT_MEETING_TITLE,
  nextMeeting,
} from './almaty-process-meeting.js';
import { AMENDMENT_NOTE, demoAmendment, demoOutcome } from './almaty-process-outcome.js';

export interface DemoUrls {
  events: string;
  participants: string;
  reports: string;
}

export interface Demo {
  /** The seed meeting, held and concluded, with its outcome report. */
  seedEventId: string;
  reportId: string;
  /** The next meeting, with registration open: the coordinators' walkthrough. */
  eventId: string;
  created: boolean;
  /**
   * Why the demo found in the store is not whole (an earlier load was interrupted), or undefined.
   * It is then left as it is: resuming from any step would be guesswork.
   */
  incomplete?: string;
}

/**
 * Loads the demo through the public APIs, exactly as the secretariat and the parties'
 * coordinators would, so the demo exercises the real path. Does nothing if it is there already.
 */
export async function loadDemo(urls: DemoUrls, secret: string): Promise<Demo> {
  const secretariat = await issueToken(
    { subject: 'demo-secretariat', role: 'secretariat', name: 'Demo secretariat' },
    { secret },
  );
  const existing = await findByTitle(urls.events, secretariat, DEMO_TITLE);
  if (existing) {
    const next = await findByTitle(urls.events, secretariat, NEXT_MEETING_TITLE);
    const [report] = await call<ReportView[]>(
      'GET',
      `${urls.reports}/events/${existing.id}/reports`,
      secretariat,
    );
    const missing = [
      ...(existing.state === 'concluded' ? [] : [`the seed meeting is ${existing.state}, not concluded`]),
      ...(report ? [] : ['it has no outcome report']),
      ...(next ? [] : ['the next meeting is missing']),
    ];
    return {
      seedEventId: existing.id,
      reportId: report?.id ?? '',
      eventId: next?.id ?? existing.id,
      created: false,
      ...(missing.length > 0 ? { incomplete: missing.join('; ') } : {}),
    };
  }
  const seed = await holdSeedMeeting(urls, secretariat, secret);
  const reportId = await publishOutcome(urls, secretariat, seed.id);
  const next = await openMeeting(urls, secretariat, nextMeeting());
  return { seedEventId: seed.id, reportId, eventId: next.id, created: true };
}

async function openMeeting(
  urls: DemoUrls,
  secretariat: string,
  input: ReturnType<typeof nextMeeting>,
): Promise<EventView> {
  const draft = await call<EventView>('POST', `${urls.events}/events`, secretariat, input);
  await call('POST', `${urls.events}/events/${draft.id}/announce`, secretariat);
  return call<EventView>('POST', `${urls.events}/events/${draft.id}/open-registration`, secretariat);
}

/**
 * The seed meeting's day: registration (coordinators register delegations and people, the
 * secretariat records credentials and accredits), then the session (check-in), then its close.
 */
async function holdSeedMeeting(urls: DemoUrls, secretariat: string, secret: string): Promise<EventView> {
  const event = await openMeeting(urls, secretariat, demoMeeting());
  const present: string[] = [];
  for (const { delegation, participants, secretariat: progress } of demoDelegations) {
    const coordinator = await issueToken(
      {
        subject: `demo-coordinator-${delegation.party}`,
        role: 'coordinator',
        eventId: event.id,
        party: delegation.party,
      },
      { secret },
    );
    // The participants service learns of the open registration from a message, a moment later.
    const registered = await untilAccepted(() =>
      call<DelegationDetailsView>(
        'POST',
        `${urls.participants}/events/${event.id}/delegations`,
        coordinator,
        delegation,
      ),
    );
    const people: ParticipantDetailsView[] = [];
    for (const participant of participants) {
      people.push(
        await call<ParticipantDetailsView>(
          'POST',
          `${urls.participants}/delegations/${registered.id}/participants`,
          coordinator,
          participant,
        ),
      );
    }
    if (progress === 'nothing') continue;
    await call(
      'POST',
      `${urls.participants}/delegations/${registered.id}/credentials-received`,
      secretariat,
      {},
    );
    if (progress !== 'accredited') continue;
    await call('POST', `${urls.participants}/delegations/${registered.id}/accredit`, secretariat);
    for (const person of people) {
      await call('POST', `${urls.participants}/participants/${person.id}/accredit`, secretariat);
      present.push(person.id);
    }
  }
  for (const step of ['close-registration', 'start'])
    await call('POST', `${urls.events}/events/${event.id}/${step}`, secretariat);
  for (const id of present)
    await call('POST', `${urls.participants}/participants/${id}/check-in`, secretariat);
  return call<EventView>('POST', `${urls.events}/events/${event.id}/conclude`, secretariat);
}

/** The outcome report: drafted, reviewed, published; then amended once, as the seed page was weeks later. */
async function publishOutcome(urls: DemoUrls, secretariat: string, eventId: string): Promise<string> {
  const report = await untilAccepted(() =>
    call<ReportDetailsView>('POST', `${urls.reports}/events/${eventId}/reports`, secretariat, {
      language: 'en',
      content: demoOutcome(),
    }),
  );
  await call('POST', `${urls.reports}/reports/${report.id}/submit`, secretariat);
  // The reports service publishes once it has heard that the meeting took place.
  await untilAccepted(() => call('POST', `${urls.reports}/reports/${report.id}/publish`, secretariat, {}));
  const amending = await call<ReportDetailsView>(
    'POST',
    `${urls.reports}/reports/${report.id}/amend`,
    secretariat,
  );
  await call('PATCH', `${urls.reports}/reports/${report.id}/draft`, secretariat, demoAmendment(), {
    'if-match': `"${amending.version}"`,
  });
  await call('POST', `${urls.reports}/reports/${report.id}/submit`, secretariat);
  await call('POST', `${urls.reports}/reports/${report.id}/publish`, secretariat, {
    changeNote: AMENDMENT_NOTE,
  });
  return report.id;
}

async function findByTitle(eventsUrl: string, token: string, title: string): Promise<EventView | undefined> {
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=200&cursor=${cursor}` : '?limit=200';
    const page: EventPageView = await call<EventPageView>('GET', `${eventsUrl}/events${query}`, token);
    const found = page.items.find((e) => e.title === title);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}
