import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell(row: T): ReactNode;
  /** right-aligned in left-to-right pages (end-aligned, so mirrored in Arabic), tabular figures */
  numeric?: boolean;
  /** the cell that names its row, read out as the row's header */
  rowHeader?: boolean;
}

interface DataTableProps<T> {
  caption: string;
  /** the caption is still read out, but not shown (a heading above already says it) */
  captionHidden?: boolean;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey(row: T): string;
  /** shown instead of an empty table */
  empty?: ReactNode;
}

/** A captioned table that scrolls sideways on a narrow screen instead of breaking the page. */
export function DataTable<T>(props: DataTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const overflows = useOverflow(scroller);
  if (props.rows.length === 0 && props.empty !== undefined) return <p>{props.empty}</p>;
  return (
    <div
      ref={scroller}
      className="table-scroll"
      // A box that scrolls must be reachable by keyboard to be scrolled by keyboard (WCAG 2.1.1).
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': props.caption } : {})}
    >
      <table>
        <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether the element scrolls sideways (wider inside than it shows), kept up to date as it or its content resizes. */
function useOverflow(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Only a box that scrolls needs the focus: one whose overflow an outer box takes (visible) does not.
    const check = () =>
      setOverflows(
        ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) &&
          element.scrollWidth > element.clientWidth + 1,
      );
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  });
  return overflows;
}
