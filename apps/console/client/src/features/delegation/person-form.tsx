import { RegisterParticipantDto } from '@libs/contracts/src/participants/register-participant.dto';
import {
  DELEGATION_ROLES,
  GENDERS,
  type ParticipantDetailsView,
} from '@libs/contracts/src/participants/participant.view';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { validateWithContract, withoutBlanks } from '../../forms/validate-with-contract';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Choice, Field, Notice } from '../../ui/fields';
import { fieldErrorsOf, formLevel, plainWords } from './refusals';

interface PersonFormProps {
  delegationId: string;
  /** the person being edited; a new person when absent */
  person?: ParticipantDetailsView;
  onDone(): void;
  onCancel?(): void;
}

const EMPTY = { given: '', family: '', givenLatin: '', familyLatin: '' };

/**
 * Adds a person to the delegation, or edits one: names in the original script and in Latin,
 * role, position, contact. Checked with the API's own class first; the API's refusal is shown
 * at the field it names (a second head at "role", a person already registered at "email").
 */
export function PersonForm(props: PersonFormProps) {
  const { t } = useTranslation();
  const p = props.person;
  const [name, setName] = useState({ ...EMPTY, ...(p?.name ?? {}) });
  const [honorific, setHonorific] = useState(p?.honorific ?? '');
  const [position, setPosition] = useState(p?.position ?? '');
  const [organization, setOrganization] = useState(p?.organization ?? '');
  const [role, setRole] = useState<string>(p?.role ?? 'member');
  const [email, setEmail] = useState(p?.email ?? '');
  const [gender, setGender] = useState<string>(p?.gender ?? '');
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [pending, run] = useSingleFlight();
  const errors = fieldErrorsOf(error, t);
  const idPrefix = p ? `edit-${p.id}` : 'new-person';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setSaved(false);
      const body = withoutBlanks({ name, honorific, position, organization, role, email, gender });
      const invalid = await validateWithContract(RegisterParticipantDto, body);
      if (invalid.length)
        return setError(new ApiError(400, 'VALIDATION_FAILED', t('form.fixFields'), invalid));
      try {
        if (p) {
          await api.patch('participants', `/participants/${p.id}`, body, `"${p.version}"`);
        } else {
          await api.post('participants', `/delegations/${props.delegationId}/participants`, body, {
            idempotencyKey: crypto.randomUUID(),
          });
          setName(EMPTY);
          setEmail('');
          setPosition('');
          setOrganization('');
          setHonorific('');
          setRole('member');
          setGender('');
        }
        setError(undefined);
        setSaved(true);
        props.onDone();
      } catch (e) {
        setError(e as ApiError);
      }
    });
  };

  const nameField = (key: keyof typeof EMPTY, autoComplete: string) => (
    <Field
      label={t(`person.${key}`)}
      name={`${idPrefix}.name.${key}`}
      value={name[key]}
      onChange={(value) => setName((n) => ({ ...n, [key]: value }))}
      errors={errors[`name.${key}`]}
      isRequired={key === 'given' || key === 'family'}
      autoComplete={autoComplete}
      {...(key.endsWith('Latin') ? { description: t('person.latinHint'), dir: 'ltr' as const } : {})}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-title`} className="person-form">
      <h3 id={`${idPrefix}-title`}>{p ? t('person.editTitle') : t('person.addTitle')}</h3>
      <fieldset>
        <legend>{t('person.names')}</legend>
        <div className="grid-2">
          {nameField('given', 'given-name')}
          {nameField('family', 'family-name')}
          {nameField('givenLatin', 'off')}
          {nameField('familyLatin', 'off')}
        </div>
      </fieldset>
      <div className="grid-2">
        <Field
          label={t('person.honorific')}
          name={`${idPrefix}.honorific`}
          value={honorific}
          onChange={setHonorific}
          errors={errors.honorific}
        />
        <Choice
          label={t('person.role')}
          name={`${idPrefix}-role`}
          value={role}
          onChange={setRole}
          options={DELEGATION_ROLES.map((r) => ({ value: r, label: t(`delegationRoles.${r}`) }))}
          errors={errors.role}
        />
        <Field
          label={t('person.position')}
          name={`${idPrefix}.position`}
          value={position}
          onChange={setPosition}
          errors={errors.position}
        />
        <Field
          label={t('person.organization')}
          name={`${idPrefix}.organization`}
          value={organization}
          onChange={setOrganization}
          errors={errors.organization}
        />
        <Field
          label={t('person.email')}
          name={`${idPrefix}.email`}
          type="email"
          value={email}
          onChange={setEmail}
          errors={errors.email}
          isRequired
          dir="ltr"
          autoComplete="off"
        />
        <Choice
          label={t('person.gender')}
          name={`${idPrefix}-gender`}
          value={gender}
          onChange={setGender}
          emptyLabel={t('person.genderNotSaid')}
          options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
          errors={errors.gender}
        />
      </div>
      {formLevel(error) ? <Notice tone="error">{plainWords(error!, t)}</Notice> : null}
      {error?.status === 400 && error.errors.length ? (
        <Notice tone="error">{t('form.fixFields')}</Notice>
      ) : null}
      {saved ? <Notice tone="success">{t('person.saved')}</Notice> : null}
      <div className="actions">
        <SubmitButton pending={pending}>{p ? t('form.save') : t('person.add')}</SubmitButton>
        {props.onCancel ? (
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
