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
      {items.length === 0 && !delegations.loading ? <p>{t('desk.noDelegations')}</p> : null}
      {items.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('desk.delegations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.party')}</th>
                <th scope="col">{t('delegation.state')}</th>
                <th scope="col">{t('delegation.seats')}</th>
                <th scope="col">{t('delegation.credentialsReference')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => {
                const label = partyName(d.party.code, d.party.name, i18n.language);
                return (
                  <tr key={d.id}>
                    <td>{label}</td>
                    <td>{t(`delegationStates.${d.state}`)}</td>
                    <td>
                      {'seats' in d
                        ? t('delegation.seatsUsed', { taken: d.seats.taken, quota: d.seats.quota })
                        : '—'}
                    </td>
                    <td dir="auto">{d.credentialsReference ?? '—'}</td>
                    <td className="row-actions">
                      {d.state === 'registered' ? (
                        <ActionButton
                          variant="secondary"
                          onAction={act(d.id, 'credentials-received')}
                          aria-label={t('desk.credentialsReceivedFor', { party: label })}
                        >
                          {t('desk.credentialsReceived')}
                        </ActionButton>
                      ) : null}
                      {d.state === 'credentials-received' ? (
                        <ActionButton
                          onAction={act(d.id, 'accredit')}
                          aria-label={t('desk.accreditDelegationFor', { party: label })}
                        >
                          {t('desk.accreditDelegation')}
                        </ActionButton>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
