import type { EventView } from '@libs/contracts/src/events/event.view';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useResource } from '../../api/use-resource';
import { formatDate } from '../../i18n/format';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { CoordinatorsPanel } from '../coordinators/coordinators-panel';
import { AgendaPanel } from '../meeting-editor/agenda-panel';
import { LifecyclePanel } from '../meeting-editor/lifecycle-panel';
import { MeetingDetailsPanel } from '../meeting-editor/meeting-details-panel';
import { OutcomePanel } from '../report-editor/outcome-panel';
import { HistoryPanel } from '../history/history-panel';
import { CalendarLink } from '../public-meeting/calendar-link';
import { DelegationsPanel } from './delegations-panel';
import { ParticipantsPanel } from './participants-panel';

/** The secretariat's desk for one meeting: participants, delegations, coordinators, exports. */
export function MeetingDesk({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const event = useResource(
    (signal) => api.get<EventView>('events', `/events/${eventId}`, signal),
    [eventId],
  );
  if (event.error) return <Notice tone="error">{event.error.message}</Notice>;
  if (!event.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const e = event.data;
  return (
    <>
      <p className="eyebrow">
        <Link to="/meetings">{t('meetings.title')}</Link>
      </p>
      <h1>{e.title}</h1>
      <p className="muted">
        {formatDate(e.startsAt, i18n.language, e.timeZone)} –{' '}
        {formatDate(e.endsAt, i18n.language, e.timeZone)} ·{' '}
        {t(`eventStates.${e.state}`, { defaultValue: e.state })}
      </p>
      <p>
        <Link to={`/meetings/${eventId}/check-in`} className="button button-primary">
          {t('desk.openCheckIn')}
        </Link>{' '}
        <Link to={`/meetings/${eventId}/dashboard`} className="button button-secondary">
          {t('dashboard.open')}
        </Link>{' '}
        <CalendarLink eventId={eventId} signedIn />{' '}
        {e.state !== 'draft' ? (
          <Link to={`/public/meetings/${eventId}`}>{t('publicPage.openPublicPage')}</Link>
        ) : null}
      </p>
      <Tabs>
        <TabList aria-label={t('desk.sections')}>
          <Tab id="participants">{t('desk.participants')}</Tab>
          <Tab id="delegations">{t('desk.delegations')}</Tab>
          <Tab id="coordinators">{t('desk.coordinators')}</Tab>
          <Tab id="details">{t('meetingEditor.tabs.details')}</Tab>
          <Tab id="agenda">{t('meetingEditor.tabs.agenda')}</Tab>
          <Tab id="lifecycle">{t('meetingEditor.tabs.lifecycle')}</Tab>
          <Tab id="outcome">{t('reportEditor.outcome')}</Tab>
          <Tab id="history">{t('history.tab')}</Tab>
        </TabList>
        <TabPanel id="participants">
          <ParticipantsPanel event={e} />
        </TabPanel>
        <TabPanel id="delegations">
          <DelegationsPanel event={e} />
        </TabPanel>
        <TabPanel id="coordinators">
          <CoordinatorsPanel event={e} />
        </TabPanel>
        <TabPanel id="details">
          <MeetingDetailsPanel event={e} onSaved={event.reload} />
        </TabPanel>
        <TabPanel id="agenda">
          <AgendaPanel event={e} onChanged={event.reload} />
        </TabPanel>
        <TabPanel id="lifecycle">
          <LifecyclePanel event={e} onChanged={event.reload} />
        </TabPanel>
        <TabPanel id="outcome">
          <OutcomePanel event={e} />
        </TabPanel>
        <TabPanel id="history">
          <HistoryPanel event={e} />
        </TabPanel>
      </Tabs>
    </>
  );
}
