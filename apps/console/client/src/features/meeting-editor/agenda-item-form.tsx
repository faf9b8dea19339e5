import { AgendaItemInput } from '@libs/contracts/src/events/create-event.dto';
import type { AgendaItemView, EventView } from '@libs/contracts/src/events/event.view';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/api-error';
import { validateWithContract } from '../../forms/validate-with-contract';
import { formatDateTime } from '../../i18n/format';
import { SubmitButton, useSingleFlight } from '../../ui/action-button';
import { Choice, Field, Notice } from '../../ui/fields';
import { partyLabel } from './parties-editor';
import { ZonedDateTimeField } from './zoned-date-time-field';
import { type AgendaItemDraft, itemBodyOf, slotProblems } from './agenda-item-body';
import { isoToZoned } from './zoned-time';

function draftOfItem(item: AgendaItemView | undefined, zone: string): AgendaItemDraft {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    slotStartsAt: isoToZoned(item?.slot?.startsAt, zone),
    slotEndsAt: isoToZoned(item?.slot?.endsAt, zone),
    presenters: (item?.presenters ?? []).map((p) => ({
      name: p.name,
      position: p.position ?? '',
      party: p.party ?? '',
    })),
    documents: (item?.documents ?? []).map((d) => ({ ...d })),
  };
}

interface AgendaItemFormProps {
  event: EventView;
  item?: AgendaItemView;
  /** errors from the API, by the form's paths ("slot.startsAt") */
  apiErrors: FieldError[];
  notice?: ReactNode;
  /** resolves true when saved */
  onSubmit(body: Record<string, unknown>): Promise<boolean>;
  onCancel(): void;
}

/** One agenda item: title, description, time slot (in the meeting's zone), presenters, document links. */
export function AgendaItemForm(props: AgendaItemFormProps) {
  const { t, i18n } = useTranslation();
  const zone = props.event.timeZone;
  const [draft, setDraft] = useState(() => draftOfItem(props.item, zone));
  const [ownErrors, setOwnErrors] = useState<FieldError[]>([]);
  const [pending, run] = useSingleFlight();
  const errors: Record<string, string[]> = {};
  for (const e of [...ownErrors, ...props.apiErrors]) (errors[e.field] ??= []).push(...e.messages);
  const at = (path: string) => errors[path] ?? [];
  const set = <K extends keyof AgendaItemDraft>(key: K, value: AgendaItemDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const formId = props.item ? `item-${props.item.id}` : 'new-item';
  const within = t('meetingEditor.agenda.slotWithin', {
    start: formatDateTime(props.event.startsAt, i18n.language, zone),
    end: formatDateTime(props.event.endsAt, i18n.language, zone),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = itemBodyOf(draft, zone, !!props.item);
      const invalid = [
        ...(await validateWithContract(AgendaItemInput, {
          ...body,
          description: body.description ?? undefined,
          slot: body.slot ?? undefined,
        })),
        ...slotProblems(draft, props.event, {
          incomplete: t('meetingEditor.agenda.slotIncomplete'),
          order: t('meetingEditor.agenda.slotOrder'),
          outside: t('meetingEditor.agenda.slotOutside', {
            start: formatDateTime(props.event.startsAt, i18n.language, zone),
            end: formatDateTime(props.event.endsAt, i18n.language, zone),
          }),
        }),
      ];
      setOwnErrors(invalid);
      if (invalid.length) return;
      const done = await props.onSubmit(body);
      if (done && !props.item) setDraft(draftOfItem(undefined, zone));
    });
  };

  const partyChoices = props.event.parties.map((p) => ({
    value: p.code,
    label: partyLabel(p, i18n.language),
  }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-title`} className="agenda-item-form">
      <h3 id={`${formId}-title`}>
        {props.item
          ? t('meetingEditor.agenda.editTitle', { title: props.item.title })
          : t('meetingEditor.agenda.addTitle')}
      </h3>
      <Field
        label={t('meetingEditor.agenda.itemTitle')}
        name={`${formId}.title`}
        value={draft.title}
        onChange={(v) => set('title', v)}
        errors={at('title')}
        isRequired
      />
      <Field
        label={t('meetingEditor.agenda.description')}
        name={`${formId}.description`}
        value={draft.description}
        onChange={(v) => set('description', v)}
        errors={at('description')}
        multiline
      />
      <fieldset>
        <legend>{t('meetingEditor.agenda.slot')}</legend>
        {at('slot').length ? <p className="field-error">{at('slot').join(' ')}</p> : null}
        <div className="grid-2">
          <ZonedDateTimeField
            label={t('meetingEditor.agenda.slotStartsAt')}
            name={`${formId}.slot.startsAt`}
            value={draft.slotStartsAt}
            timeZone={zone}
            onChange={(v) => set('slotStartsAt', v)}
            errors={at('slot.startsAt')}
            description={within}
          />
          <ZonedDateTimeField
            label={t('meetingEditor.agenda.slotEndsAt')}
            name={`${formId}.slot.endsAt`}
            value={draft.slotEndsAt}
            timeZone={zone}
            onChange={(v) => set('slotEndsAt', v)}
            errors={at('slot.endsAt')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('meetingEditor.agenda.presenters')}</legend>
        {draft.presenters.map((p, i) => (
          <div
            key={i}
            className="repeat-row"
            role="group"
            aria-label={t('meetingEditor.agenda.presenterN', { n: i + 1 })}
          >
            <Field
              label={t('meetingEditor.agenda.presenterName')}
              name={`${formId}.presenters[${i}].name`}
              value={p.name}
              onChange={(v) =>
                set(
                  'presenters',
                  draft.presenters.map((x, j) => (j === i ? { ...x, name: v } : x)),
                )
              }
              errors={at(`presenters[${i}].name`)}
            />
            <Field
              label={t('meetingEditor.agenda.presenterPosition')}
              name={`${formId}.presenters[${i}].position`}
              value={p.position}
              onChange={(v) =>
                set(
                  'presenters',
                  draft.presenters.map((x, j) => (j === i ? { ...x, position: v } : x)),
                )
              }
              errors={at(`presenters[${i}].position`)}
            />
            <Choice
              label={t('meetingEditor.agenda.presenterParty')}
              name={`${formId}-presenter-${i}-party`}
              value={p.party}
              onChange={(v) =>
                set(
                  'presenters',
                  draft.presenters.map((x, j) => (j === i ? { ...x, party: v } : x)),
                )
              }
              options={partyChoices}
              emptyLabel={t('meetingEditor.fields.nobody')}
              errors={at(`presenters[${i}].party`)}
            />
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                set(
                  'presenters',
                  draft.presenters.filter((_, j) => j !== i),
                )
              }
              aria-label={t('meetingEditor.agenda.removePresenterN', { n: i + 1 })}
            >
              {t('meetingEditor.agenda.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set('presenters', [...draft.presenters, { name: '', position: '', party: '' }])}
        >
          {t('meetingEditor.agenda.addPresenter')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('meetingEditor.agenda.documents')}</legend>
        {draft.documents.map((d, i) => (
          <div
            key={i}
            className="repeat-row"
            role="group"
            aria-label={t('meetingEditor.agenda.documentN', { n: i + 1 })}
          >
            <Field
              label={t('meetingEditor.agenda.documentTitle')}
              name={`${formId}.documents[${i}].title`}
              value={d.title}
              onChange={(v) =>
                set(
                  'documents',
                  draft.documents.map((x, j) => (j === i ? { ...x, title: v } : x)),
                )
              }
              errors={at(`documents[${i}].title`)}
            />
            <Field
              label={t('meetingEditor.agenda.documentUrl')}
              name={`${formId}.documents[${i}].url`}
              value={d.url}
              dir="ltr"
              onChange={(v) =>
                set(
                  'documents',
                  draft.documents.map((x, j) => (j === i ? { ...x, url: v } : x)),
                )
              }
              errors={at(`documents[${i}].url`)}
            />
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                set(
                  'documents',
                  draft.documents.filter((_, j) => j !== i),
                )
              }
              aria-label={t('meetingEditor.agenda.removeDocumentN', { n: i + 1 })}
            >
              {t('meetingEditor.agenda.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set('documents', [...draft.documents, { title: '', url: '' }])}
        >
          {t('meetingEditor.agenda.addDocument')}
        </button>
      </fieldset>
      {ownErrors.length || props.apiErrors.length ? (
        <Notice tone="error">{t('form.fixFields')}</Notice>
      ) : null}
      {props.notice}
      <div className="actions">
        <SubmitButton pending={pending}>
          {props.item ? t('meetingEditor.agenda.saveItem') : t('meetingEditor.agenda.addItem')}
        </SubmitButton>
        {props.item ? (
          <button type="button" className="button button-secondary" onClick={props.onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
