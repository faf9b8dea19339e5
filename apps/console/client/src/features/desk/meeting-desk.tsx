import type { EventView } from '@libs/contracts/src/events/event.view';
import { Suspense, type ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useResource } from '../../api/use-resource';
import { lazyComponent } from '../../app/lazy-component';
import { formatDate } from '../../i18n/format';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { CalendarLink } from '../public-meeting/calendar-link';
import { ParticipantsPanel } from './participants-panel';

// The desk opens on its participants: the other tabs (and the editors behind them) are fetched when opened.
const DelegationsPanel = lazyComponent(() => import('./delegations-panel').then((m) => m.DelegationsPanel));
const CoordinatorsPanel = lazyComponent(() =>
  import('../coordinators/coordinators-panel').then((m) => m.CoordinatorsPanel),
);
const MeetingDetailsPanel = lazyComponent(() =>
  import('../meeting-editor/meeting-details-panel').then((m) => m.MeetingDetailsPanel),
);
const AgendaPanel = lazyComponent(() => import('../meeting-editor/agenda-panel').then((m) => m.AgendaPanel));
const LifecyclePanel = lazyComponent(() =>
  import('../meeting-editor/lifecycle-panel').then((m) => m.LifecyclePanel),
);
const OutcomePanel = lazyComponent(() =>
  import('../report-editor/outcome-panel').then((m) => m.OutcomePanel),
);
const HistoryPanel = lazyComponent(() => import('../history/history-panel').then((m) => m.HistoryPanel));

/**
 * The secretariat's desk for one meeting: participants, delegations, coordinators, exports.
 * The participants tab it opens on asks for its first page while the meeting itself is on its
 * way (the two requests side by side, not one after the other).
 */
export function MeetingDesk({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const event = useResource(
    (signal) => api.get<EventView>('events', `/events/${eventId}`, signal),
    [eventId],
  );
  if (event.error) return <Notice tone="error">{event.error.message}</Notice>;
  const e = event.data;
  const loading = <p aria-busy="true">{t('common.loading')}</p>;
  // A tab other than the participants' needs the meeting itself.
  const withMeeting = (panel: (meeting: EventView) => ReactNode) => (e ? <Later>{panel(e)}</Later> : loading);
  return (
    <>
      {e ? <MeetingHeading event={e} /> : loading}
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
          <ParticipantsPanel eventId={eventId} parties={e?.parties} />
        </TabPanel>
        <TabPanel id="delegations">
          {withMeeting((m) => (
            <DelegationsPanel event={m} />
          ))}
        </TabPanel>
        <TabPanel id="coordinators">
          {withMeeting((m) => (
            <CoordinatorsPanel event={m} />
          ))}
        </TabPanel>
        <TabPanel id="details">
          {withMeeting((m) => (
            <MeetingDetailsPanel event={m} onSaved={event.reload} />
          ))}
        </TabPanel>
        <TabPanel id="agenda">
          {withMeeting((m) => (
            <AgendaPanel event={m} onChanged={event.reload} />
          ))}
        </TabPanel>
        <TabPanel id="lifecycle">
          {withMeeting((m) => (
            <LifecyclePanel event={m} onChanged={event.reload} />
          ))}
        </TabPanel>
        <TabPanel id="outcome">
          {withMeeting((m) => (
            <OutcomePanel event={m} />
          ))}
        </TabPanel>
        <TabPanel id="history">
          {withMeeting((m) => (
            <HistoryPanel event={m} />
          ))}
        </TabPanel>
      </Tabs>
    </>
  );
}

/** The meeting's title, dates and state, and the desk's other screens. */
function MeetingHeading({ event: e }: { event: EventView }) {
  const { t, i18n } = useTranslation();
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
        <Link to={`/meetings/${e.id}/check-in`} className="button button-primary">
          {t('desk.openCheckIn')}
        </Link>{' '}
        <Link to={`/meetings/${e.id}/dashboard`} className="button button-secondary">
          {t('dashboard.open')}
        </Link>{' '}
        <CalendarLink eventId={e.id} signedIn />{' '}
        {e.state !== 'draft' ? (
          <Link to={`/public/meetings/${e.id}`}>{t('publicPage.openPublicPage')}</Link>
        ) : null}
      </p>
    </>
  );
}

/** A tab's panel while its chunk is on its way. */
function Later({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>{children}</Suspense>;
}
