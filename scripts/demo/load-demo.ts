import { issueToken } from '@plenary/auth';
import type {
  DelegationDetailsView,
  EventPageView,
  EventView,
  ParticipantDetailsView,
} from '@plenary/contracts';
import { call, untilAccepted } from '../lib/api-client.js';
import { demoDelegations, demoMeeting, DEMO_TITLE } from './almaty-process-meeting.js';

export interface DemoUrls {
  events: string;
  participants: string;
  reports: string;
}

/**
 * Loads the demo meeting through the public APIs, exactly as a secretariat and the parties'
 * coordinators would, so the demo exercises the real path: create the draft, announce it, open
 * registration; coordinators register their delegations and people; the secretariat records
 * credentials and accredits some. Does nothing if the meeting is there already.
 */
export async function loadDemo(
  urls: DemoUrls,
  secret: string,
): Promise<{ eventId: string; created: boolean }> {
  const secretariat = await issueToken(
    { subject: 'demo-secretariat', role: 'secretariat', name: 'Demo secretariat' },
    { secret },
  );

  const existing = await findByTitle(urls.events, secretariat);
  if (existing) return { eventId: existing.id, created: false };

  const draft = await call<EventView>('POST', `${urls.events}/events`, secretariat, demoMeeting());
  await call<EventView>('POST', `${urls.events}/events/${draft.id}/announce`, secretariat);
  const event = await call<EventView>(
    'POST',
    `${urls.events}/events/${draft.id}/open-registration`,
    secretariat,
  );
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
      const url = `${urls.participants}/delegations/${registered.id}/participants`;
      people.push(await call<ParticipantDetailsView>('POST', url, coordinator, participant));
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
    for (const person of people)
      await call('POST', `${urls.participants}/participants/${person.id}/accredit`, secretariat);
  }
  return { eventId: event.id, created: true };
}

async function findByTitle(eventsUrl: string, token: string): Promise<EventView | undefined> {
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=200&cursor=${cursor}` : '?limit=200';
    const page: EventPageView = await call<EventPageView>('GET', `${eventsUrl}/events${query}`, token);
    const found = page.items.find((e) => e.title === DEMO_TITLE);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}
