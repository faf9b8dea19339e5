import { IMPORT_MAX_BYTES } from '@libs/contracts/src/participants/participant-import-format';
import type { ParticipantImportView } from '@libs/contracts/src/participants/participant-import.view';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';

/** Refusals whose API sentence names the columns: shown under the translated one. */
const COLUMN_CODES = new Set(['MISSING_COLUMNS', 'UNKNOWN_COLUMNS']);

/** Chooses the file and sends it for its preview; a refusal of the whole file is shown beside it. */
export function UploadForm(props: { delegationId: string; onPreview(view: ParticipantImportView): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [pending, run] = useSingleFlight();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (!file) return setError(new ApiError(400, 'NO_FILE', t('bulkImport.chooseFirst')));
      if (file.size > IMPORT_MAX_BYTES)
        return setError(new ApiError(413, 'FILE_TOO_LARGE', t('bulkImport.errors.FILE_TOO_LARGE')));
      try {
        const view = await api.upload<ParticipantImportView>(
          'participants',
          `/delegations/${props.delegationId}/participant-imports`,
          file,
        );
        setError(undefined);
        props.onPreview(view);
      } catch (e) {
        setError(e as ApiError);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">{t('bulkImport.uploadTitle')}</h2>
      <div className="field">
        <label htmlFor="import-file">{t('bulkImport.fileLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setError(undefined);
          }}
        />
        <span id="import-file-hint" className="muted">
          {t('bulkImport.fileHint')}
        </span>
      </div>
      {error ? (
        <Notice tone="error">
          {t(`bulkImport.errors.${error.code}`, { defaultValue: plainWords(error, t) })}
          {COLUMN_CODES.has(error.code) ? (
            <span className="import-detail" dir="auto">
              {error.message}
            </span>
          ) : null}
        </Notice>
      ) : null}
      <div className="actions">
        <SubmitButton pending={pending}>{t('bulkImport.check')}</SubmitButton>
      </div>
    </form>
  );
}
