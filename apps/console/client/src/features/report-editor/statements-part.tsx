import type { AttendanceView } from '@libs/contracts/src/reports/attendance.view';
import { useTranslation } from 'react-i18next';
import { partyName } from '../../i18n/format';
import { Choice } from '../../ui/fields';
import { newKey } from './draft-model';
import { EntryList } from './entry-list';
import { entryErrors, listActions, type PartProps, setEntry } from './part-props';
import { SpeakerField } from './speaker-field';
import { WritingField } from './writing-field';

/** Who said what: the speaker picked from the participants, their position and party, the quote. */
export function StatementsPart(
  props: PartProps & { eventId: string; parties: AttendanceView['delegations'] },
) {
  const { t, i18n } = useTranslation();
  return (
    <EntryList
      id="statements"
      heading={t('reportEditor.statements')}
      entryLabel={(i) => t('reportEditor.statementN', { n: i + 1 })}
      addLabel={t('reportEditor.addStatement')}
      fieldName={(f) => t(`reportEditor.fields.${f}`)}
      empty={t('reportEditor.noStatements')}
      {...listActions(props, 'statements', () => ({
        key: newKey(),
        speaker: '',
        position: '',
        party: '',
        quote: '',
      }))}
    >
      {(statement) => (
        <>
          <div className="grid-2">
            <SpeakerField
              eventId={props.eventId}
              language={props.lang}
              dir={props.dir}
              value={statement.speaker}
              onType={(speaker) => setEntry(props, 'statements', statement.key, { speaker })}
              onPick={(choice) => setEntry(props, 'statements', statement.key, choice)}
              errors={entryErrors(props, statement.key, 'speaker')}
              readOnly={props.readOnly}
            />
            <WritingField
              label={t('reportEditor.position')}
              value={statement.position}
              onChange={(position) => setEntry(props, 'statements', statement.key, { position })}
              lang={props.lang}
              dir={props.dir}
              errors={entryErrors(props, statement.key, 'position')}
              readOnly={props.readOnly}
            />
            <Choice
              label={t('reportEditor.party')}
              name={`party-${statement.key}`}
              value={statement.party}
              emptyLabel={t('reportEditor.noParty')}
              options={[
                ...props.parties.map((d) => ({
                  value: d.party.code,
                  label: partyName(d.party.code, d.party.name, i18n.language),
                })),
                // A party given before that is no longer among those attending stays choosable.
                ...(statement.party && !props.parties.some((d) => d.party.code === statement.party)
                  ? [{ value: statement.party, label: statement.party }]
                  : []),
              ]}
              onChange={(party) => setEntry(props, 'statements', statement.key, { party })}
              errors={entryErrors(props, statement.key, 'party')}
            />
          </div>
          <WritingField
            label={t('reportEditor.quote')}
            value={statement.quote}
            onChange={(quote) => setEntry(props, 'statements', statement.key, { quote })}
            lang={props.lang}
            dir={props.dir}
            rows={5}
            errors={entryErrors(props, statement.key, 'quote')}
            isRequired
            readOnly={props.readOnly}
          />
        </>
      )}
    </EntryList>
  );
}
