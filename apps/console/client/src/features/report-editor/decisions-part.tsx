import type { AttendanceView } from '@libs/contracts/src/reports/attendance.view';
import { DECISION_KINDS } from '@libs/contracts/src/reports/report-content';
import { useTranslation } from 'react-i18next';
import { partyName } from '../../i18n/format';
import { Choice } from '../../ui/fields';
import { newKey } from './draft-model';
import { EntryList } from './entry-list';
import { entryErrors, listActions, type PartProps, setEntry } from './part-props';
import { WritingField } from './writing-field';

/** What was agreed or decided, and by whom: the parties are picked from those who attended. */
export function DecisionsPart(props: PartProps & { parties: AttendanceView['delegations'] }) {
  const { t, i18n } = useTranslation();
  return (
    <EntryList
      id="decisions"
      heading={t('reportEditor.decisions')}
      entryLabel={(i) => t('reportEditor.decisionN', { n: i + 1 })}
      addLabel={t('reportEditor.addDecision')}
      fieldName={(f) => t(`reportEditor.fields.${f}`)}
      empty={t('reportEditor.noDecisions')}
      {...listActions(props, 'decisions', () => ({
        key: newKey(),
        kind: 'agreement',
        text: '',
        parties: [],
      }))}
    >
      {(decision) => {
        const known = props.parties.map((d) => ({
          code: d.party.code,
          name: partyName(d.party.code, d.party.name, i18n.language),
        }));
        const others = decision.parties
          .filter((code) => !known.some((k) => k.code === code))
          .map((code) => ({ code, name: code }));
        const toggle = (code: string, on: boolean) =>
          setEntry(props, 'decisions', decision.key, {
            parties: on ? [...decision.parties, code] : decision.parties.filter((p) => p !== code),
          });
        const errors = entryErrors(props, decision.key, 'parties');
        return (
          <>
            <Choice
              label={t('reportEditor.decisionKind')}
              name={`kind-${decision.key}`}
              value={decision.kind}
              options={DECISION_KINDS.map((k) => ({ value: k, label: t(`reportEditor.decisionKinds.${k}`) }))}
              onChange={(kind) => kind && setEntry(props, 'decisions', decision.key, { kind })}
            />
            <WritingField
              label={t('reportEditor.decisionText')}
              value={decision.text}
              onChange={(text) => setEntry(props, 'decisions', decision.key, { text })}
              lang={props.lang}
              dir={props.dir}
              rows={4}
              errors={entryErrors(props, decision.key, 'text')}
              isRequired
              readOnly={props.readOnly}
            />
            <fieldset
              className="party-picker"
              aria-describedby={errors ? `${decision.key}-parties-error` : undefined}
            >
              <legend>{t('reportEditor.agreeingParties')}</legend>
              {known.length === 0 && others.length === 0 ? (
                <p className="muted">{t('reportEditor.noAttendance')}</p>
              ) : null}
              <div className="checks">
                {[...known, ...others].map((party) => (
                  <label key={party.code} className="check">
                    <input
                      type="checkbox"
                      checked={decision.parties.includes(party.code)}
                      disabled={props.readOnly}
                      onChange={(e) => toggle(party.code, e.target.checked)}
                    />
                    {party.name}
                  </label>
                ))}
              </div>
              {known.length > 1 && !props.readOnly ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    setEntry(props, 'decisions', decision.key, {
                      parties: [...new Set([...decision.parties, ...known.map((k) => k.code)])],
                    })
                  }
                >
                  {t('reportEditor.allAttending')}
                </button>
              ) : null}
              {errors ? (
                <span id={`${decision.key}-parties-error`} className="field-error">
                  {errors.join(' ')}
                </span>
              ) : null}
            </fieldset>
          </>
        );
      }}
    </EntryList>
  );
}
