import type { EventPageView } from '@libs/contracts/src/events/event-page.view';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useResource } from '../../api/use-resource';
import { formatDate } from '../../i18n/format';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';

/** The secretariat's meetings, soonest first. */
export function MeetingsList() {
  const { t, i18n } = useTranslation();
  const events = useResource((signal) => api.get<EventPageView>('events', '/events?limit=100', signal), []);
  return (
    <>
      <div className="toolbar">
        <h1>{t('meetings.title')}</h1>
        <div className="toolbar-end">
          <Link to="/meetings/new" className="button button-primary">
            {t('meetingEditor.newAction')}
          </Link>
        </div>
      </div>
      {events.error ? <Notice tone="error">{events.error.message}</Notice> : null}
      {events.data && events.data.items.length === 0 ? <p>{t('meetings.none')}</p> : null}
      {events.data?.items.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('meetings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.meeting')}</th>
                <th scope="col">{t('meetings.dates')}</th>
                <th scope="col">{t('meetings.state')}</th>
                <th scope="col">{t('meetings.parties')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/meetings/${e.id}`}>{e.title}</Link>
                  </td>
                  <td>
                    {formatDate(e.startsAt, i18n.language, e.timeZone)} –{' '}
                    {formatDate(e.endsAt, i18n.language, e.timeZone)}
                    <span className="muted"> ({e.timeZone})</span>
                  </td>
                  <td>{t(`eventStates.${e.state}`, { defaultValue: e.state })}</td>
                  <td>{e.parties.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
