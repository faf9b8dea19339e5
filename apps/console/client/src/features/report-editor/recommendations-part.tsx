import { useTranslation } from 'react-i18next';
import { newKey } from './draft-model';
import { EntryList } from './entry-list';
import { entryErrors, listActions, type PartProps, setEntry } from './part-props';
import { WritingField } from './writing-field';

/** What the meeting recommends. */
export function RecommendationsPart(props: PartProps) {
  const { t } = useTranslation();
  return (
    <EntryList
      id="recommendations"
      heading={t('reportEditor.recommendations')}
      entryLabel={(i) => t('reportEditor.recommendationN', { n: i + 1 })}
      addLabel={t('reportEditor.addRecommendation')}
      fieldName={(f) => t(`reportEditor.fields.${f}`)}
      empty={t('reportEditor.noRecommendations')}
      {...listActions(props, 'recommendations', () => ({ key: newKey(), text: '' }))}
    >
      {(item) => (
        <WritingField
          label={t('reportEditor.recommendationText')}
          value={item.text}
          onChange={(text) => setEntry(props, 'recommendations', item.key, { text })}
          lang={props.lang}
          dir={props.dir}
          rows={3}
          errors={entryErrors(props, item.key, 'text')}
          isRequired
          readOnly={props.readOnly}
        />
      )}
    </EntryList>
  );
}
