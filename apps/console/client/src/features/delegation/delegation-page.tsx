import type { DelegationDetailsView, DelegationView } from '@libs/contracts/src/participants/delegation.view';
import type {
  ParticipantDetailsView,
  ParticipantPageView,
} from '@libs/contracts/src/participants/participant.view';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/api-client';
import type { Person } from '../../api/session';
import { useResource } from '../../api/use-resource';
import { formatDate, partyName } from '../../i18n/format';
import { useLiveChanges } from '../../live/use-live-changes';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { PeopleTable } from './people-table';
import { PersonForm } from './person-form';
import { RegisterDelegationForm } from './register-delegation-form';

interface DelegationData {
  event: EventView;
  delegation?: DelegationDetailsView;
  people: ParticipantDetailsView[];
}

async function loadDelegation(eventId: string, party: string, signal: AbortSignal): Promise<DelegationData> {
  const [event, delegations] = await Promise.all([
    api.get<EventView>('events', `/events/${eventId}`, signal),
    api.get<DelegationView[]>('participants', `/events/${eventId}/delegations`, signal),
  ]);
  const own = delegations.find((d) => d.party.code === party);
  if (!own) return { event, people: [] };
  const [delegation, page] = await Promise.all([
    api.get<DelegationDetailsView>('participants', `/delegations/${own.id}`, signal),
    api.get<ParticipantPageView>(
      'participants',
      `/events/${eventId}/participants${query({ party, limit: 100 })}`,
      signal,
    ),
  ]);
  return { event, delegation, people: page.items as ParticipantDetailsView[] };
}

/** The coordinator's page for one party at one meeting: the delegation, its seats and its people. */
export function DelegationPage(props: { eventId: string; party: string; person: Person }) {
  const { t, i18n } = useTranslation();
  const data = useResource(
    (signal) => loadDelegation(props.eventId, props.party, signal),
    [props.eventId, props.party],
  );
  useLiveChanges([props.eventId], data.reload);
  if (data.error) return <Notice tone="error">{data.error.message}</Notice>;
  if (!data.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { event, delegation, people } = data.data;
  const partyLabel = partyName(props.party, delegation?.party.name ?? props.party, i18n.language);
  return (
    <>
      <p className="eyebrow">{event.title}</p>
      <h1>{t('delegation.title', { party: partyLabel })}</h1>
      <p className="muted">
        {formatDate(event.startsAt, i18n.language, event.timeZone)} –{' '}
        {formatDate(event.endsAt, i18n.language, event.timeZone)}
        {event.venue ? ` · ${event.venue.city}` : ''}
      </p>
      {!delegation ? (
        <RegisterDelegationForm
          eventId={props.eventId}
          party={props.party}
          person={props.person}
          onDone={data.reload}
        />
      ) : (
        <>
          <section aria-labelledby="delegation-facts">
            <h2 id="delegation-facts" className="visually-hidden">
              {t('delegation.facts')}
            </h2>
            <dl className="facts facts-row">
              <dt>{t('delegation.state')}</dt>
              <dd>
                <span className={`state state-${delegation.state}`}>
                  {t(`delegationStates.${delegation.state}`)}
                </span>
              </dd>
              <dt>{t('delegation.seats')}</dt>
              <dd data-testid="seats">
                {t('delegation.seatsUsed', { taken: delegation.seats.taken, quota: delegation.seats.quota })}
              </dd>
              <dt>{t('delegation.credentialsReference')}</dt>
              <dd dir="auto">{delegation.credentialsReference ?? '—'}</dd>
            </dl>
          </section>
          <section aria-labelledby="people">
            <h2 id="people">{t('delegation.peopleTitle')}</h2>
            <PeopleTable people={people} delegationId={delegation.id} onChange={data.reload} />
          </section>
          <section aria-labelledby="new-person-title">
            <PersonForm delegationId={delegation.id} onDone={data.reload} />
          </section>
          <p>
            <Link to={`/delegations/${props.eventId}/${props.party}/import`}>{t('bulkImport.open')}</Link>
          </p>
        </>
      )}
    </>
  );
}
