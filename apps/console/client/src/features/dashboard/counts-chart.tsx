import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import { axes, baseOptions } from '../../ui/charts/chart-options';
import { CHART_COLOURS } from '../../ui/charts/chart-style';
import { DataTable } from '../../ui/data-table';
import { ChartSection } from './chart-section';
import { type DashboardContext, spokenSummary } from './dashboard-context';

interface CountsChartProps {
  id: string;
  title: string;
  lead: string;
  /** the header of the table's first column ("Role", "State") */
  category: string;
  /** every category in its order, zero or not: [key, label, count] */
  counts: ReadonlyArray<readonly [string, string, number]>;
  /** a last table row adding them up, when the counts are a whole */
  total?: number;
  context: DashboardContext;
}

/**
 * Counts per category as vertical bars, each named on its axis (no colour to tell them apart),
 * and as a table; used for the roles and for the states.
 */
export function CountsChart({ id, title, lead, category, counts, total, context }: CountsChartProps) {
  const { t, language, rtl, formats } = context;
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: counts.map(([, label]) => label),
        datasets: [
          {
            label: t('dashboard.participants'),
            data: counts.map(([, , n]) => n),
            backgroundColor: CHART_COLOURS.blue,
            maxBarThickness: 56,
          },
        ],
      },
      options: {
        ...baseOptions<'bar'>(language, rtl),
        plugins: { ...baseOptions<'bar'>(language, rtl).plugins, legend: { display: false } },
        scales: (() => {
          const scales = axes(rtl, false);
          return { ...scales, y: { ...scales.y, beginAtZero: true, ticks: { precision: 0 } } };
        })(),
      },
    }),
    [counts, t, language, rtl],
  );
  const rows = [
    ...counts.map(([key, label, n]) => ({ key, label, n })),
    ...(total !== undefined ? [{ key: 'total', label: t('dashboard.total'), n: total }] : []),
  ];
  return (
    <ChartSection
      id={id}
      title={title}
      lead={lead}
      chart={
        <ChartCanvas
          config={config}
          height={260}
          label={spokenSummary(
            context,
            title,
            counts.map(([, label, n]) => [label, n]),
          )}
        />
      }
      table={
        <DataTable
          caption={t('dashboard.tableCaption', { title })}
          rowKey={(r) => r.key}
          rows={rows}
          columns={[
            { key: 'category', header: category, cell: (r) => r.label, rowHeader: true },
            {
              key: 'count',
              header: t('dashboard.participants'),
              cell: (r) => formats.number(r.n),
              numeric: true,
            },
          ]}
        />
      }
    />
  );
}
