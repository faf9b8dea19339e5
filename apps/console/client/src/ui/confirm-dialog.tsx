import type { FormEvent, ReactNode } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SubmitButton, useSingleFlight } from './action-button';
import { Notice } from './fields';

interface ConfirmDialogProps {
  title: string;
  /** what the step will do, in a sentence the person reads before confirming */
  lead: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  onCancel(): void;
  /** runs once however often the button is pressed; the dialog stays open if it throws */
  onConfirm(): Promise<void>;
  /** the refusal of the last attempt, shown inside the dialog */
  error?: ReactNode;
  /** fields the step needs (a reason, new dates) */
  children?: ReactNode;
}

/** Asks before a step that others will see; focus stays inside until it is confirmed or cancelled. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [pending, run] = useSingleFlight();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(props.onConfirm);
  };
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && props.onCancel()} className="modal">
      <Dialog className="dialog" role="alertdialog">
        <form onSubmit={submit} noValidate>
          <Heading slot="title">{props.title}</Heading>
          <div className="dialog-lead">{props.lead}</div>
          {props.children}
          {props.error ? <Notice tone="error">{props.error}</Notice> : null}
          <div className="actions">
            <SubmitButton pending={pending} variant={props.tone ?? 'primary'}>
              {props.confirmLabel}
            </SubmitButton>
            <button type="button" className="button button-secondary" onClick={props.onCancel}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </Modal>
  );
}
