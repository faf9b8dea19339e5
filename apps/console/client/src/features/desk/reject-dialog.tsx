import { RejectParticipantDto } from '@libs/contracts/src/participants/register-participant.dto';
import { useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { validateWithContract } from '../../forms/validate-with-contract';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Field } from '../../ui/fields';

/** Asks for the reason a coordinator will read; focus stays inside until it is answered or cancelled. */
export function RejectDialog(props: {
  count: number;
  onCancel(): void;
  onReject(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, run] = useSingleFlight();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const invalid = await validateWithContract(RejectParticipantDto, { reason });
      if (invalid.length) return setErrors(invalid.flatMap((e) => e.messages));
      await props.onReject(reason);
    });
  };
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && props.onCancel()} className="modal">
      <Dialog className="dialog">
        <form onSubmit={submit} noValidate>
          <Heading slot="title">{t('desk.rejectTitle', { count: props.count })}</Heading>
          <p>{t('desk.rejectLead')}</p>
          <Field
            label={t('desk.reason')}
            name="reason"
            value={reason}
            onChange={setReason}
            errors={errors}
            isRequired
            multiline
          />
          <div className="actions">
            <SubmitButton pending={pending}>{t('desk.reject')}</SubmitButton>
            <button type="button" className="button button-secondary" onClick={props.onCancel}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </Modal>
  );
}
