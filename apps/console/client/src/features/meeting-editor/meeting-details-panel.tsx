import { CreateEventDto } from '@libs/contracts/src/events/create-event.dto';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { validateWithContract } from '../../forms/validate-with-contract';
import { formatDateTime } from '../../i18n/format';
import { useSingleFlight } from '../../ui/action-button';
import { ChangeComparison, differingFields } from '../../ui/change-comparison';
import { Notice } from '../../ui/fields';
import { fieldErrorsOf, formLevel, plainWords } from '../delegation/refusals';
import { bodyOf, draftOf, type MeetingDraft, patchOf } from './meeting-draft';
import { MeetingForm } from './meeting-form';
import { comparedFields } from './readable-meeting';

interface Conflict {
  /** the meeting as saved now, by someone else */
  current: EventView;
  /** what this person changed, as a PATCH */
  mine: Record<string, unknown>;
}

const bodyOfEvent = (event: EventView) => bodyOf(draftOf(event));

/** Their meeting with my PATCH applied: what "apply mine" would save. */
function withPatch(theirs: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...theirs };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

/**
 * The meeting's details, edited in place and saved as a PATCH of the changed fields with the
 * version read (If-Match). When someone saved in between (412), both versions are shown side by
 * side and the person chooses: keep theirs, or apply their own changes on top of the new version.
 */
export function MeetingDetailsPanel({ event, onSaved }: { event: EventView; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const [base, setBase] = useState(event);
  const [draft, setDraft] = useState<MeetingDraft>(() => draftOf(event));
  const [error, setError] = useState<ApiError | undefined>();
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [pending, run] = useSingleFlight();
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  // A newer meeting from the desk (a lifecycle step, an agenda change) that changed none of the
  // form's fields becomes the base at once; one that did is met at the next save, as a conflict.
  useEffect(() => {
    if (event.version <= base.version) return;
    if (Object.keys(patchOf(bodyOfEvent(base), bodyOfEvent(event))).length === 0) setBase(event);
  }, [event, base]);

  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  const save = async (patch: Record<string, unknown>, version: number) => {
    setSaved(undefined);
    try {
      const { body } = await call<EventView>('PATCH', 'events', `/events/${event.id}`, {
        body: patch,
        ifMatch: `"${version}"`,
      });
      setBase(body);
      setDraft(draftOf(body));
      setError(undefined);
      setConflict(undefined);
      setSaved(t('meetingEditor.saved', { version: body.version }));
      onSaved();
    } catch (e) {
      const refusal = e as ApiError;
      if (refusal.status === 412) {
        const current = await api.get<EventView>('events', `/events/${event.id}`);
        setError(undefined);
        setConflict({ current, mine: patch });
        return;
      }
      setError(refusal);
    }
  };

  const submit = () =>
    void run(async () => {
      const mine = bodyOf(draft);
      const invalid = await validateWithContract(CreateEventDto, mine);
      if (invalid.length)
        return setError(new ApiError(400, 'VALIDATION_FAILED', t('form.fixFields'), invalid));
      const patch = patchOf(bodyOfEvent(base), mine);
      if (Object.keys(patch).length === 0) {
        setError(undefined);
        return setSaved(t('meetingEditor.nothingChanged'));
      }
      await save(patch, base.version);
    });

  const keepTheirs = () => {
    if (!conflict) return;
    setBase(conflict.current);
    setDraft(draftOf(conflict.current));
    setConflict(undefined);
    setSaved(t('meetingEditor.conflict.keptTheirs', { version: conflict.current.version }));
    onSaved();
  };

  const applyMine = () =>
    void run(async () => {
      if (!conflict) return;
      await save(conflict.mine, conflict.current.version);
    });

  let conflictView = null;
  if (conflict) {
    const theirs = bodyOfEvent(conflict.current);
    const rows = differingFields(comparedFields(theirs, withPatch(theirs, conflict.mine), t, i18n.language));
    const theyChanged = Object.keys(patchOf(bodyOfEvent(base), theirs)).filter((k) => !(k in conflict.mine));
    conflictView = (
      <section className="conflict" aria-labelledby="conflict-title">
        <h2 id="conflict-title" tabIndex={-1} ref={conflictHeading}>
          {t('meetingEditor.conflict.title')}
        </h2>
        <p>
          {t('meetingEditor.conflict.lead', {
            version: conflict.current.version,
            at: formatDateTime(conflict.current.updatedAt, i18n.language, conflict.current.timeZone),
          })}
        </p>
        <ChangeComparison
          caption={t('meetingEditor.conflict.caption')}
          fieldHeader={t('meetingEditor.conflict.field')}
          theirsHeader={t('meetingEditor.conflict.theirs')}
          mineHeader={t('meetingEditor.conflict.mine')}
          fields={rows}
          empty={t('meetingEditor.conflict.noOverlap')}
        />
        {theyChanged.length ? (
          <p>
            {t('meetingEditor.conflict.alsoChanged', {
              fields: theyChanged.map((k) => t(`meetingEditor.conflict.fields.${k}`)).join(', '),
            })}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={keepTheirs}>
            {t('meetingEditor.conflict.keepTheirs')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={applyMine}
            data-pending={pending || undefined}
            aria-busy={pending || undefined}
          >
            {t('meetingEditor.conflict.applyMine')}
          </button>
        </div>
      </section>
    );
  }

  if (event.state === 'concluded' || event.state === 'cancelled') {
    return (
      <>
        <h2>{t('meetingEditor.detailsTitle')}</h2>
        <Notice tone="info">{t('meetingEditor.closed', { state: t(`eventStates.${event.state}`) })}</Notice>
      </>
    );
  }

  return (
    <>
      <h2>{t('meetingEditor.detailsTitle')}</h2>
      {conflictView}
      <MeetingForm
        title={t('meetingEditor.detailsTitle')}
        draft={draft}
        onChange={(d) => {
          setDraft(d);
          setSaved(undefined);
        }}
        errors={fieldErrorsOf(error, t)}
        pending={pending}
        submitLabel={t('meetingEditor.save')}
        onSubmit={submit}
        datesLocked={event.state !== 'draft'}
        notice={
          <>
            {error?.status === 400 && error.errors.length ? (
              <Notice tone="error">{t('form.fixFields')}</Notice>
            ) : null}
            {formLevel(error) ? <Notice tone="error">{plainWords(error!, t)}</Notice> : null}
            {saved ? <Notice tone="success">{saved}</Notice> : null}
          </>
        }
      />
    </>
  );
}
