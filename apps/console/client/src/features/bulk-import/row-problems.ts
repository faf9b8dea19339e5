import type {
  ImportRowErrorView,
  ImportRowView,
} from '@libs/contracts/src/participants/participant-import.view';
import type { TFunction } from 'i18next';

/** A row's error in the reader's language when the console knows its code, else the API's own sentence. */
export function rowErrorWords(error: ImportRowErrorView, t: TFunction): string {
  return t(`bulkImport.rowErrors.${error.code}`, {
    defaultValue: error.message,
    row: error.otherRow,
    message: error.message,
  });
}

/** What registering the row met, in plain words (the API's refusal codes, as for one registration). */
export function refusalWords(row: ImportRowView, t: TFunction): string {
  if (!row.refusal) return '';
  return t(`errors.${row.refusal.code}`, { defaultValue: row.refusal.message });
}

/** Whether a row needs the reader's eye: errors, or a refusal when imported. */
export const hasProblem = (row: ImportRowView): boolean => row.errors.length > 0 || row.outcome === 'refused';
