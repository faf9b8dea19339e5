import type { ParticipantImportView } from '@libs/contracts/src/participants/participant-import.view';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/fields';
import { refusalWords } from './row-problems';

/** What the import did: how many imported, refused (with why), skipped, withdrawn again. */
export function ImportSummary({ view }: { view: ParticipantImportView }) {
  const { t } = useTranslation();
  if (view.state !== 'done' && view.state !== 'rolled-back') return null;
  const refused = view.rows.filter((r) => r.outcome === 'refused');
  const counts = view.counts;
  return (
    <section aria-labelledby="import-summary-title">
      <h2 id="import-summary-title">{t('bulkImport.summaryTitle')}</h2>
      {view.state === 'rolled-back' ? (
        <Notice tone="error">
          {t('bulkImport.rolledBack', {
            row: refused[0]?.number ?? '—',
            reason: refused[0] ? refusalWords(refused[0], t) : '',
            withdrawn: counts.withdrawn,
          })}
        </Notice>
      ) : (
        <Notice tone="success">{t('bulkImport.finished')}</Notice>
      )}
      <dl className="facts facts-row" data-testid="import-summary">
        <dt>{t('bulkImport.counts.imported')}</dt>
        <dd>{counts.imported}</dd>
        <dt>{t('bulkImport.counts.refused')}</dt>
        <dd>{counts.refused}</dd>
        <dt>{t('bulkImport.counts.skipped')}</dt>
        <dd>{counts.skipped}</dd>
        {view.state === 'rolled-back' ? (
          <>
            <dt>{t('bulkImport.counts.withdrawn')}</dt>
            <dd>{counts.withdrawn}</dd>
          </>
        ) : null}
      </dl>
      {refused.length > 0 ? (
        <>
          <h3>{t('bulkImport.refusedTitle')}</h3>
          <ul>
            {refused.map((row) => (
              <li key={row.number}>
                {t('bulkImport.refusedRow', { row: row.number, reason: refusalWords(row, t) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
