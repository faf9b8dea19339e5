import type { CheckInTimelineView } from '@libs/contracts/src/participants/participant.view';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import { axes, baseOptions } from '../../ui/charts/chart-options';
import { CHART_COLOURS } from '../../ui/charts/chart-style';
import { DataTable } from '../../ui/data-table';
import { busiest, checkInRows } from './attendance-figures';
import { ChartSection, TableBox } from './chart-section';
import type { DashboardContext } from './dashboard-context';

/**
 * Check-ins per interval as bars and those present so far as a dashed line with diamond points
 * (a bar and a line: told apart by their shape, not their colour), on the meeting's clock.
 */
export function CheckInsChart({
  timeline,
  context,
}: {
  timeline: CheckInTimelineView;
  context: DashboardContext;
}) {
  const { t, language, rtl, formats } = context;
  const rows = useMemo(() => checkInRows(timeline), [timeline]);
  const config = useMemo<ChartConfiguration<'bar' | 'line'>>(() => {
    const base = baseOptions<'bar' | 'line'>(language, rtl);
    const scales = axes(rtl, false);
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => formats.time(r.startsAt)),
        datasets: [
          {
            type: 'bar',
            label: t('dashboard.checkIns.count'),
            data: rows.map((r) => r.count),
            backgroundColor: CHART_COLOURS.blue,
            maxBarThickness: 48,
            order: 2,
          },
          {
            type: 'line',
            label: t('dashboard.checkIns.present'),
            data: rows.map((r) => r.present),
            borderColor: CHART_COLOURS.vermillion,
            backgroundColor: CHART_COLOURS.vermillion,
            borderDash: [6, 4],
            borderWidth: 2,
            pointStyle: 'rectRot',
            pointRadius: 4,
            order: 1,
          },
        ],
      },
      options: {
        ...base,
        plugins: { ...base.plugins, legend: { ...base.plugins?.legend, labels: { usePointStyle: true } } },
        scales: {
          x: { ...scales.x, ticks: { autoSkip: true, maxRotation: 0 } },
          // One axis for both: those present so far are never fewer than the interval's check-ins.
          y: { ...scales.y, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    };
  }, [rows, t, language, rtl, formats]);
  const title = t('dashboard.checkIns.title');
  const top = busiest(rows);
  const caption = t('dashboard.tableCaption', { title });
  return (
    <ChartSection
      id="dashboard-check-ins"
      title={title}
      lead={t('dashboard.checkIns.lead', { interval: formats.interval, zone: formats.zone })}
      chart={
        rows.length === 0 || !top ? (
          <p>{t('dashboard.checkIns.none')}</p>
        ) : (
          <ChartCanvas
            config={config}
            height={300}
            label={t('dashboard.checkIns.spoken', {
              title,
              total: formats.number(rows.at(-1)!.present),
              from: formats.time(rows[0]!.startsAt),
              to: formats.time(rows.at(-1)!.endsAt),
              busiest: formats.range(top.startsAt, top.endsAt),
              most: formats.number(top.count),
            })}
          />
        )
      }
      table={
        <TableBox label={caption} scrolls={rows.length > 10}>
          <DataTable
            caption={caption}
            rowKey={(r) => r.startsAt}
            rows={rows}
            empty={t('dashboard.checkIns.none')}
            columns={[
              {
                key: 'interval',
                header: t('dashboard.checkIns.interval'),
                cell: (r) => <time dateTime={r.startsAt}>{formats.range(r.startsAt, r.endsAt)}</time>,
                rowHeader: true,
              },
              {
                key: 'count',
                header: t('dashboard.checkIns.count'),
                cell: (r) => formats.number(r.count),
                numeric: true,
              },
              {
                key: 'present',
                header: t('dashboard.checkIns.present'),
                cell: (r) => formats.number(r.present),
                numeric: true,
              },
            ]}
          />
        </TableBox>
      }
    />
  );
}
