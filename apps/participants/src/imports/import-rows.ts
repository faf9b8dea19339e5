import {
  IMPORT_COLUMN_FIELD,
  IMPORT_COLUMNS,
  RegisterParticipantDto,
  type ImportColumn,
} from '@plenary/contracts';
import { AppException, toFieldErrors } from '@plenary/http';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { v5 as uuidv5 } from 'uuid';
import { personName } from '../participants/participant-names.js';
import type { StoredImportRow, StoredImportRowError } from './schemas/participant-import.schema.js';

const COLUMN_OF_FIELD = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.map((column) => [IMPORT_COLUMN_FIELD[column], column]),
);

/**
 * The person a row registers has an id made from the import's id and the row's number, the
 * same on every attempt: a retried or resumed import cannot register a row twice, since a
 * second record with that id cannot be inserted.
 */
export const rowParticipantId = (importId: string, rowNumber: number): string =>
  uuidv5(`row-${rowNumber}`, importId);

/** A row's cells as the body of one registration (POST /delegations/:id/participants). */
export function registrationOf(values: StoredImportRow['values']): RegisterParticipantDto {
  const name: Record<string, string> = {};
  for (const part of ['given', 'family', 'givenLatin', 'familyLatin'] as const) {
    if (values[part] !== undefined) name[part] = values[part];
  }
  const body: Record<string, unknown> = { name };
  for (const column of IMPORT_COLUMNS) {
    if (!IMPORT_COLUMN_FIELD[column].startsWith('name.') && values[column] !== undefined)
      body[column] = values[column];
  }
  return body as unknown as RegisterParticipantDto;
}

/**
 * The errors one registration of this row would meet before any rule of the delegation: the
 * class-validator rules of RegisterParticipantDto (exactly as the API's validation pipe applies
 * them) and the Latin form a name in another script needs.
 */
export async function fieldErrorsOf(values: StoredImportRow['values']): Promise<StoredImportRowError[]> {
  const body = registrationOf(values);
  const found = toFieldErrors(
    await validate(plainToInstance(RegisterParticipantDto, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    }),
  );
  if (found.length === 0) {
    try {
      personName(body.name);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      found.push(...(error.errors ?? []));
    }
  }
  return found.map((e) => ({
    ...(COLUMN_OF_FIELD.has(e.field) ? { column: COLUMN_OF_FIELD.get(e.field)! } : {}),
    code: 'INVALID_VALUE',
    message: e.messages.join('; '),
  }));
}
