import type { EventSnapshotView } from '@libs/contracts/src/events/event-history.view';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { useSingleFlight, SubmitButton } from '../../ui/action-button';
import { Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';
import { fromLocalInput, toLocalInput } from './zoned-time';

/** A moment picked in the meeting's own time zone, and the meeting as it was then. */
export function AsOfForm({
  event,
  onFound,
}: {
  event: EventView;
  onFound(snapshot: EventSnapshotView, at: string): void;
}) {
  const { t } = useTranslation();
  const [local, setLocal] = useState(() => toLocalInput(new Date().toISOString(), event.timeZone));
  const [error, setError] = useState<ApiError | undefined>();
  const [pending, run] = useSingleFlight();
  const fieldErrors = error?.forField('at') ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const at = fromLocalInput(local, event.timeZone);
      if (!at) {
        setError(
          new ApiError(400, 'INVALID_MOMENT', t('history.invalidMoment'), [
            { field: 'at', messages: [t('history.invalidMoment')] },
          ]),
        );
        return;
      }
      try {
        const snapshot = await api.get<EventSnapshotView>(
          'events',
          `/events/${event.id}/as-of?at=${encodeURIComponent(at.toISOString())}`,
        );
        setError(undefined);
        onFound(snapshot, at.toISOString());
      } catch (caught) {
        setError(caught as ApiError);
      }
    });
  };
  const inputId = 'as-of-moment';
  return (
    <form className="as-of" onSubmit={submit} aria-labelledby="as-of-title" noValidate>
      <h3 id="as-of-title">{t('history.asOfTitle')}</h3>
      <div className="field">
        <label htmlFor={inputId}>{t('history.moment', { zone: event.timeZone })}</label>
        <input
          id={inputId}
          name="at"
          type="datetime-local"
          step={1}
          required
          value={local}
          min={toLocalInput(event.createdAt, event.timeZone)}
          onChange={(e) => setLocal(e.target.value)}
          aria-invalid={fieldErrors.length > 0 || undefined}
          aria-describedby={`${inputId}-hint${fieldErrors.length ? ` ${inputId}-error` : ''}`}
        />
        <span id={`${inputId}-hint`} className="hint">
          {t('history.momentHint', { zone: event.timeZone })}
        </span>
        {fieldErrors.length ? (
          <span id={`${inputId}-error`} className="field-error">
            {fieldErrors.join(' ')}
          </span>
        ) : null}
      </div>
      {error && fieldErrors.length === 0 ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
      <SubmitButton pending={pending}>{t('history.showAsOf')}</SubmitButton>
    </form>
  );
}
