import { RegisterDelegationDto } from '@libs/contracts/src/participants/register-delegation.dto';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import type { Person } from '../../api/session';
import { validateWithContract, withoutBlanks } from '../../forms/validate-with-contract';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Field, Notice } from '../../ui/fields';
import { fieldErrorsOf, formLevel, plainWords } from './refusals';

/** The coordinator registers their party's delegation: contact and the credentials' reference. */
export function RegisterDelegationForm(props: {
  eventId: string;
  party: string;
  person: Person;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.person.name ?? '');
  const [email, setEmail] = useState(props.person.email ?? '');
  const [credentialsReference, setReference] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [pending, run] = useSingleFlight();
  const errors = fieldErrorsOf(error, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = withoutBlanks({ party: props.party, coordinator: { name, email }, credentialsReference });
      const invalid = await validateWithContract(RegisterDelegationDto, body);
      if (invalid.length)
        return setError(new ApiError(400, 'VALIDATION_FAILED', t('form.fixFields'), invalid));
      try {
        await api.post('participants', `/events/${props.eventId}/delegations`, body, {
          idempotencyKey: crypto.randomUUID(),
        });
        setError(undefined);
        props.onDone();
      } catch (e) {
        setError(e as ApiError);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-delegation">
      <h2 id="register-delegation">{t('delegation.registerTitle')}</h2>
      <p>{t('delegation.registerLead')}</p>
      <Field
        label={t('delegation.contactName')}
        name="coordinator.name"
        value={name}
        onChange={setName}
        errors={errors['coordinator.name']}
        isRequired
        autoComplete="name"
      />
      <Field
        label={t('delegation.contactEmail')}
        name="coordinator.email"
        type="email"
        value={email}
        onChange={setEmail}
        errors={errors['coordinator.email']}
        isRequired
        autoComplete="email"
        dir="ltr"
      />
      <Field
        label={t('delegation.credentialsReference')}
        name="credentialsReference"
        value={credentialsReference}
        onChange={setReference}
        errors={errors.credentialsReference}
        description={t('delegation.credentialsReferenceHint')}
      />
      {formLevel(error) || errors.party ? <Notice tone="error">{plainWords(error!, t)}</Notice> : null}
      <SubmitButton pending={pending}>{t('delegation.register')}</SubmitButton>
    </form>
  );
}
