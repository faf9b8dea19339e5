import type { ImportMode } from '@libs/contracts/src/participants/participant-import.dto';
import type {
  ParticipantImportProgressView,
  ParticipantImportView,
} from '@libs/contracts/src/participants/participant-import.view';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';
import { isSettled, useImportProgress } from './use-import-progress';

interface ImportRunProps {
  view: ParticipantImportView;
  /** the import as it is now, rows and all, once it settled or was refused */
  onChanged(view: ParticipantImportView): void;
}

/**
 * How to import (the valid rows, or all or nothing), the button that starts it, and its
 * progress bar while it runs; an import interrupted on the way (the service restarted) can be
 * resumed from here.
 */
export function ImportRun({ view, onChanged }: ImportRunProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ImportMode>(view.mode ?? 'valid-rows');
  // An import already on its way (the page reloaded meanwhile) is followed at once.
  const [started, setStarted] = useState<ParticipantImportProgressView | undefined>(
    (view.state === 'running' || view.state === 'rolling-back') && !view.interrupted ? view : undefined,
  );
  const [error, setError] = useState<ApiError | undefined>();
  const [pending, run] = useSingleFlight();
  const reload = async () =>
    onChanged(await api.get<ParticipantImportView>('participants', `/participant-imports/${view.id}`));
  const progress = useImportProgress(started, () => void reload());
  const running = progress !== undefined && !isSettled(progress);
  const canStart = view.state === 'previewed' || view.interrupted;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      try {
        const answer = await api.post<ParticipantImportProgressView>(
          'participants',
          `/participant-imports/${view.id}/run`,
          { mode },
        );
        setError(undefined);
        setStarted(answer);
      } catch (e) {
        setError(e as ApiError);
        await reload().catch(() => undefined); // the rows as checked again (a 409 updates them)
      }
    });
  };

  if (!canStart && !running && !progress) return null;
  return (
    <section aria-labelledby="import-run-title">
      <h2 id="import-run-title">{t('bulkImport.runTitle')}</h2>
      {canStart && !running ? (
        <form onSubmit={submit} noValidate>
          <fieldset disabled={view.interrupted}>
            <legend>{t('bulkImport.modeLegend')}</legend>
            <div className="import-mode">
              <input
                id="import-mode-valid"
                type="radio"
                name="import-mode"
                value="valid-rows"
                checked={mode === 'valid-rows'}
                onChange={() => setMode('valid-rows')}
              />
              <label htmlFor="import-mode-valid">
                {t('bulkImport.modeValidRows', { ready: view.counts.ready })}
              </label>
            </div>
            <div className="import-mode">
              <input
                id="import-mode-all"
                type="radio"
                name="import-mode"
                value="all-or-nothing"
                checked={mode === 'all-or-nothing'}
                onChange={() => setMode('all-or-nothing')}
              />
              <label htmlFor="import-mode-all">{t('bulkImport.modeAllOrNothing')}</label>
            </div>
            <p className="muted">{t('bulkImport.allOrNothingMeans')}</p>
          </fieldset>
          {view.interrupted ? <Notice tone="info">{t('bulkImport.interrupted')}</Notice> : null}
          {error ? (
            <Notice tone="error">
              {t(`bulkImport.errors.${error.code}`, { defaultValue: plainWords(error, t) })}
            </Notice>
          ) : null}
          <div className="actions">
            <SubmitButton pending={pending}>
              {view.interrupted ? t('bulkImport.resume') : t('bulkImport.import')}
            </SubmitButton>
          </div>
        </form>
      ) : null}
      {progress ? (
        <div className="import-progress">
          <label htmlFor="import-progress-bar">{t('bulkImport.progressLabel')}</label>
          <progress id="import-progress-bar" max={progress.total} value={progress.done} />
          <p role="status">
            {progress.state === 'rolling-back'
              ? t('bulkImport.rollingBack')
              : t('bulkImport.progress', { done: progress.done, total: progress.total })}
          </p>
        </div>
      ) : null}
    </section>
  );
}
