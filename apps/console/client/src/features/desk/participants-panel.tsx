import type { EventView } from '@libs/contracts/src/events/event.view';
import {
  DELEGATION_ROLES,
  PARTICIPANT_STATES,
  type ParticipantDetailsView,
  type ParticipantPageView,
} from '@libs/contracts/src/participants/participant.view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/api-client';
import type { ApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { partyName } from '../../i18n/format';
import { useLiveChanges } from '../../live/use-live-changes';
import { ActionButton } from '../../ui/action-button';
import { Choice, Field, Notice } from '../../ui/fields';
import { plainWords } from '../delegation/refusals';
import { RejectDialog } from './reject-dialog';

interface Filters {
  party: string;
  role: string;
  state: string;
  q: string;
  sort: string;
}

const SORTS = ['name', 'party', 'state', 'badge'] as const;
const PAGE = 50;

/**
 * All participants of the meeting: filter by party, role and state, search in either script,
 * sort, more pages by cursor; accredit or reject one or many at once; exports.
 */
export function ParticipantsPanel({
  eventId,
  parties = [],
}: {
  eventId: string;
  /** the meeting's parties, to filter by (none until the meeting has arrived) */
  parties?: EventView['parties'];
}) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ party: '', role: '', state: '', q: '', sort: 'name' });
  const [extra, setExtra] = useState<{ items: ParticipantDetailsView[]; cursor: string | null }>({
    items: [],
    cursor: null,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ done: number; refused: string[] } | undefined>();
  const [rejecting, setRejecting] = useState(false);
  const filterQuery = {
    party: filters.party,
    role: filters.role,
    state: filters.state,
    q: filters.q,
    sort: filters.sort,
  };
  const page = useResource(
    async (signal) => {
      const first = await api.get<ParticipantPageView>(
        'participants',
        `/events/${eventId}/participants${query({ ...filterQuery, limit: PAGE })}`,
        signal,
      );
      setExtra({ items: [], cursor: first.nextCursor });
      return first;
    },
    [eventId, JSON.stringify(filterQuery)],
  );
  useLiveChanges([eventId], page.reload);
  const people = [...((page.data?.items ?? []) as ParticipantDetailsView[]), ...extra.items];

  const more = async () => {
    if (!extra.cursor) return;
    const next = await api.get<ParticipantPageView>(
      'participants',
      `/events/${eventId}/participants${query({ ...filterQuery, limit: PAGE, cursor: extra.cursor })}`,
    );
    setExtra((x) => ({
      items: [...x.items, ...(next.items as ParticipantDetailsView[])],
      cursor: next.nextCursor,
    }));
  };

  const forEachSelected = async (action: (id: string) => Promise<unknown>) => {
    const ids = [...selected];
    const refused: string[] = [];
    let done = 0;
    for (const id of ids) {
      try {
        await action(id);
        done += 1;
      } catch (e) {
        const person = people.find((p) => p.id === id);
        refused.push(
          `${person ? `${person.name.givenLatin} ${person.name.familyLatin}` : id}: ${plainWords(e as ApiError, t)}`,
        );
      }
    }
    setOutcome({ done, refused });
    setSelected(new Set());
    page.reload();
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const exportQuery = query({ party: filters.party, role: filters.role, state: filters.state, q: filters.q });
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title">{t('desk.participants')}</h2>
      <form
        className="filters"
        role="search"
        aria-label={t('desk.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field
          label={t('desk.search')}
          name="q"
          type="search"
          value={filters.q}
          onChange={set('q')}
          description={t('desk.searchHint')}
        />
        <Choice
          label={t('desk.party')}
          name="party"
          value={filters.party}
          onChange={set('party')}
          emptyLabel={t('desk.all')}
          options={parties.map((p) => ({
            value: p.code,
            label: partyName(p.code, p.name, i18n.language),
          }))}
        />
        <Choice
          label={t('person.role')}
          name="role"
          value={filters.role}
          onChange={set('role')}
          emptyLabel={t('desk.all')}
          options={DELEGATION_ROLES.map((r) => ({ value: r, label: t(`delegationRoles.${r}`) }))}
        />
        <Choice
          label={t('person.state')}
          name="state"
          value={filters.state}
          onChange={set('state')}
          emptyLabel={t('desk.all')}
          options={PARTICIPANT_STATES.map((s) => ({ value: s, label: t(`participantStates.${s}`) }))}
        />
        <Choice
          label={t('desk.sort')}
          name="sort"
          value={filters.sort}
          onChange={set('sort')}
          options={SORTS.map((s) => ({ value: s, label: t(`desk.sortBy.${s}`) }))}
        />
      </form>
      <div className="toolbar" role="toolbar" aria-label={t('desk.bulkActions')}>
        <span aria-live="polite">{t('desk.selected', { count: selected.size })}</span>
        <ActionButton
          isDisabled={selected.size === 0}
          onAction={() =>
            forEachSelected((id) => api.post('participants', `/participants/${id}/accredit`, {}))
          }
        >
          {t('desk.accreditSelected')}
        </ActionButton>
        <button
          type="button"
          className="button button-danger"
          disabled={selected.size === 0}
          onClick={() => setRejecting(true)}
        >
          {t('desk.rejectSelected')}
        </button>
        <span className="toolbar-end">
          <a
            className="button button-secondary"
            href={`/api/participants/events/${eventId}/participants.csv${exportQuery}`}
            download
          >
            {t('desk.exportCsv')}
          </a>
          <a
            className="button button-secondary"
            href={`/api/participants/events/${eventId}/participants.xlsx${exportQuery}`}
            download
          >
            {t('desk.exportXlsx')}
          </a>
          <a
            className="button button-secondary"
            href={`/api/participants/events/${eventId}/badges.pdf${query({ party: filters.party })}`}
            download
          >
            {t('desk.exportBadges')}
          </a>
        </span>
      </div>
      {outcome ? (
        <Notice tone={outcome.refused.length ? 'error' : 'success'}>
          {t('desk.outcome', { count: outcome.done })}
          {outcome.refused.length ? (
            <ul>
              {outcome.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {page.error ? <Notice tone="error">{plainWords(page.error, t)}</Notice> : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('desk.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('desk.select')}</span>
              </th>
              <th scope="col">{t('person.name')}</th>
              <th scope="col">{t('desk.party')}</th>
              <th scope="col">{t('person.role')}</th>
              <th scope="col">{t('person.state')}</th>
              <th scope="col">{t('person.badge')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const latin = `${p.name.givenLatin} ${p.name.familyLatin}`;
              return (
                <tr key={p.id} data-participant={p.id}>
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.has(p.id)}
                      onChange={() => toggle(p.id)}
                      aria-label={t('desk.selectNamed', { name: latin })}
                    />
                  </td>
                  <td>
                    <span dir="auto" className="name-original">
                      {p.name.given} {p.name.family}
                    </span>
                    {p.name.givenLatin !== p.name.given ? (
                      <span dir="ltr" className="name-latin">
                        {latin}
                      </span>
                    ) : null}
                  </td>
                  <td>{partyName(p.party.code, p.party.name, i18n.language)}</td>
                  <td>{t(`delegationRoles.${p.role}`)}</td>
                  <td>
                    <span className={`state state-${p.state}`}>{t(`participantStates.${p.state}`)}</span>
                    {p.rejectionReason ? (
                      <span className="reason" dir="auto">
                        {p.rejectionReason}
                      </span>
                    ) : null}
                  </td>
                  <td>{p.badgeNumber ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!page.loading && people.length === 0 ? <p>{t('desk.noParticipants')}</p> : null}
      {extra.cursor ? (
        <ActionButton variant="secondary" onAction={more}>
          {t('desk.more')}
        </ActionButton>
      ) : null}
      {rejecting ? (
        <RejectDialog
          count={selected.size}
          onCancel={() => setRejecting(false)}
          onReject={async (reason) => {
            setRejecting(false);
            await forEachSelected((id) => api.post('participants', `/participants/${id}/reject`, { reason }));
          }}
        />
      ) : null}
    </section>
  );
}
