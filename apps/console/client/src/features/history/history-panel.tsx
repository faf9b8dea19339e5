import type { EventHistoryView, EventSnapshotView } from '@libs/contracts/src/events/event-history.view';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';
import { AsOfForm } from './as-of-form';
import { HistoryEntry } from './history-entry';
import { MeetingAsItWas } from './meeting-as-it-was';
import { formatMoment } from './moment';

/** The meeting desk's History tab: every change (newest first) and the meeting as it was at a moment. */
export function HistoryPanel({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const history = useResource(
    (signal) => api.get<EventHistoryView>('events', `/events/${event.id}/history`, signal),
    [event.id, event.version],
  );
  const [shown, setShown] = useState<{ snapshot: EventSnapshotView; at?: string } | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const showVersion = async (version: number) => {
    try {
      const snapshot = await api.get<EventSnapshotView>('events', `/events/${event.id}/history/${version}`);
      setError(undefined);
      setShown({ snapshot });
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const entries = [...(history.data?.entries ?? [])].reverse();
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t('history.title')}</h2>
      <p className="lead">{t('history.lead', { zone: event.timeZone })}</p>
      <div className="history-layout">
        <div>
          {history.error ? <Notice tone="error">{plainWords(history.error, t)}</Notice> : null}
          {error ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
          {history.loading && !history.data ? <p aria-busy="true">{t('common.loading')}</p> : null}
          {history.data ? (
            <ol className="timeline" aria-label={t('history.timeline')}>
              {entries.map((entry) => (
                <HistoryEntry
                  key={entry.version}
                  entry={entry}
                  timeZone={event.timeZone}
                  onShow={showVersion}
                />
              ))}
            </ol>
          ) : null}
        </div>
        <div className="history-side">
          <AsOfForm event={event} onFound={(snapshot, at) => setShown({ snapshot, at })} />
          {shown ? (
            <MeetingAsItWas
              snapshot={shown.snapshot}
              heading={
                shown.at
                  ? t('history.asOfHeading', { at: formatMoment(shown.at, i18n.language, event.timeZone) })
                  : t('history.afterVersion', { version: shown.snapshot.version })
              }
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
