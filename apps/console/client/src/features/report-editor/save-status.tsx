import { useTranslation } from 'react-i18next';
import { plainWords } from '../delegation/refusals';
import type { SaveStatus } from './use-autosave';

/** Where the draft stands: saved at a time, being saved, waiting, or not saved and why. */
export function SaveStatusLine({ status, held }: { status: SaveStatus; held: number }) {
  const { t, i18n } = useTranslation();
  let text: string;
  switch (status.kind) {
    case 'unchanged':
      text = t('reportEditor.statusUnchanged');
      break;
    case 'pending':
      text = t('reportEditor.statusPending');
      break;
    case 'saving':
      text = t('reportEditor.statusSaving');
      break;
    case 'saved':
      text = t('reportEditor.statusSaved', {
        time: new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(
          status.at,
        ),
      });
      break;
    case 'failed':
      text = t('reportEditor.statusFailed', {
        reason: status.error.status === 400 ? t('reportEditor.fixMarked') : plainWords(status.error, t),
      });
      break;
    case 'conflict':
      text = t('reportEditor.statusConflict');
      break;
  }
  return (
    <p className={`save-status save-status-${status.kind}`} role="status" data-testid="save-status">
      {text}
      {held > 0 && (status.kind === 'saved' || status.kind === 'unchanged') ? (
        <span className="muted"> · {t('reportEditor.heldBack', { count: held })}</span>
      ) : null}
    </p>
  );
}
