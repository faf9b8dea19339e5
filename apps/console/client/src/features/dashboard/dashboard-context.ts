import type { TFunction } from 'i18next';
import type { DashboardFormats } from './dashboard-format';

/** What every figure of the dashboard draws with: the language, its direction, its formats. */
export interface DashboardContext {
  t: TFunction;
  language: string;
  rtl: boolean;
  formats: DashboardFormats;
}

/** "Title: A 3, B 5. The numbers are also in the table that follows." for a chart's aria-label. */
export function spokenSummary(
  { t, formats }: DashboardContext,
  title: string,
  values: ReadonlyArray<readonly [string, number]>,
): string {
  return t('dashboard.chartSummary', {
    title,
    values: formats.list(values.map(([label, n]) => `${label} ${formats.number(n)}`)),
  });
}
