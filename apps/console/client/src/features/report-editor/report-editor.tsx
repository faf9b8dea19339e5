import type { EventView } from '@libs/contracts/src/events/event.view';
import type { AttendanceView } from '@libs/contracts/src/reports/attendance.view';
import { useTranslation } from 'react-i18next';
import { AnnexesPart } from './annexes-part';
import { ConflictPanel } from './conflict-panel';
import { DecisionsPart } from './decisions-part';
import { FollowUpsPart } from './follow-ups-part';
import type { PartProps } from './part-props';
import { RecommendationsPart } from './recommendations-part';
import { writingDirection } from './report-language';
import { SaveStatusLine } from './save-status';
import { SectionsPart } from './sections-part';
import { StatementsPart } from './statements-part';
import type { Autosave } from './use-autosave';
import { WritingField } from './writing-field';

/** The draft being written: title, summary, then each part of the outcome in the report's order. */
export function ReportEditor(props: {
  autosave: Autosave;
  event: EventView;
  attendance: AttendanceView | undefined;
  language: string;
}) {
  const { t } = useTranslation();
  const { autosave } = props;
  const editable = autosave.report.workingVersion?.state === 'draft';
  const part: PartProps = {
    model: autosave.model,
    change: autosave.change,
    plan: autosave.plan,
    serverErrors: autosave.serverErrors,
    lang: props.language,
    dir: writingDirection(props.language),
    readOnly: !editable || autosave.status.kind === 'conflict',
  };
  const top = (field: 'title' | 'summary') => {
    const errors = [...(autosave.plan?.heldFields[field] ?? []), ...(autosave.serverErrors[field] ?? [])];
    return errors.length ? errors : undefined;
  };
  const parties = props.attendance?.delegations ?? [];
  const held =
    Object.keys(autosave.plan?.withheld ?? {}).length + Object.keys(autosave.plan?.heldFields ?? {}).length;
  return (
    <div className="report-editor">
      <div className="editor-status">
        <SaveStatusLine status={autosave.status} held={held} />
      </div>
      {autosave.status.kind === 'conflict' ? (
        <ConflictPanel
          theirs={autosave.status.theirs}
          mine={autosave.model}
          language={props.language}
          onKeepMine={autosave.keepMine}
          onTakeTheirs={autosave.takeTheirs}
        />
      ) : null}
      {!editable && autosave.report.workingVersion ? (
        <p className="notice notice-info">{t('reportEditor.inReviewReadOnly')}</p>
      ) : null}
      <form
        className="report-form"
        aria-label={t('reportEditor.draftForm')}
        onSubmit={(e) => e.preventDefault()}
      >
        <WritingField
          label={t('reportEditor.title')}
          value={autosave.model.title}
          onChange={(title) => autosave.change((m) => ({ ...m, title }))}
          lang={part.lang}
          dir={part.dir}
          errors={top('title')}
          isRequired
          readOnly={part.readOnly}
        />
        <WritingField
          label={t('reportEditor.summary')}
          description={t('reportEditor.summaryHint')}
          value={autosave.model.summary}
          onChange={(summary) => autosave.change((m) => ({ ...m, summary }))}
          lang={part.lang}
          dir={part.dir}
          rows={6}
          errors={top('summary')}
          readOnly={part.readOnly}
        />
        <SectionsPart {...part} agenda={props.event.agenda} />
        <StatementsPart {...part} eventId={props.event.id} parties={parties} />
        <DecisionsPart {...part} parties={parties} />
        <RecommendationsPart {...part} />
        <FollowUpsPart {...part} />
        <AnnexesPart {...part} />
      </form>
    </div>
  );
}
