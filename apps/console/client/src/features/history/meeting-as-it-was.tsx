import type { EventSnapshotView } from '@libs/contracts/src/events/event-history.view';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { valueInWords } from './change-words';
import { formatMoment } from './moment';

/** The meeting as one version left it: the facts a person checks (title, state, dates, venue, parties, agenda). */
export function MeetingAsItWas({ snapshot, heading }: { snapshot: EventSnapshotView; heading: string }) {
  const { t, i18n } = useTranslation();
  const e = snapshot.event;
  const c = { t, language: i18n.language, timeZone: e.timeZone };
  const kind = snapshot.type.replace(/^event\./, '');
  return (
    <section className="as-it-was" aria-labelledby="as-it-was-title" aria-live="polite">
      <h3 id="as-it-was-title">{heading}</h3>
      <p className="muted">
        {t('history.snapshotLead', {
          version: snapshot.version,
          change: t(`history.types.${kind}`, { defaultValue: snapshot.type }),
          at: formatMoment(snapshot.at, i18n.language, e.timeZone),
          name: snapshot.actor.name ?? snapshot.actor.id,
        })}
      </p>
      <dl className="meeting-facts">
        <div className="meeting-fact">
          <dt>{t('history.fields.title')}</dt>
          <dd>{e.title}</dd>
        </div>
        <div className="meeting-fact">
          <dt>{t('history.fields.state')}</dt>
          <dd>{valueInWords('state', e.state, c)}</dd>
        </div>
        <div className="meeting-fact">
          <dt>{t('history.dates')}</dt>
          <dd>
            {formatDateTime(e.startsAt, i18n.language, e.timeZone)} –{' '}
            {formatDateTime(e.endsAt, i18n.language, e.timeZone)}
          </dd>
        </div>
        {e.venue ? (
          <div className="meeting-fact">
            <dt>{t('history.fields.venue')}</dt>
            <dd>{valueInWords('venue', e.venue, c)}</dd>
          </div>
        ) : null}
        <div className="meeting-fact">
          <dt>{t('history.fields.parties')}</dt>
          <dd>{valueInWords('parties', e.parties, c)}</dd>
        </div>
        <div className="meeting-fact">
          <dt>{t('history.fields.agenda')}</dt>
          <dd>
            {e.agenda.length ? (
              <ol>
                {e.agenda.map((item) => (
                  <li key={item.id}>{item.title}</li>
                ))}
              </ol>
            ) : (
              t('history.noAgenda')
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
