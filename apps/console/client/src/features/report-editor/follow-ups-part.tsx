import { FOLLOW_UP_STATUSES } from '@libs/contracts/src/reports/report-content';
import { useTranslation } from 'react-i18next';
import { Choice } from '../../ui/fields';
import { newKey } from './draft-model';
import { EntryList } from './entry-list';
import { entryErrors, listActions, type PartProps, setEntry } from './part-props';
import { WritingField } from './writing-field';

/** What is to be done after the meeting: the action, who does it, by when, and how far it is. */
export function FollowUpsPart(props: PartProps) {
  const { t } = useTranslation();
  return (
    <EntryList
      id="follow-ups"
      heading={t('reportEditor.followUps')}
      entryLabel={(i) => t('reportEditor.followUpN', { n: i + 1 })}
      addLabel={t('reportEditor.addFollowUp')}
      fieldName={(f) => t(`reportEditor.fields.${f}`)}
      empty={t('reportEditor.noFollowUps')}
      {...listActions(props, 'followUps', () => ({
        key: newKey(),
        action: '',
        responsible: '',
        dueDate: '',
        status: 'open',
      }))}
    >
      {(item) => (
        <>
          <WritingField
            label={t('reportEditor.action')}
            value={item.action}
            onChange={(action) => setEntry(props, 'followUps', item.key, { action })}
            lang={props.lang}
            dir={props.dir}
            rows={3}
            errors={entryErrors(props, item.key, 'action')}
            isRequired
            readOnly={props.readOnly}
          />
          <div className="grid-2">
            <WritingField
              label={t('reportEditor.responsible')}
              value={item.responsible}
              onChange={(responsible) => setEntry(props, 'followUps', item.key, { responsible })}
              lang={props.lang}
              dir={props.dir}
              errors={entryErrors(props, item.key, 'responsible')}
              isRequired
              readOnly={props.readOnly}
            />
            <WritingField
              label={t('reportEditor.dueDate')}
              type="date"
              value={item.dueDate}
              onChange={(dueDate) => setEntry(props, 'followUps', item.key, { dueDate })}
              lang={props.lang}
              dir={props.dir}
              errors={entryErrors(props, item.key, 'dueDate')}
              readOnly={props.readOnly}
            />
            <Choice
              label={t('reportEditor.status')}
              name={`status-${item.key}`}
              value={item.status}
              options={FOLLOW_UP_STATUSES.map((s) => ({
                value: s,
                label: t(`reportEditor.followUpStatuses.${s}`),
              }))}
              onChange={(status) => status && setEntry(props, 'followUps', item.key, { status })}
            />
          </div>
        </>
      )}
    </EntryList>
  );
}
