import type {
  CoordinationView,
  MyCoordinationsView,
} from '@libs/contracts/src/participants/coordinator-designation.view';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { Person } from '../../api/session';
import { useResource } from '../../api/use-resource';
import { formatDate, formatDateTime, partyName } from '../../i18n/format';
import { useLiveChanges } from '../../live/use-live-changes';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';

/** A coordinator's start page: every party they coordinate at every meeting, and where it stands. */
export function MyMeetings({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const coordinations = useResource(
    (signal) => api.get<MyCoordinationsView>('participants', '/me/coordinations', signal),
    [],
  );
  const items = coordinations.data?.items ?? [];
  useLiveChanges(
    items.map((c) => c.eventId),
    coordinations.reload,
  );
  return (
    <>
      <h1>{t('myMeetings.title')}</h1>
      {person.emailVerified === false ? (
        <Notice tone="error">{t('myMeetings.emailNotVerified')}</Notice>
      ) : null}
      {coordinations.error ? <Notice tone="error">{coordinations.error.message}</Notice> : null}
      {!coordinations.loading && items.length === 0 && !coordinations.error ? (
        <p>{t('myMeetings.none', { email: person.email ?? '' })}</p>
      ) : null}
      <ul className="cards">
        {items.map((c: CoordinationView) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/delegations/${c.eventId}/${c.party}`}>{c.event.title}</Link>
            </h2>
            <dl className="facts">
              <dt>{t('myMeetings.party')}</dt>
              <dd>{partyName(c.party, c.partyName ?? c.party, i18n.language)}</dd>
              <dt>{t('myMeetings.dates')}</dt>
              <dd>
                {formatDate(c.event.startsAt, i18n.language, c.event.timeZone)} –{' '}
                {formatDate(c.event.endsAt, i18n.language, c.event.timeZone)}
              </dd>
              <dt>{t('myMeetings.registration')}</dt>
              <dd>
                {c.event.registration
                  ? t('myMeetings.window', {
                      opens: formatDateTime(c.event.registration.opensAt, i18n.language, c.event.timeZone),
                      closes: formatDateTime(c.event.registration.closesAt, i18n.language, c.event.timeZone),
                    })
                  : t('myMeetings.windowNotSet')}
              </dd>
              <dt>{t('myMeetings.quota')}</dt>
              <dd>{c.event.registration?.quotaPerDelegation ?? '—'}</dd>
              <dt>{t('myMeetings.delegation')}</dt>
              <dd>{c.delegationId ? t('myMeetings.registered') : t('myMeetings.notRegistered')}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
