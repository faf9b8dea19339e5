import { CreateEventDto } from '@libs/contracts/src/events/create-event.dto';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { navigate } from '../../app/router';
import { validateWithContract } from '../../forms/validate-with-contract';
import { useSingleFlight } from '../../ui/action-button';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { fieldErrorsOf, formLevel, plainWords } from '../delegation/refusals';
import { bodyOf, EMPTY_DRAFT, type MeetingDraft } from './meeting-draft';
import { MeetingForm } from './meeting-form';

/** A new meeting, in draft: checked with the API's own class first, then created; the desk opens on it. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MeetingDraft>({
    ...EMPTY_DRAFT,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [pending, run] = useSingleFlight();
  // One key for this form's creation, so that a retried submit does not create two meetings.
  const idempotencyKey = useRef(crypto.randomUUID());

  const submit = () =>
    void run(async () => {
      const body = bodyOf(draft);
      const invalid = await validateWithContract(CreateEventDto, body);
      if (invalid.length)
        return setError(new ApiError(400, 'VALIDATION_FAILED', t('form.fixFields'), invalid));
      try {
        const created = await api.post<EventView>('events', '/events', body, {
          idempotencyKey: idempotencyKey.current,
        });
        navigate(`/meetings/${created.id}`);
      } catch (e) {
        setError(e as ApiError);
        // A refused request did nothing: the next attempt is a new one.
        idempotencyKey.current = crypto.randomUUID();
      }
    });

  return (
    <>
      <p className="eyebrow">
        <Link to="/meetings">{t('meetings.title')}</Link>
      </p>
      <h1>{t('meetingEditor.newTitle')}</h1>
      <p className="lead">{t('meetingEditor.newLead')}</p>
      <MeetingForm
        title={t('meetingEditor.newTitle')}
        draft={draft}
        onChange={setDraft}
        errors={fieldErrorsOf(error, t)}
        pending={pending}
        submitLabel={t('meetingEditor.create')}
        onSubmit={submit}
        notice={
          <>
            {error?.status === 400 && error.errors.length ? (
              <Notice tone="error">{t('form.fixFields')}</Notice>
            ) : null}
            {formLevel(error) ? <Notice tone="error">{plainWords(error!, t)}</Notice> : null}
          </>
        }
      />
    </>
  );
}
