import { DesignateCoordinatorDto } from '@libs/contracts/src/participants/coordinator-designation.dto';
import type { CoordinatorDesignationListView } from '@libs/contracts/src/participants/coordinator-designation.view';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { LANGUAGES } from '../../i18n/i18n';
import { partyName } from '../../i18n/format';
import { validateWithContract, withoutBlanks } from '../../forms/validate-with-contract';
import { ActionButton, SubmitButton, useSingleFlight } from '../../ui/action-button';
import { DataTable } from '../../ui/data-table';
import { Choice, Field, Notice } from '../../ui/fields';
import { fieldErrorsOf, plainWords } from '../delegation/refusals';

/**
 * The secretariat names each party's coordinator by email; the person then signs in with that
 * verified address and acts for that party at this meeting, until revoked.
 */
export function CoordinatorsPanel({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const designations = useResource(
    (signal) =>
      api.get<CoordinatorDesignationListView>('participants', `/events/${event.id}/coordinators`, signal),
    [event.id],
  );
  const [party, setParty] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [pending, run] = useSingleFlight();
  const errors = fieldErrorsOf(error, t);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setDone(undefined);
      if (!party) {
        const pick = [{ field: 'party', messages: [t('coordinators.pickParty')] }];
        return setError(new ApiError(400, 'VALIDATION_FAILED', t('form.fixFields'), pick));
      }
      const body = withoutBlanks({ party, email: email.trim(), name, language });
      const invalid = await validateWithContract(DesignateCoordinatorDto, body);
      if (invalid.length)
        return setError(new ApiError(400, 'VALIDATION_FAILED', t('form.fixFields'), invalid));
      try {
        await api.post('participants', `/events/${event.id}/coordinators`, body, {
          idempotencyKey: crypto.randomUUID(),
        });
        setError(undefined);
        setDone(t('coordinators.designated', { email: email.trim() }));
        setEmail('');
        setName('');
        designations.reload();
      } catch (err) {
        setError(err as ApiError);
      }
    });
  };

  const revoke = (id: string) => async () => {
    try {
      await api.post('participants', `/coordinators/${id}/revoke`, {});
      designations.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };

  const items = designations.data?.items ?? [];
  return (
    <section aria-labelledby="coordinators-title">
      <h2 id="coordinators-title">{t('desk.coordinators')}</h2>
      <form onSubmit={submit} noValidate aria-labelledby="designate-title" className="designate-form">
        <h3 id="designate-title">{t('coordinators.designateTitle')}</h3>
        <p>{t('coordinators.designateLead')}</p>
        <div className="grid-2">
          <Choice
            label={t('desk.party')}
            name="designate-party"
            value={party}
            onChange={setParty}
            emptyLabel={t('coordinators.choose')}
            options={event.parties.map((p) => ({
              value: p.code,
              label: partyName(p.code, p.name, i18n.language),
            }))}
            errors={errors.party}
          />
          <Field
            label={t('coordinators.email')}
            name="designate-email"
            type="email"
            value={email}
            onChange={setEmail}
            errors={errors.email}
            isRequired
            dir="ltr"
          />
          <Field
            label={t('coordinators.name')}
            name="designate-name"
            value={name}
            onChange={setName}
            errors={errors.name}
          />
          <Choice
            label={t('coordinators.language')}
            name="designate-language"
            value={language}
            onChange={setLanguage}
            emptyLabel={t('coordinators.choose')}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
            errors={errors.language}
          />
        </div>
        {error && !Object.keys(errors).length ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
        {done ? <Notice tone="success">{done}</Notice> : null}
        <SubmitButton pending={pending}>{t('coordinators.designate')}</SubmitButton>
      </form>
      <DataTable
        caption={t('desk.coordinators')}
        captionHidden
        rows={items}
        rowKey={(d) => d.id}
        empty={t('coordinators.none')}
        columns={[
          { key: 'party', header: t('desk.party'), cell: (d) => partyName(d.party, d.party, i18n.language) },
          { key: 'email', header: t('coordinators.email'), cell: (d) => <span dir="ltr">{d.email}</span> },
          {
            key: 'name',
            header: t('coordinators.name'),
            cell: (d) => <span dir="auto">{d.name ?? '—'}</span>,
          },
          { key: 'state', header: t('person.state'), cell: (d) => t(`coordinators.states.${d.state}`) },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (d) =>
              d.state === 'active' ? (
                <ActionButton
                  variant="danger"
                  onAction={revoke(d.id)}
                  aria-label={t('coordinators.revokeNamed', { email: d.email })}
                >
                  {t('coordinators.revoke')}
                </ActionButton>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
