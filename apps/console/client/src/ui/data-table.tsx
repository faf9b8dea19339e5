import type { ReactNode } from 'react';

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
  if (props.rows.length === 0 && props.empty !== undefined) return <p>{props.empty}</p>;
  return (
    <div className="table-scroll">
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
