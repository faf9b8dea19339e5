import type { AgendaItemView } from '@libs/contracts/src/events/event.view';
import { SECTION_KINDS } from '@libs/contracts/src/reports/report-content';
import { useTranslation } from 'react-i18next';
import { Choice } from '../../ui/fields';
import { newKey, outlineSections } from './draft-model';
import { EntryList } from './entry-list';
import { entryErrors, listActions, type PartProps, setEntry } from './part-props';
import { WritingField } from './writing-field';

/**
 * What was discussed, in the meeting's order: the opening, one section per agenda item, the
 * closing. A new report is given that outline from the agenda; what is missing can be added again.
 */
export function SectionsPart(props: PartProps & { agenda: readonly AgendaItemView[] }) {
  const { t } = useTranslation();
  const covered = new Set(props.model.sections.map((s) => s.agendaItemId).filter(Boolean));
  const missing = props.agenda.filter((item) => !covered.has(item.id));
  const hasOpening = props.model.sections.some((s) => s.kind === 'opening');
  const addOutline = () =>
    props.change((m) => {
      const outline = outlineSections(props.agenda, {
        opening: t('reportEditor.openingTitle', { lng: props.lang }),
        closing: t('reportEditor.closingTitle', { lng: props.lang }),
      });
      // Keep what is written; add what the outline has and the report lacks, in the outline's order.
      const present = new Set(m.sections.map((s) => s.agendaItemId || s.kind));
      const add = outline.filter((s) => !present.has(s.agendaItemId || s.kind));
      const order = (s: (typeof m.sections)[number]) => {
        if (s.kind === 'opening') return -1;
        if (s.kind === 'closing') return 1e6;
        const at = props.agenda.findIndex((a) => a.id === s.agendaItemId);
        return at < 0 ? 1e5 : at;
      };
      return { ...m, sections: [...m.sections, ...add].sort((a, b) => order(a) - order(b)) };
    });
  return (
    <>
      <EntryList
        id="sections"
        heading={t('reportEditor.sections')}
        entryLabel={(i) => t('reportEditor.sectionN', { n: i + 1 })}
        addLabel={t('reportEditor.addSection')}
        fieldName={(f) => t(`reportEditor.fields.${f}`)}
        empty={t('reportEditor.noSections')}
        {...listActions(props, 'sections', () => ({
          key: newKey(),
          kind: 'other',
          title: '',
          agendaItemId: '',
          text: '',
        }))}
      >
        {(section) => (
          <>
            <div className="grid-2">
              <Choice
                label={t('reportEditor.sectionKind')}
                name={`kind-${section.key}`}
                value={section.kind}
                options={SECTION_KINDS.map((k) => ({ value: k, label: t(`reportEditor.sectionKinds.${k}`) }))}
                onChange={(kind) => kind && setEntry(props, 'sections', section.key, { kind })}
              />
              <WritingField
                label={t('reportEditor.sectionTitle')}
                value={section.title}
                onChange={(title) => setEntry(props, 'sections', section.key, { title })}
                lang={props.lang}
                dir={props.dir}
                errors={entryErrors(props, section.key, 'title')}
                isRequired
                readOnly={props.readOnly}
              />
            </div>
            <WritingField
              label={t('reportEditor.sectionText')}
              value={section.text}
              onChange={(text) => setEntry(props, 'sections', section.key, { text })}
              lang={props.lang}
              dir={props.dir}
              rows={8}
              errors={entryErrors(props, section.key, 'text')}
              isRequired
              readOnly={props.readOnly}
            />
          </>
        )}
      </EntryList>
      {!props.readOnly && (missing.length > 0 || !hasOpening) ? (
        <button type="button" className="button button-secondary" onClick={addOutline}>
          {t('reportEditor.addOutline')}
        </button>
      ) : null}
    </>
  );
}
