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
  if (props.fields.length === 0) return <p>{props.empty}</p>;
  return (
    <div className="table-scroll change-comparison">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.fieldHeader}</th>
            <th scope="col">{props.theirsHeader}</th>
            <th scope="col">{props.mineHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.fields.map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label}</th>
              <td className="theirs">{f.theirs}</td>
              <td className="mine">{f.mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
