import type { EventView } from '@libs/contracts/src/events/event.view';
import type { DelegationDetailsView, DelegationView } from '@libs/contracts/src/participants/delegation.view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { partyName } from '../../i18n/format';
import { useLiveChanges } from '../../live/use-live-changes';
import { ActionButton } from '../../ui/action-button';
import { DataTable } from '../../ui/data-table';
import { Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';

/** The delegations of the meeting: state, seats, credentials; mark credentials received, accredit. */
export function DelegationsPanel({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const delegations = useResource(
    (signal) =>
      api.get<Array<DelegationView | DelegationDetailsView>>(
        'participants',
        `/events/${event.id}/delegations`,
        signal,
      ),
    [event.id],
  );
  useLiveChanges([event.id], delegations.reload);
  const act = (id: string, action: 'credentials-received' | 'accredit') => async () => {
    try {
      await api.post('participants', `/delegations/${id}/${action}`, {});
      setError(undefined);
      delegations.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const items = delegations.data ?? [];
  return (
    <section aria-labelledby="delegations-title">
      <h2 id="delegations-title">{t('desk.delegations')}</h2>
      {error ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
      {delegations.error ? <Notice tone="error">{plainWords(delegations.error, t)}</Notice> : null}
      {delegations.loading && !items.length ? null : (
        <DataTable
          caption={t('desk.delegations')}
          captionHidden
          rows={items}
          rowKey={(d) => d.id}
          empty={t('desk.noDelegations')}
          columns={[
            {
              key: 'party',
              header: t('desk.party'),
              cell: (d) => partyName(d.party.code, d.party.name, i18n.language),
            },
            { key: 'state', header: t('delegation.state'), cell: (d) => t(`delegationStates.${d.state}`) },
            {
              key: 'seats',
              header: t('delegation.seats'),
              cell: (d) =>
                'seats' in d
                  ? t('delegation.seatsUsed', { taken: d.seats.taken, quota: d.seats.quota })
                  : '—',
            },
            {
              key: 'credentials',
              header: t('delegation.credentialsReference'),
              cell: (d) => <span dir="auto">{d.credentialsReference ?? '—'}</span>,
            },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (d) => <DelegationActions delegation={d} act={act} />,
            },
          ]}
        />
      )}
    </section>
  );
}

function DelegationActions({
  delegation: d,
  act,
}: {
  delegation: DelegationView | DelegationDetailsView;
  act(id: string, action: 'credentials-received' | 'accredit'): () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const label = partyName(d.party.code, d.party.name, i18n.language);
  if (d.state === 'registered') {
    return (
      <ActionButton
        variant="secondary"
        onAction={act(d.id, 'credentials-received')}
        aria-label={t('desk.credentialsReceivedFor', { party: label })}
      >
        {t('desk.credentialsReceived')}
      </ActionButton>
    );
  }
  if (d.state === 'credentials-received') {
    return (
      <ActionButton
        onAction={act(d.id, 'accredit')}
        aria-label={t('desk.accreditDelegationFor', { party: label })}
      >
        {t('desk.accreditDelegation')}
      </ActionButton>
    );
  }
  return null;
}
