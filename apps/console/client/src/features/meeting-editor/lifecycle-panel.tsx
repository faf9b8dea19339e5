import {
  LIFECYCLE_ACTIONS,
  LIFECYCLE_FROM,
  type LifecycleAction,
} from '@libs/contracts/src/events/event-enums';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { CancelEventDto, PostponeEventDto } from '@libs/contracts/src/events/transition.dto';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { validateWithContract } from '../../forms/validate-with-contract';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field, Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';
import { ZonedDateTimeField } from './zoned-date-time-field';
import { isoToZoned, zonedToIso } from './zoned-time';

const DANGEROUS: ReadonlySet<LifecycleAction> = new Set(['cancel', 'postpone']);

/** The API's refusal in the reader's words when the console knows its code, with the service's own sentence. */
function Refusal({ error }: { error: ApiError }) {
  const { t, i18n } = useTranslation();
  const key = `meetingEditor.refusals.${error.code}`;
  const known = i18n.exists(key) ? t(key) : '';
  return (
    <>
      <p>{known || plainWords(error, t)}</p>
      {known ? (
        <p className="refusal-detail">
          {t('meetingEditor.lifecycle.serviceSaid')}{' '}
          <q lang="en" dir="ltr">
            {error.message}
          </q>
        </p>
      ) : null}
      {error.errors.length ? (
        <ul>
          {error.errors.map((e) => (
            <li key={e.field}>{e.messages.join(' ')}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * The lifecycle of the meeting: the steps allowed in its state, each confirmed after saying what
 * it will do; postponing asks for new dates and a reason, cancelling for a reason. A refused step
 * keeps its dialog open with the API's reason.
 */
export function LifecyclePanel({ event, onChanged }: { event: EventView; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<LifecycleAction | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const zone = event.timeZone;
  const allowed = LIFECYCLE_ACTIONS.filter((a) => LIFECYCLE_FROM[a].includes(event.state));

  const begin = (action: LifecycleAction) => {
    setOpen(action);
    setError(undefined);
    setFieldErrors({});
    setReason('');
    setStartsAt(isoToZoned(event.startsAt, zone));
    setEndsAt(isoToZoned(event.endsAt, zone));
    setDone(undefined);
  };

  const confirm = async () => {
    if (!open) return;
    let body: Record<string, unknown> | undefined;
    if (open === 'cancel') body = { reason: reason.trim() };
    if (open === 'postpone') {
      body = {
        startsAt: zonedToIso(startsAt, zone),
        endsAt: zonedToIso(endsAt, zone),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      };
    }
    if (body) {
      const invalid =
        open === 'cancel'
          ? await validateWithContract(CancelEventDto, body)
          : await validateWithContract(PostponeEventDto, body);
      if (open === 'postpone' && !reason.trim()) {
        invalid.push({ field: 'reason', messages: [t('meetingEditor.lifecycle.reasonNeeded')] });
      }
      setFieldErrors(Object.fromEntries(invalid.map((e) => [e.field, e.messages])));
      if (invalid.length) return;
    }
    try {
      const after = await api.post<EventView>('events', `/events/${event.id}/${open}`, body);
      setOpen(undefined);
      setDone(
        t('meetingEditor.lifecycle.done', {
          state: t(`eventStates.${after.state}`, { defaultValue: after.state }),
        }),
      );
      onChanged();
    } catch (e) {
      const refusal = e as ApiError;
      setFieldErrors(Object.fromEntries(refusal.errors.map((x) => [x.field, x.messages])));
      setError(refusal);
      // The meeting may have moved on meanwhile: show its state as it is now.
      onChanged();
    }
  };

  return (
    <section aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('meetingEditor.lifecycle.title')}</h2>
      <p>
        {t('meetingEditor.lifecycle.now', {
          state: t(`eventStates.${event.state}`, { defaultValue: event.state }),
        })}
        {event.stateReason ? (
          <>
            {' '}
            <span className="muted">
              {t('meetingEditor.lifecycle.reasonWas', { reason: event.stateReason })}
            </span>
          </>
        ) : null}
      </p>
      <ol className="lifecycle-steps" aria-label={t('meetingEditor.lifecycle.path')}>
        {(
          [
            'draft',
            'announced',
            'registration-open',
            'registration-closed',
            'in-session',
            'concluded',
          ] as const
        ).map((state) => (
          <li key={state} aria-current={state === event.state ? 'step' : undefined}>
            {t(`eventStates.${state}`)}
          </li>
        ))}
      </ol>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {allowed.length === 0 ? (
        <p>{t('meetingEditor.lifecycle.noSteps')}</p>
      ) : (
        <ul className="lifecycle-actions">
          {allowed.map((action) => (
            <li key={action}>
              <button
                type="button"
                className={`button ${DANGEROUS.has(action) ? 'button-danger' : 'button-primary'}`}
                onClick={() => begin(action)}
              >
                {t(`meetingEditor.lifecycle.actions.${action}`)}
              </button>
              <span className="hint">{t(`meetingEditor.lifecycle.summaries.${action}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <ConfirmDialog
          title={t(`meetingEditor.lifecycle.confirmTitles.${open}`, { title: event.title })}
          lead={<p>{t(`meetingEditor.lifecycle.consequences.${open}`)}</p>}
          // The button that opens a dialog ends in an ellipsis; the one that acts does not.
          confirmLabel={t(`meetingEditor.lifecycle.actions.${open}`).replace(/…$/, '')}
          tone={DANGEROUS.has(open) ? 'danger' : 'primary'}
          onCancel={() => setOpen(undefined)}
          onConfirm={confirm}
          error={error ? <Refusal error={error} /> : undefined}
        >
          {open === 'postpone' ? (
            <div className="lifecycle-dialog-fields">
              <p className="hint">
                {t('meetingEditor.lifecycle.currentDates', {
                  start: formatDateTime(event.startsAt, i18n.language, zone),
                  end: formatDateTime(event.endsAt, i18n.language, zone),
                })}
              </p>
              <div className="grid-2">
                <ZonedDateTimeField
                  label={t('meetingEditor.lifecycle.newStartsAt')}
                  name="postpone.startsAt"
                  value={startsAt}
                  timeZone={zone}
                  onChange={setStartsAt}
                  errors={fieldErrors.startsAt}
                  isRequired
                />
                <ZonedDateTimeField
                  label={t('meetingEditor.lifecycle.newEndsAt')}
                  name="postpone.endsAt"
                  value={endsAt}
                  timeZone={zone}
                  onChange={setEndsAt}
                  errors={fieldErrors.endsAt}
                  isRequired
                />
              </div>
            </div>
          ) : null}
          {open === 'postpone' || open === 'cancel' ? (
            <Field
              label={t('meetingEditor.lifecycle.reason')}
              name="reason"
              value={reason}
              onChange={(value) => {
                setReason(value);
                setFieldErrors(({ reason: _, ...rest }) => rest);
              }}
              errors={fieldErrors.reason ?? []}
              description={t('meetingEditor.lifecycle.reasonHint')}
              isRequired
              multiline
            />
          ) : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
