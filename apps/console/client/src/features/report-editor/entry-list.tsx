import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Withheld } from './draft-model';

interface EntryListProps<T extends { key: string }> {
  id: string;
  heading: string;
  /** the legend of one entry: "Statement 2" */
  entryLabel(index: number): string;
  addLabel: string;
  entries: readonly T[];
  withheld: Record<string, Withheld>;
  /** the words for a field's name, to say what an entry still needs */
  fieldName(field: string): string;
  readOnly: boolean;
  onAdd(): void;
  onRemove(index: number): void;
  onMove(index: number, by: -1 | 1): void;
  children(entry: T, index: number): ReactNode;
  empty?: string;
}

/** One part of the report (statements, agreements…): its entries, each movable and removable. */
export function EntryList<T extends { key: string }>(props: EntryListProps<T>) {
  const { t } = useTranslation();
  return (
    <section className="report-part" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      {props.entries.length === 0 && props.empty ? <p className="muted">{props.empty}</p> : null}
      <ol className="entries">
        {props.entries.map((entry, index) => {
          const held = props.withheld[entry.key];
          const label = props.entryLabel(index);
          return (
            <li key={entry.key} className="entry" data-entry={entry.key}>
              <fieldset>
                <legend>{label}</legend>
                {props.children(entry, index)}
                {held && !props.readOnly ? (
                  <p className="entry-held" role="note">
                    {held.missing.length
                      ? t('reportEditor.entryNeeds', {
                          fields: held.missing.map(props.fieldName).join(', '),
                        })
                      : t('reportEditor.entryInvalid')}
                  </p>
                ) : null}
                {props.readOnly ? null : (
                  <div className="entry-actions">
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={index === 0}
                      onClick={() => props.onMove(index, -1)}
                      aria-label={t('reportEditor.moveUp', { entry: label })}
                    >
                      {t('reportEditor.up')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={index === props.entries.length - 1}
                      onClick={() => props.onMove(index, 1)}
                      aria-label={t('reportEditor.moveDown', { entry: label })}
                    >
                      {t('reportEditor.down')}
                    </button>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => props.onRemove(index)}
                      aria-label={t('reportEditor.removeEntry', { entry: label })}
                    >
                      {t('reportEditor.remove')}
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {props.readOnly ? null : (
        <button type="button" className="button button-secondary" onClick={props.onAdd}>
          {props.addLabel}
        </button>
      )}
    </section>
  );
}
