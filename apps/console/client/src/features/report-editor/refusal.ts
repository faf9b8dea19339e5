import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error';

/** The codes whose rule the console words itself; any other refusal is shown in the API's own words. */
const WORDED = new Set([
  'EVENT_NOT_HELD',
  'SUMMARY_MISSING',
  'CHANGE_NOTE_MISSING',
  'VERSION_MISMATCH',
  'NETWORK',
]);

/** A refusal of a report step, in the reader's language where the console knows its rule. */
export function refusalWords(error: ApiError, t: TFunction): string {
  return WORDED.has(error.code) ? t(`reportEditor.refusals.${error.code}`) : error.message;
}
