import type { ParticipantSummaryView } from '@libs/contracts/src/participants/participant.view';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import { axes, baseOptions } from '../../ui/charts/chart-options';
import { CHART_COLOURS, type Hatch, hatched } from '../../ui/charts/chart-style';
import { DataTable } from '../../ui/data-table';
import { type GenderKey, genderRows, share, shownGenders } from './attendance-figures';
import { ChartSection, TableBox } from './chart-section';
import type { DashboardContext } from './dashboard-context';

const LOOKS: Record<GenderKey, [string, Hatch]> = {
  female: [CHART_COLOURS.blue, 'solid'],
  male: [CHART_COLOURS.vermillion, 'diagonal'],
  other: [CHART_COLOURS.green, 'dots'],
  undisclosed: [CHART_COLOURS.pink, 'cross'],
  unknown: [CHART_COLOURS.grey, 'horizontal'],
};

/**
 * Gender balance as UNFCCC's gender composition reports give it: the share of women and of men
 * among everyone attending and among heads of delegation, as two bars of 100 %, each part with
 * its own pattern as well as its colour; the table gives the counts and the share of women.
 */
export function GenderBalanceChart({
  summary,
  context,
}: {
  summary: ParticipantSummaryView;
  context: DashboardContext;
}) {
  const { t, language, rtl, formats } = context;
  const rows = useMemo(() => genderRows(summary), [summary]);
  const genders = shownGenders(rows);
  const groupLabel = (group: 'all' | 'heads') => t(`dashboard.gender.${group}`);
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const base = baseOptions<'bar'>(language, rtl);
    const scales = axes(rtl, true, true);
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => groupLabel(r.group)),
        datasets: genders.map((g) => ({
          label: t(`dashboard.gender.${g}`),
          data: rows.map((r) => share(r.counts[g], r.total) ?? 0),
          backgroundColor: hatched(LOOKS[g][0], LOOKS[g][1]),
          borderColor: '#ffffff',
          borderWidth: 1,
          maxBarThickness: 48,
        })),
      },
      options: {
        ...base,
        indexAxis: 'y',
        scales: {
          ...scales,
          x: {
            ...scales.x,
            min: 0,
            max: 1,
            ticks: { stepSize: 0.25, callback: (value) => formats.percent(Number(value)) },
          },
        },
        plugins: {
          ...base.plugins,
          tooltip: {
            ...base.plugins?.tooltip,
            callbacks: {
              label: (item) => {
                const row = rows[item.dataIndex]!;
                const g = genders[item.datasetIndex]!;
                return `${item.dataset.label ?? ''}: ${formats.percent(share(row.counts[g], row.total))} (${formats.number(row.counts[g])})`;
              },
            },
          },
        },
      },
    };
  }, [rows, genders.join(), t, language, rtl, formats]);
  const title = t('dashboard.gender.title');
  const spoken = rows
    .map((r) =>
      t('dashboard.gender.spoken', {
        group: groupLabel(r.group),
        women: formats.percent(r.women),
        men: formats.percent(r.men),
      }),
    )
    .join(' ');
  return (
    <ChartSection
      wide
      id="dashboard-gender"
      title={title}
      lead={t('dashboard.gender.lead')}
      chart={
        <ChartCanvas
          config={config}
          height={200}
          label={`${title}: ${spoken} ${t('dashboard.inTheTable')}`}
        />
      }
      table={
        <TableBox label={t('dashboard.tableCaption', { title })} scrolls>
          <DataTable
            caption={t('dashboard.tableCaption', { title })}
            rowKey={(r) => r.group}
            rows={rows}
            columns={[
              {
                key: 'group',
                header: t('dashboard.gender.group'),
                cell: (r) => groupLabel(r.group),
                rowHeader: true,
              },
              ...genders.map((g) => ({
                key: g,
                header: t(`dashboard.gender.${g}`),
                cell: (r: (typeof rows)[number]) => formats.number(r.counts[g]),
                numeric: true,
              })),
              {
                key: 'total',
                header: t('dashboard.total'),
                cell: (r) => formats.number(r.total),
                numeric: true,
              },
              {
                key: 'women',
                header: t('dashboard.gender.womenShare'),
                cell: (r) => formats.percent(r.women),
                numeric: true,
              },
            ]}
          />
        </TableBox>
      }
    />
  );
}
