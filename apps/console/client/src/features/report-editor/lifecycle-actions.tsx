import { PublishReportDto, WithdrawReportDto } from '@libs/contracts/src/reports/report.dto';
import type { ReportDetailsView } from '@libs/contracts/src/reports/report.view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { validateWithContract } from '../../forms/validate-with-contract';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field } from '../../ui/fields';
import { refusalWords } from './refusal';
import type { Autosave } from './use-autosave';

type Step = 'submit' | 'return' | 'publish' | 'amend' | 'withdraw';

/**
 * The report's next steps, each explained and confirmed: submit for review, return to draft,
 * publish (an amendment with its change note), amend, withdraw with a reason. A refusal (the
 * meeting not yet held, a summary missing) is shown in the dialog, in the API's rule.
 */
export function LifecycleActions({
  autosave,
  meetingState,
  onOpen,
}: {
  autosave: Autosave;
  meetingState: string;
  /** a step's dialog opens: what it says about the meeting is read again */
  onOpen(): void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>();
  const [error, setError] = useState<string>();
  const [note, setNote] = useState('');
  const [noteErrors, setNoteErrors] = useState<string[]>([]);
  const report = autosave.report;
  const working = report.workingVersion;
  const amendment = !!report.firstPublishedAt;

  const open = (next: Step) => {
    onOpen();
    setStep(next);
    setError(undefined);
    setNoteErrors([]);
    setNote('');
  };
  const close = () => setStep(undefined);

  const run = async (path: Step, body: unknown = {}) => {
    try {
      const answer = await call<ReportDetailsView>('POST', 'reports', `/reports/${report.id}/${path}`, {
        body,
        ifMatch: autosave.etag,
      });
      autosave.adopt(answer.body, answer.etag ?? autosave.etag);
      close();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.errors.length) setNoteErrors(e.errors.flatMap((x) => x.messages));
      else setError(refusalWords(e, t));
    }
  };

  const confirm = async () => {
    setError(undefined);
    if (step === 'submit') {
      // What was typed is stored before the version goes to review.
      const flushed = await autosave.flush();
      if (!flushed.saved) return setError(t('reportEditor.saveFirst'));
      if (flushed.held > 0) return setError(t('reportEditor.heldBeforeSubmit', { count: flushed.held }));
      return run('submit');
    }
    if (step === 'publish') {
      const changeNote = note.trim();
      if (amendment && !changeNote) return setNoteErrors([t('reportEditor.changeNoteNeeded')]);
      if (changeNote) {
        const invalid = await validateWithContract(PublishReportDto, { changeNote });
        if (invalid.length) return setNoteErrors(invalid.flatMap((x) => x.messages));
      }
      return run('publish', changeNote ? { changeNote } : {});
    }
    if (step === 'withdraw') {
      const invalid = await validateWithContract(WithdrawReportDto, { reason: note });
      if (invalid.length) return setNoteErrors(invalid.flatMap((x) => x.messages));
      return run('withdraw', { reason: note });
    }
    return run(step!);
  };

  const dialogs: Record<Step, { title: string; lead: string; confirm: string; danger?: boolean }> = {
    submit: {
      title: t('reportEditor.submitTitle'),
      lead: t('reportEditor.submitLead'),
      confirm: t('reportEditor.submit'),
    },
    return: {
      title: t('reportEditor.returnTitle'),
      lead: t('reportEditor.returnLead'),
      confirm: t('reportEditor.return'),
    },
    publish: {
      title: amendment ? t('reportEditor.publishAmendmentTitle') : t('reportEditor.publishTitle'),
      lead: t('reportEditor.publishLead', {
        state: t(`eventStates.${meetingState}`, { defaultValue: meetingState }),
      }),
      confirm: t('reportEditor.publish'),
    },
    amend: {
      title: t('reportEditor.amendTitle'),
      lead: t('reportEditor.amendLead'),
      confirm: t('reportEditor.amend'),
    },
    withdraw: {
      title: t('reportEditor.withdrawTitle'),
      lead: t('reportEditor.withdrawLead'),
      confirm: t('reportEditor.withdraw'),
      danger: true,
    },
  };

  const buttons: Array<{ step: Step; label: string; variant: string }> = [];
  if (working?.state === 'draft')
    buttons.push({ step: 'submit', label: t('reportEditor.submitOpen'), variant: 'primary' });
  if (working?.state === 'in-review') {
    buttons.push({ step: 'publish', label: t('reportEditor.publishOpen'), variant: 'primary' });
    buttons.push({ step: 'return', label: t('reportEditor.returnOpen'), variant: 'secondary' });
  }
  if (!working && report.published)
    buttons.push({ step: 'amend', label: t('reportEditor.amendOpen'), variant: 'primary' });
  if (report.published && report.state !== 'withdrawn')
    buttons.push({ step: 'withdraw', label: t('reportEditor.withdrawOpen'), variant: 'danger' });

  const shown = step ? dialogs[step] : undefined;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('reportEditor.steps')}>
      {buttons.map((b) => (
        <button
          key={b.step}
          type="button"
          className={`button button-${b.variant}`}
          onClick={() => open(b.step)}
        >
          {b.label}
        </button>
      ))}
      {step && shown ? (
        <ConfirmDialog
          title={shown.title}
          lead={shown.lead}
          confirmLabel={shown.confirm}
          {...(shown.danger ? { tone: 'danger' as const } : {})}
          onCancel={close}
          onConfirm={confirm}
          error={error}
        >
          {step === 'publish' ? (
            <Field
              label={amendment ? t('reportEditor.changeNote') : t('reportEditor.changeNoteOptional')}
              name="changeNote"
              value={note}
              onChange={setNote}
              errors={noteErrors}
              description={t('reportEditor.changeNoteHint')}
              isRequired={amendment}
              multiline
            />
          ) : null}
          {step === 'withdraw' ? (
            <Field
              label={t('reportEditor.reason')}
              name="reason"
              value={note}
              onChange={setNote}
              errors={noteErrors}
              isRequired
              multiline
            />
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
