import type { DossierView } from '@libs/contracts/src/reports/report.view';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { formatDateTime, partyName } from '../../i18n/format';
import { Notice } from '../../ui/fields';
import { languageName, listOf, partsOf } from '../history/change-words';
import { CalendarLink } from './calendar-link';
import { CopyLink } from './copy-link';
import { publicGet, publicUrl } from './public-api';
import { PublicAgenda } from './public-agenda';
import { PublicDelegations, PublicParties } from './public-parties';

/**
 * A meeting's public page, for anyone, signed in or not: what the meeting publishes (its
 * dossier) — dates, venue, agenda, parties, the delegations taking part with their heads, the
 * published outcome — with a calendar file and a link to share. A draft is not found.
 */
export function PublicMeetingPage({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const dossier = useResource(
    (signal) => publicGet<DossierView>('reports', `/events/${encodeURIComponent(eventId)}/dossier`, signal),
    [eventId],
  );
  if (dossier.error) {
    return (
      <>
        <h1>{t('publicPage.notFoundTitle')}</h1>
        <Notice tone={dossier.error.status === 404 || dossier.error.status === 400 ? 'info' : 'error'}>
          {dossier.error.status === 404 || dossier.error.status === 400
            ? t('publicPage.notFound')
            : t('publicPage.unavailable')}
        </Notice>
      </>
    );
  }
  if (!dossier.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { event, attendance, reports } = dossier.data;
  const venue = event.venue
    ? partsOf(
        [
          event.venue.name,
          event.venue.address,
          event.venue.city,
          partyName(event.venue.country, event.venue.country, i18n.language),
        ],
        i18n.language,
      )
    : undefined;
  return (
    <article className="public-meeting" aria-labelledby="public-title">
      <p className="eyebrow">{t('publicPage.eyebrow')}</p>
      <h1 id="public-title">{event.title}</h1>
      {event.process ? <p className="lead">{event.process.name}</p> : null}
      <dl className="meeting-facts">
        <div className="meeting-fact">
          <dt>{t('publicPage.dates')}</dt>
          <dd>
            {formatDateTime(event.startsAt, i18n.language, event.timeZone)} –{' '}
            {formatDateTime(event.endsAt, i18n.language, event.timeZone)}
            <span className="muted"> ({event.timeZone})</span>
          </dd>
        </div>
        {venue ? (
          <div className="meeting-fact">
            <dt>{t('publicPage.venue')}</dt>
            <dd>{venue}</dd>
          </div>
        ) : null}
        <div className="meeting-fact">
          <dt>{t('publicPage.state')}</dt>
          <dd>{t(`eventStates.${event.state}`, { defaultValue: event.state })}</dd>
        </div>
        {event.languages.length ? (
          <div className="meeting-fact">
            <dt>{t('publicPage.languages')}</dt>
            <dd>
              {listOf(
                event.languages.map((l) => languageName(l, i18n.language)),
                i18n.language,
              )}
            </dd>
          </div>
        ) : null}
        {event.stateReason ? (
          <div className="meeting-fact">
            <dt>{t('publicPage.stateReason')}</dt>
            <dd>{event.stateReason}</dd>
          </div>
        ) : null}
      </dl>
      {event.description ? <p>{event.description}</p> : null}
      <div className="toolbar">
        <CalendarLink eventId={event.id} signedIn={false} />
      </div>
      <CopyLink url={window.location.origin + window.location.pathname} />

      <section aria-labelledby="public-agenda-title">
        <h2 id="public-agenda-title">{t('publicPage.agenda')}</h2>
        <PublicAgenda event={event} />
      </section>
      <section aria-labelledby="public-parties-title">
        <h2 id="public-parties-title">{t('publicPage.parties')}</h2>
        <PublicParties event={event} />
      </section>
      <section aria-labelledby="public-delegations-title">
        <h2 id="public-delegations-title">{t('publicPage.delegations')}</h2>
        <PublicDelegations attendance={attendance} />
      </section>
      <section aria-labelledby="public-outcome-title">
        <h2 id="public-outcome-title">{t('publicPage.outcome')}</h2>
        {reports.length === 0 ? (
          <p>{t('publicPage.noOutcome')}</p>
        ) : (
          <ul className="outcome-links">
            {reports.map((r) => (
              <li key={r.reportId}>
                <a href={publicUrl('reports', r.links.html)} hrefLang={r.language}>
                  {t('publicPage.outcomeIn', { language: languageName(r.language, i18n.language) })}
                </a>
                {r.original ? <span className="muted"> ({t('publicPage.original')})</span> : null}
                {' · '}
                <a
                  href={publicUrl('reports', r.links.pdf)}
                  aria-label={t('publicPage.pdfOf', {
                    report: t('publicPage.outcomeIn', { language: languageName(r.language, i18n.language) }),
                  })}
                >
                  PDF
                </a>
                <span className="muted">
                  {' · '}
                  {t('publicPage.publishedOn', {
                    version: r.published.number,
                    date: formatDateTime(r.published.publishedAt, i18n.language, event.timeZone),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
