import {
  IMPORT_COLUMNS,
  type ImportColumn,
} from '@libs/contracts/src/participants/participant-import-format';
import type { ImportRowView } from '@libs/contracts/src/participants/participant-import.view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../ui/data-table';
import { hasProblem, refusalWords, rowErrorWords } from './row-problems';

/** The column headers the person form uses, so the preview reads as the form does. */
const HEADER_KEY: Record<ImportColumn, string> = {
  given: 'person.given',
  family: 'person.family',
  givenLatin: 'person.givenLatin',
  familyLatin: 'person.familyLatin',
  honorific: 'person.honorific',
  position: 'person.position',
  organization: 'person.organization',
  role: 'person.role',
  email: 'person.email',
  gender: 'person.gender',
  accessibilityNeeds: 'bulkImport.accessibilityNeeds',
};

/**
 * Every row of the file as read, each error in the cell it is about (a whole-row error, and
 * what became of the row once imported, in the last column). Only the columns the file fills.
 */
export function PreviewTable({ rows }: { rows: ImportRowView[] }) {
  const { t } = useTranslation();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const used = IMPORT_COLUMNS.filter((c) =>
    rows.some((r) => r.values[c] !== undefined || r.errors.some((e) => e.column === c)),
  );
  const shown = onlyProblems ? rows.filter(hasProblem) : rows;

  const valueOf = (row: ImportRowView, column: ImportColumn) => {
    const value = row.values[column];
    if (value === undefined) return '';
    if (column === 'role') return t(`delegationRoles.${value}`, { defaultValue: value });
    if (column === 'gender') return t(`genders.${value}`, { defaultValue: value });
    return value;
  };

  const columns: Array<Column<ImportRowView>> = [
    { key: 'number', header: t('bulkImport.row'), cell: (row) => row.number, numeric: true, rowHeader: true },
    ...used.map((column): Column<ImportRowView> => ({
      key: column,
      header: t(HEADER_KEY[column]),
      cell: (row) => {
        const errors = row.errors.filter((e) => e.column === column);
        const value = valueOf(row, column);
        if (errors.length === 0) return <span dir="auto">{value}</span>;
        return (
          <span className="import-cell-invalid" data-testid={`error-${row.number}-${column}`}>
            <span dir="auto">{value || '—'}</span>
            {errors.map((e) => (
              <span key={e.code} className="field-error">
                {rowErrorWords(e, t)}
              </span>
            ))}
          </span>
        );
      },
    })),
    {
      key: 'status',
      header: t('bulkImport.status'),
      cell: (row) => <RowStatus row={row} />,
    },
  ];

  return (
    <>
      <div className="import-filter">
        <input
          id="import-only-problems"
          type="checkbox"
          checked={onlyProblems}
          onChange={(e) => setOnlyProblems(e.target.checked)}
        />
        <label htmlFor="import-only-problems">{t('bulkImport.onlyProblems')}</label>
      </div>
      <DataTable
        caption={t('bulkImport.rowsCaption')}
        columns={columns}
        rows={shown}
        rowKey={(row) => String(row.number)}
        empty={t('bulkImport.noProblems')}
      />
    </>
  );
}

function RowStatus({ row }: { row: ImportRowView }) {
  const { t } = useTranslation();
  const rowErrors = row.errors.filter((e) => e.column === undefined);
  return (
    <span className="import-status">
      {row.outcome ? (
        <span className={`state import-outcome-${row.outcome}`}>
          {t(`bulkImport.outcomes.${row.outcome}`)}
        </span>
      ) : row.errors.length === 0 ? (
        <span className="state">{t('bulkImport.ready')}</span>
      ) : (
        <span className="state import-outcome-refused">{t('bulkImport.hasErrors')}</span>
      )}
      {rowErrors.map((e) => (
        <span key={e.code} className="field-error" data-testid={`error-${row.number}-row`}>
          {rowErrorWords(e, t)}
        </span>
      ))}
      {row.refusal ? <span className="field-error">{refusalWords(row, t)}</span> : null}
    </span>
  );
}
