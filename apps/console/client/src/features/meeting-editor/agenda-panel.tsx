import type { AgendaItemView, EventView } from '@libs/contracts/src/events/event.view';
import { useEffect, useState } from 'react';
import {
  Button,
  GridList,
  GridListItem,
  I18nProvider,
  useDragAndDrop,
  type Key,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/api-client';
import type { ApiError, FieldError } from '../../api/api-error';
import { formatDateTime, formatTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';
import { reordered } from './agenda-item-body';
import { AgendaItemForm } from './agenda-item-form';
import { partyLabel } from './parties-editor';

/** The API names an item's field by its place in the agenda ("agenda[2].slot.startsAt"); the form by its own path. */
function itemErrors(error: ApiError | undefined, index: number): FieldError[] {
  if (!error) return [];
  const prefix = `agenda[${index}].`;
  return error.errors
    .filter((e) => !e.field.startsWith('agenda[') || e.field.startsWith(prefix))
    .map((e) => ({ ...e, field: e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field }));
}

/**
 * The agenda of a meeting: add, edit, remove, and reorder by drag, by the keyboard (the drag
 * handle, Enter, arrows, Enter) or with the move buttons; every change is sent with the version
 * read, and a change made by someone else meanwhile is shown, never overwritten.
 */
export function AgendaPanel({ event: given, onChanged }: { event: EventView; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [event, setEvent] = useState(given);
  const [editing, setEditing] = useState<string | undefined>();
  const [error, setError] = useState<{ itemId: string | 'new' | 'list'; error: ApiError } | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [removing, setRemoving] = useState<AgendaItemView | undefined>();
  const zone = event.timeZone;
  const editable = event.state !== 'concluded' && event.state !== 'cancelled';

  useEffect(() => {
    if (given.version > event.version) setEvent(given);
  }, [given, event.version]);

  /** Sends one change with If-Match; on a 412 the agenda shows the newer meeting and says so. */
  const send = async (
    where: string | 'new' | 'list',
    method: string,
    path: string,
    body?: unknown,
  ): Promise<boolean> => {
    try {
      const response = await call<EventView>(method, 'events', `/events/${event.id}/agenda${path}`, {
        ...(body !== undefined ? { body } : {}),
        ifMatch: `"${event.version}"`,
        ...(method === 'POST' ? { idempotencyKey: crypto.randomUUID() } : {}),
      });
      setEvent(response.body);
      setError(undefined);
      onChanged();
      return true;
    } catch (e) {
      const refusal = e as ApiError;
      if (refusal.status === 412) setEvent(await api.get<EventView>('events', `/events/${event.id}`));
      setError({ itemId: where, error: refusal });
      return false;
    }
  };

  const move = async (ids: string[], item: AgendaItemView) => {
    if (await send('list', 'PUT', '/order', { itemIds: ids })) {
      setAnnouncement(
        t('meetingEditor.agenda.moved', {
          title: item.title,
          position: ids.indexOf(item.id) + 1,
          total: ids.length,
        }),
      );
    }
  };

  const ids = event.agenda.map((i) => i.id);
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys: Set<Key>) =>
      [...keys].map((key) => ({ 'text/plain': event.agenda.find((i) => i.id === key)?.title ?? '' })),
    onReorder: (e) => {
      const moved = [...e.keys].map(String);
      const next = reordered(
        ids,
        moved,
        String(e.target.key),
        e.target.dropPosition === 'after' ? 'after' : 'before',
      );
      const item = event.agenda.find((i) => i.id === moved[0]);
      if (item) void move(next, item);
    },
    isDisabled: !editable,
  });

  const refusalNotice = (where: string) =>
    error && error.itemId === where && (error.error.errors.length === 0 || error.error.status === 412) ? (
      <Notice tone="error">
        {error.error.status === 412 ? t('meetingEditor.agenda.changedMeanwhile') : plainWords(error.error, t)}
      </Notice>
    ) : null;

  const slotText = (item: AgendaItemView) =>
    item.slot
      ? `${formatDateTime(item.slot.startsAt, i18n.language, zone)} – ${formatTime(item.slot.endsAt, i18n.language, zone)} (${zone})`
      : t('meetingEditor.agenda.noSlot');

  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meetingEditor.agenda.title')}</h2>
      {editable ? <p className="hint">{t('meetingEditor.agenda.howToReorder')}</p> : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {refusalNotice('list')}
      {event.agenda.length === 0 ? <p>{t('meetingEditor.agenda.none')}</p> : null}
      <I18nProvider locale={i18n.language}>
        <GridList
          aria-label={t('meetingEditor.agenda.listLabel')}
          className="agenda-list"
          items={event.agenda}
          dragAndDropHooks={dragAndDropHooks}
          renderEmptyState={() => null}
        >
          {(item) => {
            const index = ids.indexOf(item.id);
            return (
              <GridListItem id={item.id} textValue={item.title} className="agenda-item">
                <div className="agenda-row">
                  {editable ? (
                    <Button
                      slot="drag"
                      className="drag-handle"
                      aria-label={t('meetingEditor.agenda.dragNamed', { title: item.title })}
                    >
                      <span aria-hidden="true">⠿</span>
                    </Button>
                  ) : null}
                  <span className="agenda-number" aria-hidden="true">
                    {index + 1}.
                  </span>
                  <div className="agenda-body">
                    <strong className="agenda-title">{item.title}</strong>
                    <span className="muted">{slotText(item)}</span>
                    {item.presenters.length ? (
                      <span>
                        {t('meetingEditor.agenda.presentedBy', {
                          names: item.presenters
                            .map((p) => {
                              const party = event.parties.find((x) => x.code === p.party);
                              return party ? `${p.name} (${partyLabel(party, i18n.language)})` : p.name;
                            })
                            .join(', '),
                        })}
                      </span>
                    ) : null}
                    {item.documents.length ? (
                      <ul className="documents">
                        {item.documents.map((d) => (
                          <li key={d.url}>
                            <a href={d.url} target="_blank" rel="noreferrer">
                              {d.title}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                  {editable ? (
                    <div className="row-actions">
                      <Button
                        className="button button-secondary"
                        isDisabled={index === 0}
                        aria-label={t('meetingEditor.agenda.moveUpNamed', { title: item.title })}
                        onPress={() => void move(reordered(ids, [item.id], ids[index - 1]!, 'before'), item)}
                      >
                        <span aria-hidden="true">↑</span>
                      </Button>
                      <Button
                        className="button button-secondary"
                        isDisabled={index === ids.length - 1}
                        aria-label={t('meetingEditor.agenda.moveDownNamed', { title: item.title })}
                        onPress={() => void move(reordered(ids, [item.id], ids[index + 1]!, 'after'), item)}
                      >
                        <span aria-hidden="true">↓</span>
                      </Button>
                      <Button
                        className="button button-secondary"
                        aria-label={t('meetingEditor.agenda.editNamed', { title: item.title })}
                        onPress={() => setEditing(item.id)}
                      >
                        {t('form.edit')}
                      </Button>
                      <Button
                        className="button button-danger"
                        aria-label={t('meetingEditor.agenda.removeNamed', { title: item.title })}
                        onPress={() => {
                          setError(undefined);
                          setRemoving(item);
                        }}
                      >
                        {t('meetingEditor.agenda.remove')}
                      </Button>
                    </div>
                  ) : null}
                </div>
              </GridListItem>
            );
          }}
        </GridList>
      </I18nProvider>
      {removing ? (
        <ConfirmDialog
          title={t('meetingEditor.agenda.removeTitle', { title: removing.title })}
          lead={<p>{t('meetingEditor.agenda.removeLead')}</p>}
          confirmLabel={t('meetingEditor.agenda.remove')}
          tone="danger"
          onCancel={() => setRemoving(undefined)}
          onConfirm={async () => {
            if (await send(removing.id, 'DELETE', `/${removing.id}`)) {
              setAnnouncement(t('meetingEditor.agenda.removed', { title: removing.title }));
              setRemoving(undefined);
            }
          }}
          error={
            error?.itemId === removing.id
              ? error.error.status === 412
                ? t('meetingEditor.agenda.changedMeanwhile')
                : plainWords(error.error, t)
              : undefined
          }
        />
      ) : null}
      {editing && event.agenda.some((i) => i.id === editing) ? (
        <AgendaItemForm
          key={editing}
          event={event}
          item={event.agenda.find((i) => i.id === editing)!}
          apiErrors={error?.itemId === editing ? itemErrors(error.error, ids.indexOf(editing)) : []}
          notice={refusalNotice(editing)}
          onCancel={() => setEditing(undefined)}
          onSubmit={async (body) => {
            const done = await send(editing, 'PATCH', `/${editing}`, body);
            if (done) setEditing(undefined);
            return done;
          }}
        />
      ) : null}
      {editable ? (
        <AgendaItemForm
          event={event}
          apiErrors={error?.itemId === 'new' ? itemErrors(error.error, event.agenda.length) : []}
          notice={refusalNotice('new')}
          onCancel={() => undefined}
          onSubmit={(body) => send('new', 'POST', '', body)}
        />
      ) : null}
    </section>
  );
}
