import { PARTY_STANDINGS, type PartyStanding } from '@libs/contracts/src/events/event-enums';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/fields';
import type { PartyDraft } from './meeting-draft';
import { countryName, countryOptions } from './names';
import { SearchableChoice } from './searchable-choice';

interface PartiesEditorProps {
  parties: PartyDraft[];
  onChange(parties: PartyDraft[]): void;
  /** field errors by the API's path: "parties", "parties[2].code" */
  errorsAt(path: string): string[];
}

/** How a party is named in the console: a state in the reader's language, an organisation by its acronym and name. */
export function partyLabel(party: { code: string; kind: string; name: string }, language: string): string {
  return party.kind === 'state' ? countryName(party.code, language) : `${party.code} — ${party.name}`;
}

/**
 * The parties of a meeting: states picked from the ISO 3166 list (named in the page's language),
 * organisations by acronym and name; each with its standings at this meeting.
 */
export function PartiesEditor({ parties, onChange, errorsAt }: PartiesEditorProps) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const [acronym, setAcronym] = useState('');
  const [orgName, setOrgName] = useState('');
  const [orgError, setOrgError] = useState<string[]>([]);
  const taken = new Set(parties.map((p) => p.code));
  const available = countries.filter((c) => !taken.has(c.value));

  const add = (party: PartyDraft) => onChange([...parties, party]);
  const update = (index: number, change: Partial<PartyDraft>) =>
    onChange(parties.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const toggle = (index: number, standing: PartyStanding, on: boolean) => {
    const current = parties[index]!.standings;
    update(index, {
      standings: on
        ? PARTY_STANDINGS.filter((s) => s === standing || current.includes(s))
        : current.filter((s) => s !== standing),
    });
  };

  const addOrganisation = () => {
    const code = acronym.trim().toUpperCase();
    if (!code || orgName.trim() === '')
      return setOrgError([t('meetingEditor.parties.organisationNeedsBoth')]);
    if (taken.has(code)) return setOrgError([t('meetingEditor.parties.already', { party: code })]);
    setOrgError([]);
    add({ code, kind: 'organization', name: orgName.trim(), standings: ['observer'] });
    setAcronym('');
    setOrgName('');
  };

  return (
    <fieldset className="editor-section">
      <legend>{t('meetingEditor.parties.title')}</legend>
      <p className="hint">{t('meetingEditor.parties.lead')}</p>
      {errorsAt('parties').length ? (
        <p className="field-error" role="alert">
          {errorsAt('parties').join(' ')}
        </p>
      ) : null}
      {parties.length === 0 ? <p>{t('meetingEditor.parties.none')}</p> : null}
      <ul className="party-list">
        {parties.map((party, index) => {
          const label = partyLabel(party, i18n.language);
          const rowErrors = [
            ...errorsAt(`parties[${index}]`),
            ...errorsAt(`parties[${index}].code`),
            ...errorsAt(`parties[${index}].kind`),
            ...errorsAt(`parties[${index}].name`),
            ...errorsAt(`parties[${index}].standings`),
          ];
          return (
            <li key={party.code} className="party-row">
              <fieldset aria-describedby={rowErrors.length ? `party-${party.code}-error` : undefined}>
                <legend>
                  <span className="party-name">{label}</span>
                  {party.kind === 'state' ? <span className="muted"> {party.code}</span> : null}
                </legend>
                <div className="standings">
                  {PARTY_STANDINGS.map((standing) => (
                    <label key={standing} className="check">
                      <input
                        type="checkbox"
                        checked={party.standings.includes(standing)}
                        onChange={(e) => toggle(index, standing, e.target.checked)}
                      />
                      {t(`meetingEditor.standings.${standing}`)}
                    </label>
                  ))}
                </div>
                {rowErrors.length ? (
                  <p id={`party-${party.code}-error`} className="field-error">
                    {rowErrors.join(' ')}
                  </p>
                ) : null}
              </fieldset>
              <button
                type="button"
                className="button button-danger"
                aria-label={t('meetingEditor.parties.removeNamed', { party: label })}
                onClick={() => onChange(parties.filter((_, i) => i !== index))}
              >
                {t('meetingEditor.parties.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="grid-2">
        <SearchableChoice
          label={t('meetingEditor.parties.addState')}
          name="add-state"
          options={available}
          clearsOnChoice
          showAllLabel={t('meetingEditor.showAll')}
          description={t('meetingEditor.parties.addStateHint')}
          onChoose={(code) => add({ code, kind: 'state', name: '', standings: ['member'] })}
        />
        <div className="add-organisation" role="group" aria-labelledby="add-organisation-title">
          <p id="add-organisation-title" className="group-title">
            {t('meetingEditor.parties.addOrganisation')}
          </p>
          <div className="grid-2">
            <Field
              label={t('meetingEditor.parties.acronym')}
              name="organisation-acronym"
              value={acronym}
              onChange={setAcronym}
              dir="ltr"
              errors={orgError}
            />
            <Field
              label={t('meetingEditor.parties.organisationName')}
              name="organisation-name"
              value={orgName}
              onChange={setOrgName}
            />
          </div>
          <button type="button" className="button button-secondary" onClick={addOrganisation}>
            {t('meetingEditor.parties.addOrganisationAction')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
