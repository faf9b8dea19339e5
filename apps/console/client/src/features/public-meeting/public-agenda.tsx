import type { EventView } from '@libs/contracts/src/events/event.view';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime, partyName } from '../../i18n/format';

/** The agenda in order, with its time slots in the meeting's zone (day and zone named), presenters and documents. */
export function PublicAgenda({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  if (event.agenda.length === 0) return <p>{t('publicPage.noAgenda')}</p>;
  return (
    <ol className="public-agenda">
      {event.agenda.map((item) => (
        <li key={item.id}>
          <h3>{item.title}</h3>
          {item.slot ? (
            <p className="muted">
              <time dateTime={item.slot.startsAt}>
                {formatDateTime(item.slot.startsAt, i18n.language, event.timeZone)}
              </time>
              {' – '}
              <time dateTime={item.slot.endsAt}>
                {formatTime(item.slot.endsAt, i18n.language, event.timeZone)}
              </time>
            </p>
          ) : null}
          {item.description ? <p>{item.description}</p> : null}
          {item.presenters.length ? (
            <p>
              <span className="muted">{t('publicPage.presenters')}: </span>
              {item.presenters
                .map((p) =>
                  [p.name, p.position, p.party ? partyName(p.party, p.party, i18n.language) : undefined]
                    .filter(Boolean)
                    .join(', '),
                )
                .join('; ')}
            </p>
          ) : null}
          {item.documents.length ? (
            <ul className="documents" aria-label={t('publicPage.documentsOf', { item: item.title })}>
              {item.documents.map((d) => (
                <li key={d.url}>
                  {/^https?:\/\//.test(d.url) ? (
                    <a href={d.url} rel="noopener noreferrer">
                      {d.title}
                    </a>
                  ) : (
                    d.title
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
