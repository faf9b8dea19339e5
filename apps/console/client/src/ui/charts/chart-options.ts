import type { ChartOptions, ChartType } from 'chart.js';
import { GRID } from './chart-style';

/** Someone who asked for less motion sees the new figures at once. */
const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * What every chart shares: numbers formatted by Intl in the reader's language (Chart.js's
 * `locale`), legends and tooltips right to left in Arabic, the chart filling its box.
 */
export function baseOptions<T extends ChartType>(language: string, rtl: boolean): ChartOptions<T> {
  const textDirection = rtl ? 'rtl' : 'ltr';
  return {
    locale: language,
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 300 },
    plugins: {
      legend: {
        rtl,
        textDirection,
        align: 'start',
        labels: { boxWidth: 28, boxHeight: 14, padding: 14, font: { size: 13 } },
      },
      tooltip: { rtl, textDirection },
    },
  } as ChartOptions<T>;
}

/**
 * The axis along which the reading goes, mirrored in Arabic: categories from the right of a
 * vertical bar chart, values from the right of a horizontal one; the other axis on the start side.
 */
export function axes(rtl: boolean, horizontal: boolean, stacked = false) {
  const along = { reverse: rtl, stacked, grid: { color: GRID } };
  const across = { position: rtl ? ('right' as const) : ('left' as const), stacked, grid: { color: GRID } };
  return horizontal
    ? { x: along, y: { ...across, grid: { display: false } } }
    : { x: { ...along, grid: { display: false } }, y: across };
}
