import type { PartyView } from '@libs/contracts/src/events/event.view';
import type { ParticipantSummaryView } from '@libs/contracts/src/participants/participant.view';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { partyName } from '../../i18n/format';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import { axes, baseOptions } from '../../ui/charts/chart-options';
import { CHART_COLOURS, hatched } from '../../ui/charts/chart-style';
import { DataTable } from '../../ui/data-table';
import { partyRows, type PartyRow, unrepresentedParties } from './attendance-figures';
import { ChartSection, TableBox } from './chart-section';
import { type DashboardContext, spokenSummary } from './dashboard-context';

/** Participants per party: present, accredited and expected, pending; the table adds the refused and withdrawn. */
export function PartiesChart({
  summary,
  invited,
  context,
}: {
  summary: ParticipantSummaryView;
  invited: readonly PartyView[];
  context: DashboardContext;
}) {
  const { t, language, rtl, formats } = context;
  const rows = useMemo(
    () => partyRows(summary).map((r) => ({ ...r, name: partyName(r.code, r.name, language) })),
    [summary, language],
  );
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const series: Array<[keyof PartyRow, string, string, Parameters<typeof hatched>[1]]> = [
      ['present', t('dashboard.parties.present'), CHART_COLOURS.darkGreen, 'solid'],
      ['expected', t('dashboard.parties.expected'), CHART_COLOURS.blue, 'diagonal'],
      ['pending', t('participantStates.pending'), CHART_COLOURS.grey, 'dots'],
    ];
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: series.map(([key, label, colour, hatch]) => ({
          label,
          data: rows.map((r) => r[key] as number),
          backgroundColor: hatched(colour, hatch),
          borderColor: colour,
          borderWidth: 1,
        })),
      },
      options: { ...baseOptions<'bar'>(language, rtl), indexAxis: 'y', scales: axes(rtl, true, true) },
    };
  }, [rows, t, language, rtl]);
  const title = t('dashboard.parties.title');
  const missing = unrepresentedParties(summary, invited);
  const n = formats.number;
  return (
    <ChartSection
      wide
      id="dashboard-parties"
      title={title}
      lead={t('dashboard.parties.lead')}
      chart={
        rows.length === 0 ? (
          <p>{t('dashboard.parties.none')}</p>
        ) : (
          <ChartCanvas
            config={config}
            height={Math.max(160, rows.length * 34 + 70)}
            label={spokenSummary(
              context,
              title,
              rows.map((r) => [r.name, r.pending + r.accredited]),
            )}
          />
        )
      }
      table={
        <TableBox label={t('dashboard.tableCaption', { title })} scrolls>
          <DataTable
            caption={t('dashboard.tableCaption', { title })}
            rowKey={(r) => r.code}
            rows={rows}
            empty={t('dashboard.parties.none')}
            columns={[
              { key: 'party', header: t('desk.party'), cell: (r) => r.name, rowHeader: true },
              { key: 'total', header: t('dashboard.parties.total'), cell: (r) => n(r.total), numeric: true },
              {
                key: 'accredited',
                header: t('participantStates.accredited'),
                cell: (r) => n(r.accredited),
                numeric: true,
              },
              {
                key: 'present',
                header: t('dashboard.parties.present'),
                cell: (r) => n(r.present),
                numeric: true,
              },
              {
                key: 'pending',
                header: t('participantStates.pending'),
                cell: (r) => n(r.pending),
                numeric: true,
              },
              {
                key: 'rejected',
                header: t('participantStates.rejected'),
                cell: (r) => n(r.rejected),
                numeric: true,
              },
              {
                key: 'withdrawn',
                header: t('participantStates.withdrawn'),
                cell: (r) => n(r.withdrawn),
                numeric: true,
              },
            ]}
          />
        </TableBox>
      }
      after={
        missing.length > 0 ? (
          <p>
            {t('dashboard.parties.notRepresented', {
              // Each name isolated: a Latin name in an Arabic sentence keeps its place.
              parties: formats.list(missing.map((p) => `\u2068${partyName(p.code, p.name, language)}\u2069`)),
            })}
          </p>
        ) : null
      }
    />
  );
}
