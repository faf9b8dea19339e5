import type { DelegationDetailsView, EventView, ParticipantDetailsView } from '@plenary/contracts';
import { call, untilAccepted } from '../../scripts/lib/api-client.js';
import type { BenchServices } from './bench-stack.js';

export interface BenchMeeting {
  eventId: string;
  delegationIds: string[];
  quotaPerDelegation: number;
}

/**
 * A meeting open for registration with `parties` organisations (the most a meeting may invite
 * is 300, each delegation up to 500 people), each with its delegation registered.
 */
export async function openMeetingWithDelegations(
  services: BenchServices,
  token: string,
  parties: number,
  quotaPerDelegation = 500,
): Promise<BenchMeeting> {
  const year = new Date().getUTCFullYear() + 1;
  const codes = Array.from({ length: parties }, (_, i) => `ORG${String(i + 1).padStart(3, '0')}`);
  const draft = await call<EventView>('POST', `${services.url('events')}/events`, token, {
    title: 'Benchmark plenary session',
    kind: 'meeting',
    languages: ['en'],
    startsAt: `${year}-06-01T09:00:00Z`,
    endsAt: `${year}-06-03T17:00:00Z`,
    timeZone: 'Europe/Zurich',
    venue: { name: 'Palais des Nations', city: 'Geneva', country: 'CHE' },
    parties: codes.map((code) => ({ code, name: `Organisation ${code}`, standings: ['member'] })),
    registration: {
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: `${year}-05-25T17:00:00Z`,
      quotaPerDelegation,
    },
  });
  await call('POST', `${services.url('events')}/events/${draft.id}/announce`, token);
  await call('POST', `${services.url('events')}/events/${draft.id}/open-registration`, token);
  const delegationIds: string[] = [];
  for (const code of codes) {
    const delegation = await untilAccepted(
      () =>
        call<DelegationDetailsView>(
          'POST',
          `${services.url('participants')}/events/${draft.id}/delegations`,
          token,
          {
            party: code,
            coordinator: {
              name: `Coordinator of ${code}`,
              email: `coordinator@${code.toLowerCase()}.example`,
            },
          },
        ),
      30_000,
    );
    delegationIds.push(delegation.id);
  }
  return { eventId: draft.id, delegationIds, quotaPerDelegation };
}

/** The i-th person of a run: a unique email, a plausible name, a non-head role (one head per delegation). */
export function person(run: string, i: number) {
  return {
    name: { given: `Given${i}`, family: `Family${run}${i}` },
    role: 'member',
    email: `person${i}@${run}.example`,
    position: 'Delegate',
    organization: 'Ministry of Foreign Affairs',
    gender: i % 2 ? 'female' : 'male',
  };
}

/** Registers one person over HTTP (in the meeting's first delegation), as a client would. */
export function registerOne(
  services: BenchServices,
  meeting: BenchMeeting,
  token: string,
  run: string,
): Promise<ParticipantDetailsView> {
  return call<ParticipantDetailsView>(
    'POST',
    `${services.url('participants')}/delegations/${meeting.delegationIds[0]}/participants`,
    token,
    person(run, 0),
  );
}
