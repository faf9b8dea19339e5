import type { ReactNode } from 'react';

interface ChartSectionProps {
  id: string;
  title: string;
  lead?: ReactNode;
  /** the chart, or what stands in for it when there is nothing to draw */
  chart: ReactNode;
  /** the same numbers as a table, beside the chart (below it on a narrow screen) */
  table: ReactNode;
  after?: ReactNode;
  /** a table of many columns: below the chart, the page's full width */
  wide?: boolean;
}

/** One figure of the dashboard: a heading, the chart and its table side by side. */
export function ChartSection(props: ChartSectionProps) {
  return (
    <section className="dashboard-section" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.lead ? <p className="muted">{props.lead}</p> : null}
      <div className={props.wide ? 'chart-and-table chart-and-table-wide' : 'chart-and-table'}>
        <div className="chart-cell">{props.chart}</div>
        <div className="table-cell">{props.table}</div>
      </div>
      {props.after}
    </section>
  );
}

/**
 * A table that may not fit: a long one (a box of its own height) or a wide one (on a phone).
 * The box scrolls, not the table's own wrapper, and can take the keyboard's focus (arrow keys
 * scroll it); it is named after the table.
 */
export function TableBox({
  label,
  scrolls,
  children,
}: {
  label: string;
  scrolls: boolean;
  children: ReactNode;
}) {
  if (!scrolls) return <>{children}</>;
  return (
    <div className="dashboard-table-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
