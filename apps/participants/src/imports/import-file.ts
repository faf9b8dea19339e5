import {
  IMPORT_COLUMNS,
  IMPORT_GENDER_LABELS,
  IMPORT_HEADERS,
  IMPORT_LANGUAGES,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_ROLE_LABELS,
  REQUIRED_IMPORT_COLUMNS,
  type ImportColumn,
} from '@plenary/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseCsv } from './csv-text.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';

/** One person's row as read: its number in the file and its non-empty cells by column. */
export interface ReadRow {
  number: number;
  values: Partial<Record<ImportColumn, string>>;
}

export interface ReadFile {
  format: 'csv' | 'xlsx';
  rows: ReadRow[];
}

/** What a workbook may unpack to: a small file that inflates to gigabytes is refused unread. */
const MAX_XLSX_UNPACKED_BYTES = 40 * 1024 * 1024;

const fold = (text: string) => text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');

/** Every accepted spelling of every column's header: its key and its name in each language. */
const HEADER_COLUMNS = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => [
    [fold(column), column] as const,
    ...IMPORT_LANGUAGES.map((lang) => [fold(IMPORT_HEADERS[lang][column]), column] as const),
  ]),
);

const labelsOf = (labels: Record<string, Record<string, string>>) =>
  new Map<string, string>(
    Object.values(labels).flatMap((byKey) =>
      Object.entries(byKey).flatMap(([key, label]) => [
        [fold(key), key] as const,
        [fold(label), key] as const,
      ]),
    ),
  );
const ROLE_VALUES = labelsOf(IMPORT_ROLE_LABELS);
const GENDER_VALUES = labelsOf(IMPORT_GENDER_LABELS);

/**
 * Reads an uploaded file of people: an XLSX workbook (its first worksheet) or CSV text in
 * UTF-8 (with or without a byte-order mark) or UTF-16 with one. The first non-empty row is the
 * header; empty rows are left out; role and gender written in any of the six languages become
 * their keys. Refuses, naming the problem, a file too large, unreadable, without the required
 * columns, with columns it does not know, or with more than IMPORT_MAX_ROWS people.
 */
export async function readImportFile(bytes: Buffer): Promise<ReadFile> {
  if (bytes.length > IMPORT_MAX_BYTES) throw tooLarge();
  if (bytes.length === 0) throw new ImportsException(ImportsErrorCode.EMPTY_FILE, 'The file is empty.');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const format = isZip ? 'xlsx' : 'csv';
  const table = isZip ? await xlsxTable(bytes) : parseCsv(decodeText(bytes));
  return { format, rows: rowsOf(table) };
}

const tooLarge = () =>
  new ImportsException(
    ImportsErrorCode.FILE_TOO_LARGE,
    `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into several files.`,
  );

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportsException(
      ImportsErrorCode.NOT_UTF8,
      'The file is not text in UTF-8. In Excel, save it as "CSV UTF-8 (comma delimited)", or upload the XLSX workbook itself.',
    );
  }
}

/** Rows of the first worksheet as text, one array per row number (holes for empty rows). */
async function xlsxTable(bytes: Buffer): Promise<Array<string[] | undefined>> {
  let unpacked = 0;
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files)) {
      unpacked +=
        (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    }
  } catch {
    throw unreadable();
  }
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw tooLarge();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets.find((s) => s.state !== 'hidden' && s.actualRowCount > 0);
  if (!sheet) return [];
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) throw tooManyRows();
  const table: Array<string[] | undefined> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = textOf(cell.value);
    });
    table[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return table;
}

const unreadable = () =>
  new ImportsException(
    ImportsErrorCode.UNREADABLE_FILE,
    'The file could not be read as an XLSX workbook or as CSV text; download the template and fill it in.',
  );

const tooManyRows = () =>
  new ImportsException(
    ImportsErrorCode.TOO_MANY_ROWS,
    `The file holds more than ${IMPORT_MAX_ROWS} people; split it into several files.`,
  );

/**
 * A cell as the text a person sees: a formula by the value Excel last computed (never the
 * formula itself), rich text and links by their text, a date as its ISO date (and time, if any).
 */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
      ? ''
      : textOf(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return textOf((value as { text?: ExcelJS.CellValue }).text ?? value.hyperlink);
  if ('error' in value) return '';
  return '';
}

function rowsOf(table: Array<string[] | undefined>): ReadRow[] {
  const isBlank = (cells: string[] | undefined) => !cells || cells.every((c) => c.trim() === '');
  const headerIndex = table.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0)
    throw new ImportsException(ImportsErrorCode.EMPTY_FILE, 'The file has no header row and no people.');
  const header = table[headerIndex]!;
  const columns: Array<ImportColumn | undefined> = [];
  const unknown: string[] = [];
  header.forEach((text, i) => {
    if (text.trim() === '') return;
    const column = HEADER_COLUMNS.get(fold(text));
    if (column) columns[i] = column;
    else unknown.push(text.trim());
  });
  if (unknown.length > 0) {
    throw new ImportsException(
      ImportsErrorCode.UNKNOWN_COLUMNS,
      `The header row has columns this import does not know: ${unknown.map((u) => `"${u}"`).join(', ')}. Use the template's headers (in any of its languages) or the keys ${IMPORT_COLUMNS.join(', ')}.`,
    );
  }
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new ImportsException(
      ImportsErrorCode.MISSING_COLUMNS,
      `The header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; download the template to see them all.`,
    );
  }
  const rows: ReadRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i];
    if (isBlank(cells)) continue;
    if (rows.length === IMPORT_MAX_ROWS) throw tooManyRows();
    const values: Partial<Record<ImportColumn, string>> = {};
    cells!.forEach((text, j) => {
      const column = columns[j];
      const value = text.trim();
      if (!column || value === '') return;
      if (column === 'role') values.role = ROLE_VALUES.get(fold(value)) ?? value;
      else if (column === 'gender') values.gender = GENDER_VALUES.get(fold(value)) ?? value;
      else values[column] = value;
    });
    rows.push({ number: i + 1, values });
  }
  return rows;
}
