import type { ReportDetailsView } from '@libs/contracts/src/reports/report.view';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../ui/action-button';
import { DiffTable } from './diff-table';
import { type DraftModel, toContent } from './draft-model';

/**
 * A save refused with 412: someone changed the draft meanwhile. Both are kept until the person
 * chooses: theirs (as stored now) and theirs-versus-mine side by side; nothing is overwritten
 * silently.
 */
export function ConflictPanel(props: {
  theirs: ReportDetailsView;
  mine: DraftModel;
  language: string;
  onKeepMine(): Promise<void>;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation();
  const theirs = props.theirs.workingVersion;
  return (
    <section className="conflict" aria-labelledby="conflict-title" role="alert">
      <h3 id="conflict-title">{t('reportEditor.conflictTitle')}</h3>
      <p>
        {theirs
          ? t('reportEditor.conflictLead')
          : t('reportEditor.conflictNoDraft', { state: t(`reportEditor.states.${props.theirs.state}`) })}
      </p>
      {theirs ? (
        <DiffTable
          from={theirs.content}
          to={toContent(props.mine)}
          fromLabel={t('reportEditor.theirs')}
          toLabel={t('reportEditor.yours')}
          language={props.language}
        />
      ) : null}
      <div className="actions">
        {theirs ? (
          <ActionButton onAction={props.onKeepMine}>{t('reportEditor.keepMine')}</ActionButton>
        ) : null}
        <button type="button" className="button button-secondary" onClick={props.onTakeTheirs}>
          {t('reportEditor.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
