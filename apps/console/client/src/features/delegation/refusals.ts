import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/api-error';

/** Which form field a refusal belongs beside, when it is about one (a 409 on the person's email…). */
const FIELD_OF_CODE: Record<string, string> = {
  HEAD_EXISTS: 'role',
  PERSON_ALREADY_REGISTERED: 'email',
  DELEGATION_EXISTS: 'party',
};

/** Field errors of a refusal: the API's 400 list as it is, and a 409 placed at its field. */
export function fieldErrorsOf(error: ApiError | undefined, t: TFunction): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  if (!error) return byField;
  for (const e of error.errors) (byField[e.field] ??= []).push(...e.messages);
  const field = FIELD_OF_CODE[error.code];
  if (field) (byField[field] ??= []).push(plainWords(error, t));
  return byField;
}

/** A refusal in the reader's language when the console knows its code, else the API's own sentence. */
export function plainWords(error: ApiError, t: TFunction): string {
  return t(`errors.${error.code}`, { defaultValue: error.message });
}

/** A refusal that is about the whole form (quota full, deadline passed), not one field. */
export function formLevel(error: ApiError | undefined): boolean {
  return !!error && error.errors.length === 0 && !FIELD_OF_CODE[error.code];
}
