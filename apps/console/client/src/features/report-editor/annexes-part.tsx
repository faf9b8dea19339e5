import { useTranslation } from 'react-i18next';
import { newKey } from './draft-model';
import { EntryList } from './entry-list';
import { entryErrors, listActions, type PartProps, setEntry } from './part-props';
import { WritingField } from './writing-field';

/** Documents that go with the report, by their address. */
export function AnnexesPart(props: PartProps) {
  const { t } = useTranslation();
  return (
    <EntryList
      id="annexes"
      heading={t('reportEditor.annexes')}
      entryLabel={(i) => t('reportEditor.annexN', { n: i + 1 })}
      addLabel={t('reportEditor.addAnnex')}
      fieldName={(f) => t(`reportEditor.fields.${f}`)}
      empty={t('reportEditor.noAnnexes')}
      {...listActions(props, 'annexes', () => ({ key: newKey(), title: '', url: '' }))}
    >
      {(item) => (
        <div className="grid-2">
          <WritingField
            label={t('reportEditor.annexTitle')}
            value={item.title}
            onChange={(title) => setEntry(props, 'annexes', item.key, { title })}
            lang={props.lang}
            dir={props.dir}
            errors={entryErrors(props, item.key, 'title')}
            isRequired
            readOnly={props.readOnly}
          />
          <WritingField
            label={t('reportEditor.annexUrl')}
            type="url"
            value={item.url}
            onChange={(url) => setEntry(props, 'annexes', item.key, { url })}
            lang={props.lang}
            dir={props.dir}
            errors={entryErrors(props, item.key, 'url')}
            isRequired
            readOnly={props.readOnly}
          />
        </div>
      )}
    </EntryList>
  );
}
