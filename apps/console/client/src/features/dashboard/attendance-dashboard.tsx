import type { EventView } from '@libs/contracts/src/events/event.view';
import { DELEGATION_ROLES, PARTICIPANT_STATES } from '@libs/contracts/src/participants/participant.view';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useResource } from '../../api/use-resource';
import { formatDate, formatTime } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/i18n';
import { Notice } from '../../ui/fields';
import { Link } from '../../ui/link';
import { plainWords } from '../delegation/refusals';
import { count } from './attendance-figures';
import { CheckInsChart } from './check-ins-chart';
import { CountsChart } from './counts-chart';
import type { DashboardContext } from './dashboard-context';
import { dashboardFormats } from './dashboard-format';
import { GenderBalanceChart } from './gender-balance-chart';
import { HeadlineFigures } from './headline-figures';
import { PartiesChart } from './parties-chart';
import { useLiveSummary } from './use-live-summary';

/** A burst of check-ins at the door reloads the figures at most this often. */
const RELOAD_AT_MOST_EVERY_MS = 2000;

/**
 * The secretariat's attendance dashboard for one meeting: parties represented, participants by
 * role and by state, gender balance overall and among heads of delegation, check-ins over time.
 * Every chart has its numbers in a table beside it; the figures follow the meeting live.
 * Loaded apart from the rest of the console (with Chart.js), when it is opened.
 */
export default function AttendanceDashboard({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const event = useResource(
    (signal) => api.get<EventView>('events', `/events/${eventId}`, signal),
    [eventId],
  );
  const summary = useLiveSummary(eventId, RELOAD_AT_MOST_EVERY_MS);
  const [updatedAt, setUpdatedAt] = useState<string | undefined>();
  useEffect(() => {
    if (summary.data) setUpdatedAt(new Date().toISOString());
  }, [summary.data]);

  const s = summary.data;
  const timeZone = s?.checkInsOverTime.timeZone ?? event.data?.timeZone ?? 'UTC';
  const context = useMemo<DashboardContext | undefined>(
    () =>
      s && {
        t,
        language,
        rtl: LANGUAGES.find((l) => l.code === language)?.dir === 'rtl',
        formats: dashboardFormats(language, timeZone, s.checkInsOverTime, t('dashboard.notApplicable')),
      },
    [s, t, language, timeZone],
  );

  // Kept between renders: a chart is updated when its numbers change, not at every render.
  const roleCounts = useMemo(
    () => DELEGATION_ROLES.map((r) => [r, t(`delegationRoles.${r}`), count(s?.byRole ?? {}, r)] as const),
    [s, t],
  );
  const stateCounts = useMemo(
    () =>
      PARTICIPANT_STATES.map(
        (state) => [state, t(`participantStates.${state}`), count(s?.byState ?? {}, state)] as const,
      ),
    [s, t],
  );

  const e = event.data;
  const error = event.error ?? summary.error;
  return (
    <>
      <p className="eyebrow">
        {e ? (
          <Link to={`/meetings/${eventId}`}>{e.title}</Link>
        ) : (
          <Link to="/meetings">{t('meetings.title')}</Link>
        )}
      </p>
      <h1>{t('dashboard.title')}</h1>
      {e ? (
        <p className="muted">
          {formatDate(e.startsAt, language, e.timeZone)} – {formatDate(e.endsAt, language, e.timeZone)} ·{' '}
          {t(`eventStates.${e.state}`, { defaultValue: e.state })}
        </p>
      ) : null}
      {error ? <Notice tone="error">{plainWords(error, t)}</Notice> : null}
      {!s || !context ? (
        error ? null : (
          <p aria-busy="true">{t('common.loading')}</p>
        )
      ) : (
        <>
          <p role="status" className="dashboard-live" data-testid="dashboard-updated">
            {t('dashboard.updated', {
              time: formatTime(updatedAt, language, timeZone),
              present: context.formats.number(s.checkedIn),
            })}
          </p>
          <HeadlineFigures summary={s} invited={e?.parties.length ?? 0} context={context} />
          <div className="dashboard-grid">
            <PartiesChart summary={s} invited={e?.parties ?? []} context={context} />
            <GenderBalanceChart summary={s} context={context} />
            <CountsChart
              id="dashboard-roles"
              title={t('dashboard.roles.title')}
              lead={t('dashboard.roles.lead')}
              category={t('person.role')}
              counts={roleCounts}
              context={context}
            />
            <CountsChart
              id="dashboard-states"
              title={t('dashboard.states.title')}
              lead={t('dashboard.states.lead')}
              category={t('person.state')}
              counts={stateCounts}
              total={s.total}
              context={context}
            />
            <CheckInsChart timeline={s.checkInsOverTime} context={context} />
          </div>
        </>
      )}
    </>
  );
}
