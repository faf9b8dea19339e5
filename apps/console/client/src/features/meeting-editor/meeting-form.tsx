import { EVENT_KINDS, type EventKind } from '@libs/contracts/src/events/event-enums';
import { useMemo, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../ui/action-button';
import { Choice, Field, Notice } from '../../ui/fields';
import type { MeetingDraft } from './meeting-draft';
import { countryOptions, languageName, languageOptions, zoneLabel } from './names';
import { PartiesEditor, partyLabel } from './parties-editor';
import { SearchableChoice } from './searchable-choice';
import { ZonedDateTimeField } from './zoned-date-time-field';
import { timeZones, zoneOffsetLabel } from './zoned-time';

export type FieldErrors = Record<string, string[]>;

interface MeetingFormProps {
  /** the form's accessible name */
  title: string;
  draft: MeetingDraft;
  onChange(draft: MeetingDraft): void;
  errors: FieldErrors;
  pending: boolean;
  submitLabel: string;
  onSubmit(): void;
  /** dates change in a draft only; after that the meeting is postponed */
  datesLocked?: boolean;
  /** a refusal about the whole form, or a conflict, shown above the button */
  notice?: ReactNode;
}

/** Paths the form shows at a field of its own; any other field error is listed above the button. */
function placedPaths(draft: MeetingDraft): Set<string> {
  const paths = [
    'title',
    'kind',
    'process',
    'process.name',
    'process.acronym',
    'description',
    'languages',
    'startsAt',
    'endsAt',
    'timeZone',
    'venue',
    'venue.name',
    'venue.address',
    'venue.city',
    'venue.country',
    'hostParty',
    'chairParty',
    'parties',
    'registration',
    'registration.opensAt',
    'registration.closesAt',
    'registration.quotaPerDelegation',
  ];
  draft.parties.forEach((_, i) => {
    for (const f of ['', '.code', '.kind', '.name', '.standings']) paths.push(`parties[${i}]${f}`);
  });
  return new Set(paths);
}

/**
 * Every field of a meeting, in the order a secretariat officer thinks of them. Times are typed in
 * the meeting's time zone, which is shown beside each one.
 */
export function MeetingForm(props: MeetingFormProps) {
  const { t, i18n } = useTranslation();
  const { draft, errors } = props;
  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) =>
    props.onChange({ ...draft, [key]: value });
  const at = (path: string) => errors[path] ?? [];
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const zones = useMemo(
    () => timeZones().map((zone) => ({ value: zone, label: zoneLabel(zone, zoneOffsetLabel(zone)) })),
    [],
  );
  const placed = placedPaths(draft);
  const elsewhere = Object.entries(errors).filter(([path]) => !placed.has(path));
  const partyChoices = draft.parties.map((p) => ({ value: p.code, label: partyLabel(p, i18n.language) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={props.title} className="meeting-form">
      <fieldset className="editor-section">
        <legend>{t('meetingEditor.sections.meeting')}</legend>
        <Field
          label={t('meetingEditor.fields.title')}
          name="title"
          value={draft.title}
          onChange={(v) => set('title', v)}
          errors={at('title')}
          isRequired
        />
        <div className="grid-2">
          <Choice<EventKind>
            label={t('meetingEditor.fields.kind')}
            name="kind"
            value={draft.kind}
            onChange={(v) => set('kind', v)}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`meetingEditor.kinds.${k}`) }))}
            errors={at('kind')}
          />
          <Field
            label={t('meetingEditor.fields.processName')}
            name="process.name"
            value={draft.processName}
            onChange={(v) => set('processName', v)}
            errors={[...at('process'), ...at('process.name')]}
            description={t('meetingEditor.fields.processHint')}
          />
          <Field
            label={t('meetingEditor.fields.processAcronym')}
            name="process.acronym"
            value={draft.processAcronym}
            onChange={(v) => set('processAcronym', v)}
            errors={at('process.acronym')}
            dir="ltr"
          />
        </div>
        <Field
          label={t('meetingEditor.fields.description')}
          name="description"
          value={draft.description}
          onChange={(v) => set('description', v)}
          errors={at('description')}
          multiline
        />
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('meetingEditor.sections.dates')}</legend>
        {props.datesLocked ? <p className="hint">{t('meetingEditor.fields.datesLocked')}</p> : null}
        <SearchableChoice
          label={t('meetingEditor.fields.timeZone')}
          name="timeZone"
          options={zones}
          value={draft.timeZone}
          onChoose={(v) => set('timeZone', v)}
          errors={at('timeZone')}
          description={t('meetingEditor.fields.timeZoneHint')}
          showAllLabel={t('meetingEditor.showAll')}
          isDisabled={props.datesLocked ?? false}
          isRequired
        />
        <div className="grid-2">
          <ZonedDateTimeField
            label={t('meetingEditor.fields.startsAt')}
            name="startsAt"
            value={draft.startsAt}
            timeZone={draft.timeZone}
            onChange={(v) => set('startsAt', v)}
            errors={at('startsAt')}
            isDisabled={props.datesLocked ?? false}
            isRequired
          />
          <ZonedDateTimeField
            label={t('meetingEditor.fields.endsAt')}
            name="endsAt"
            value={draft.endsAt}
            timeZone={draft.timeZone}
            onChange={(v) => set('endsAt', v)}
            errors={at('endsAt')}
            isDisabled={props.datesLocked ?? false}
            isRequired
          />
        </div>
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('meetingEditor.sections.venue')}</legend>
        {at('venue').length ? <p className="field-error">{at('venue').join(' ')}</p> : null}
        <div className="grid-2">
          <Field
            label={t('meetingEditor.fields.venueName')}
            name="venue.name"
            value={draft.venueName}
            onChange={(v) => set('venueName', v)}
            errors={at('venue.name')}
          />
          <Field
            label={t('meetingEditor.fields.venueAddress')}
            name="venue.address"
            value={draft.venueAddress}
            onChange={(v) => set('venueAddress', v)}
            errors={at('venue.address')}
          />
          <Field
            label={t('meetingEditor.fields.venueCity')}
            name="venue.city"
            value={draft.venueCity}
            onChange={(v) => set('venueCity', v)}
            errors={at('venue.city')}
          />
          <SearchableChoice
            label={t('meetingEditor.fields.venueCountry')}
            name="venue.country"
            options={countries}
            value={draft.venueCountry}
            onChoose={(v) => set('venueCountry', v)}
            errors={at('venue.country')}
            showAllLabel={t('meetingEditor.showAll')}
          />
        </div>
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('meetingEditor.sections.languages')}</legend>
        {draft.languages.length ? (
          <ul className="tags" aria-label={t('meetingEditor.fields.languagesChosen')}>
            {draft.languages.map((code) => (
              <li key={code} className="tag">
                <span>{languageName(code, i18n.language)}</span>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t('meetingEditor.fields.removeLanguage', {
                    language: languageName(code, i18n.language),
                  })}
                  onClick={() =>
                    set(
                      'languages',
                      draft.languages.filter((l) => l !== code),
                    )
                  }
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('meetingEditor.fields.noLanguages')}</p>
        )}
        <SearchableChoice
          label={t('meetingEditor.fields.addLanguage')}
          name="add-language"
          options={languages.filter((l) => !draft.languages.includes(l.value))}
          clearsOnChoice
          onChoose={(code) => set('languages', [...draft.languages, code])}
          errors={at('languages')}
          showAllLabel={t('meetingEditor.showAll')}
        />
      </fieldset>

      <PartiesEditor
        parties={draft.parties}
        onChange={(parties) =>
          props.onChange({
            ...draft,
            parties,
            hostParty: parties.some((p) => p.code === draft.hostParty) ? draft.hostParty : '',
            chairParty: parties.some((p) => p.code === draft.chairParty) ? draft.chairParty : '',
          })
        }
        errorsAt={at}
      />

      <fieldset className="editor-section">
        <legend>{t('meetingEditor.sections.hostChair')}</legend>
        <div className="grid-2">
          <Choice
            label={t('meetingEditor.fields.hostParty')}
            name="hostParty"
            value={draft.hostParty}
            onChange={(v) => set('hostParty', v)}
            options={partyChoices}
            emptyLabel={t('meetingEditor.fields.nobody')}
            errors={at('hostParty')}
          />
          <Choice
            label={t('meetingEditor.fields.chairParty')}
            name="chairParty"
            value={draft.chairParty}
            onChange={(v) => set('chairParty', v)}
            options={partyChoices}
            emptyLabel={t('meetingEditor.fields.nobody')}
            errors={at('chairParty')}
          />
        </div>
      </fieldset>

      <fieldset className="editor-section">
        <legend>{t('meetingEditor.sections.registration')}</legend>
        <p className="hint">{t('meetingEditor.fields.registrationHint')}</p>
        {at('registration').length ? <p className="field-error">{at('registration').join(' ')}</p> : null}
        <div className="grid-2">
          <ZonedDateTimeField
            label={t('meetingEditor.fields.opensAt')}
            name="registration.opensAt"
            value={draft.registrationOpensAt}
            timeZone={draft.timeZone}
            onChange={(v) => set('registrationOpensAt', v)}
            errors={at('registration.opensAt')}
          />
          <ZonedDateTimeField
            label={t('meetingEditor.fields.closesAt')}
            name="registration.closesAt"
            value={draft.registrationClosesAt}
            timeZone={draft.timeZone}
            onChange={(v) => set('registrationClosesAt', v)}
            errors={at('registration.closesAt')}
          />
          <QuotaField
            value={draft.quota}
            onChange={(v) => set('quota', v)}
            errors={at('registration.quotaPerDelegation')}
          />
        </div>
      </fieldset>

      {elsewhere.length ? (
        <Notice tone="error">
          <ul>
            {elsewhere.map(([path, messages]) => (
              <li key={path}>{messages.join(' ')}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {props.notice}
      <div className="actions">
        <SubmitButton pending={props.pending}>{props.submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

function QuotaField(props: { value: string; onChange(v: string): void; errors: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="quota">{t('meetingEditor.fields.quota')}</label>
      <input
        id="quota"
        name="registration.quotaPerDelegation"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        value={props.value}
        aria-invalid={props.errors.length > 0 || undefined}
        aria-describedby={`quota-hint${props.errors.length ? ' quota-error' : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id="quota-hint" className="hint">
        {t('meetingEditor.fields.quotaHint')}
      </span>
      {props.errors.length ? (
        <span id="quota-error" className="field-error">
          {props.errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}
