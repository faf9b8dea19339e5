import type { ParticipantDetailsView } from '@libs/contracts/src/participants/participant.view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { ActionButton } from '../../ui/action-button';
import { Notice } from '../../ui/fields';
import { PersonForm } from './person-form';
import { plainWords } from './refusals';

/** The delegation's people as the coordinator sees them: state, reason, badge; edit, withdraw, reinstate. */
export function PeopleTable(props: {
  people: ParticipantDetailsView[];
  delegationId: string;
  onChange(): void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const act = (id: string, action: 'withdraw' | 'reinstate') => async () => {
    try {
      await api.post('participants', `/participants/${id}/${action}`, {});
      setError(undefined);
      props.onChange();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  if (props.people.length === 0) return <p>{t('delegation.noPeople')}</p>;
  return (
    <>
      {error ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('delegation.peopleTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('person.name')}</th>
              <th scope="col">{t('person.role')}</th>
              <th scope="col">{t('person.state')}</th>
              <th scope="col">{t('person.badge')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((p) => (
              <tr key={p.id} data-participant={p.id}>
                <td>
                  <span dir="auto" className="name-original">
                    {p.name.given} {p.name.family}
                  </span>
                  {p.name.givenLatin !== p.name.given ? (
                    <span dir="ltr" className="name-latin">
                      {p.name.givenLatin} {p.name.familyLatin}
                    </span>
                  ) : null}
                  {p.position ? <span className="muted">{p.position}</span> : null}
                </td>
                <td>{t(`delegationRoles.${p.role}`)}</td>
                <td>
                  <span className={`state state-${p.state}`}>{t(`participantStates.${p.state}`)}</span>
                  {p.rejectionReason ? (
                    <span className="reason">
                      {t('person.reason')}: <span dir="auto">{p.rejectionReason}</span>
                    </span>
                  ) : null}
                </td>
                <td>{p.badgeNumber ?? '—'}</td>
                <td className="row-actions">
                  {p.state !== 'withdrawn' ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('person.editNamed', {
                        name: `${p.name.givenLatin} ${p.name.familyLatin}`,
                      })}
                      onClick={() => setEditing(editing === p.id ? undefined : p.id)}
                    >
                      {t('form.edit')}
                    </button>
                  ) : null}
                  {p.state === 'withdrawn' ? (
                    <ActionButton
                      variant="secondary"
                      onAction={act(p.id, 'reinstate')}
                      aria-label={t('person.reinstateNamed', {
                        name: `${p.name.givenLatin} ${p.name.familyLatin}`,
                      })}
                    >
                      {t('person.reinstate')}
                    </ActionButton>
                  ) : (
                    <ActionButton
                      variant="danger"
                      onAction={act(p.id, 'withdraw')}
                      aria-label={t('person.withdrawNamed', {
                        name: `${p.name.givenLatin} ${p.name.familyLatin}`,
                      })}
                    >
                      {t('person.withdraw')}
                    </ActionButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <PersonForm
          key={editing}
          delegationId={props.delegationId}
          person={props.people.find((p) => p.id === editing)!}
          onDone={() => {
            setEditing(undefined);
            props.onChange();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
}
