import type { HistoryEntryView } from '@libs/contracts/src/events/event-history.view';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../ui/action-button';
import { changesInWords } from './change-words';
import { formatMoment } from './moment';

/** One change in the timeline: what happened, when (in the meeting's zone), who, and each field old → new. */
export function HistoryEntry({
  entry,
  timeZone,
  onShow,
}: {
  entry: HistoryEntryView;
  timeZone: string;
  onShow(version: number): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const kind = entry.type.replace(/^event\./, '');
  const changes = changesInWords(entry.changes, { t, language: i18n.language, timeZone });
  const headingId = `history-${entry.version}`;
  return (
    <li className="timeline-entry" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`history.types.${kind}`, { defaultValue: entry.type })}</h3>
      <p className="timeline-meta">
        <time dateTime={entry.at}>{formatMoment(entry.at, i18n.language, timeZone)}</time> ·{' '}
        {t('history.by', {
          name: entry.actor.name ?? entry.actor.id,
          role: t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role }),
        })}{' '}
        · {t('history.version', { version: entry.version })}
      </p>
      {changes.length > 0 ? (
        <dl className="changes">
          {changes.map((c) => (
            <div key={c.field} className="change">
              <dt>{c.label}</dt>
              <dd>
                {c.details ? (
                  <ul>
                    {c.details.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  <>
                    {c.before ? (
                      <del className="change-before" aria-label={t('history.before', { value: c.before })}>
                        {c.before}
                      </del>
                    ) : (
                      <span className="muted">{t('history.notSet')}</span>
                    )}
                    <span aria-hidden="true"> {i18n.dir() === 'rtl' ? '←' : '→'} </span>
                    {c.after ? (
                      <ins className="change-after" aria-label={t('history.after', { value: c.after })}>
                        {c.after}
                      </ins>
                    ) : (
                      <span className="muted">{t('history.removedValue')}</span>
                    )}
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <ActionButton
        variant="secondary"
        onAction={() => onShow(entry.version)}
        aria-label={t('history.showVersionNamed', { version: entry.version })}
      >
        {t('history.showVersion')}
      </ActionButton>
    </li>
  );
}
