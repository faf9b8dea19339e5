import type { EventView } from '@libs/contracts/src/events/event.view';
import type { DelegationView } from '@libs/contracts/src/participants/delegation.view';
import type { ParticipantImportView } from '@libs/contracts/src/participants/participant-import.view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useResource } from '../../api/use-resource';
import { partyName } from '../../i18n/format';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { ImportRun } from './import-run';
import { ImportSummary } from './import-summary';
import { PreviewTable } from './preview-table';
import { TemplateDownloads } from './template-downloads';
import { UploadForm } from './upload-form';

/** The import this page shows, kept in its address so that a reload (or a return) finds it again. */
const IMPORT_PARAM = 'import';
const importInAddress = () => new URLSearchParams(window.location.search).get(IMPORT_PARAM) ?? undefined;

async function loadTarget(eventId: string, party: string, signal: AbortSignal) {
  const importId = importInAddress();
  const [event, delegations, earlier] = await Promise.all([
    api.get<EventView>('events', `/events/${eventId}`, signal),
    api.get<DelegationView[]>('participants', `/events/${eventId}/delegations`, signal),
    importId
      ? api
          .get<ParticipantImportView>(
            'participants',
            `/participant-imports/${encodeURIComponent(importId)}`,
            signal,
          )
          .catch(() => undefined)
      : undefined,
  ]);
  return { event, delegation: delegations.find((d) => d.party.code === party), earlier };
}

/**
 * A coordinator's bulk import into their delegation: the template, the file, its preview with
 * each row's errors in place, the import with its progress, and what it did.
 */
export function BulkImportPage(props: { eventId: string; party: string }) {
  const { t, i18n } = useTranslation();
  const target = useResource(
    (signal) => loadTarget(props.eventId, props.party, signal),
    [props.eventId, props.party],
  );
  const [chosen, setChosen] = useState<ParticipantImportView | null | undefined>();
  const view = chosen === undefined ? target.data?.earlier : (chosen ?? undefined);
  const setView = (next: ParticipantImportView | undefined) => {
    setChosen(next ?? null);
    const address = new URL(window.location.href);
    if (next) address.searchParams.set(IMPORT_PARAM, next.id);
    else address.searchParams.delete(IMPORT_PARAM);
    window.history.replaceState(window.history.state, '', address);
  };
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // A new preview is announced by taking the reader to it (keyboard and screen reader alike).
  useEffect(() => previewHeading.current?.focus(), [view?.id]);
  if (target.error) return <Notice tone="error">{target.error.message}</Notice>;
  if (!target.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { event, delegation } = target.data;
  const back = `/delegations/${props.eventId}/${props.party}`;
  const partyLabel = partyName(props.party, delegation?.party.name ?? props.party, i18n.language);
  return (
    <>
      <p className="eyebrow">{event.title}</p>
      <h1>{t('bulkImport.title', { party: partyLabel })}</h1>
      <p>
        <Link to={back}>{t('bulkImport.back')}</Link>
      </p>
      {!delegation ? (
        <Notice tone="info">{t('bulkImport.noDelegation')}</Notice>
      ) : (
        <>
          <p className="muted">{t('bulkImport.lead')}</p>
          {!view || view.state === 'previewed' ? (
            <>
              <TemplateDownloads />
              <UploadForm delegationId={delegation.id} onPreview={setView} />
            </>
          ) : null}
          {view ? (
            <>
              <section aria-labelledby="import-preview-title">
                <h2 id="import-preview-title" ref={previewHeading} tabIndex={-1}>
                  {t('bulkImport.previewTitle')}
                </h2>
                <dl className="facts facts-row" data-testid="import-counts">
                  <dt>{t('bulkImport.counts.rows')}</dt>
                  <dd>{view.counts.rows}</dd>
                  <dt>{t('bulkImport.counts.ready')}</dt>
                  <dd>{view.counts.ready}</dd>
                  <dt>{t('bulkImport.counts.withErrors')}</dt>
                  <dd>{view.counts.withErrors}</dd>
                </dl>
              </section>
              <ImportRun key={view.id} view={view} onChanged={setView} />
              <ImportSummary view={view} />
              {view.state === 'done' || view.state === 'rolled-back' ? (
                <div className="actions">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setView(undefined)}
                  >
                    {t('bulkImport.another')}
                  </button>
                </div>
              ) : null}
              <section aria-labelledby="import-rows-title">
                <h2 id="import-rows-title">{t('bulkImport.rowsTitle')}</h2>
                <PreviewTable rows={view.rows} />
              </section>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
