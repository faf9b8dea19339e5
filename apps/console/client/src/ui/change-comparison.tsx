import { DataTable } from './data-table';

export interface ComparedField {
  /** a stable key, e.g. the API's field name */
  key: string;
  /** the field's name as people read it */
  label: string;
  /** the value saved now by someone else, formatted for reading */
  theirs: string;
  /** the value this person wants, formatted for reading */
  mine: string;
}

/**
 * Only the fields whose readable values differ, in the order given: what a person has to decide
 * between, not everything that was sent.
 */
export function differingFields(fields: ComparedField[]): ComparedField[] {
  return fields.filter((f) => f.theirs !== f.mine);
}

interface ChangeComparisonProps {
  caption: string;
  fieldHeader: string;
  theirsHeader: string;
  mineHeader: string;
  /** the rows to show; pass them through differingFields first */
  fields: ComparedField[];
  /** shown instead of the table when no field differs */
  empty: string;
}

/**
 * Someone else's version and this person's, side by side, field by field: for a conflicting edit
 * (an ETag mismatch), never a silent overwrite. Values keep their line breaks.
 */
export function ChangeComparison(props: ChangeComparisonProps) {
  return (
    <div className="change-comparison">
      <DataTable
        caption={props.caption}
        columns={[
          { key: 'field', header: props.fieldHeader, cell: (f: ComparedField) => f.label, rowHeader: true },
          { key: 'theirs', header: props.theirsHeader, cell: (f: ComparedField) => f.theirs },
          { key: 'mine', header: props.mineHeader, cell: (f: ComparedField) => f.mine },
        ]}
        rows={props.fields}
        rowKey={(f) => f.key}
        empty={props.empty}
      />
    </div>
  );
}
