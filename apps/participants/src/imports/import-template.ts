import {
  DELEGATION_ROLES,
  GENDERS,
  IMPORT_COLUMNS,
  IMPORT_GENDER_LABELS,
  IMPORT_HEADERS,
  IMPORT_ROLE_LABELS,
  REQUIRED_IMPORT_COLUMNS,
  type ImportColumn,
  type ImportLanguage,
} from '@plenary/contracts';
import ExcelJS from 'exceljs';
import { toCsv } from '@plenary/http';

/** The template's one example row (a person who is plainly an example), in the template's language for role and gender. */
function exampleRow(lang: ImportLanguage): Record<ImportColumn, string> {
  return {
    given: 'Даулет',
    family: 'Аргандыков',
    givenLatin: 'Daulet',
    familyLatin: 'Argandykov',
    honorific: 'H.E. Mr.',
    position: 'Vice-Minister',
    organization: 'Ministry of Foreign Affairs',
    role: IMPORT_ROLE_LABELS[lang].member,
    email: 'd.argandykov@mfa.example',
    gender: IMPORT_GENDER_LABELS[lang].male,
    accessibilityNeeds: '',
  };
}

/** An inline list of a data validation (Excel allows 255 characters; the labels fit). */
const listFormula = (labels: string[]) => `"${labels.map((l) => l.replaceAll('"', '')).join(',')}"`;

/**
 * The XLSX template in one language: the header row in that language (bold, frozen), one
 * example row, and lists to pick role and gender from (in that language; the reader takes the
 * labels of every language, and the keys).
 */
export async function importTemplateXlsx(lang: ImportLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plenary';
  const sheet = workbook.addWorksheet('People', {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }],
  });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: IMPORT_HEADERS[lang][column],
    key: column,
    width: Math.max(16, IMPORT_HEADERS[lang][column].length + 4),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  REQUIRED_IMPORT_COLUMNS.forEach((column) => {
    header.getCell(IMPORT_COLUMNS.indexOf(column) + 1).font = { bold: true, underline: true };
  });
  sheet.addRow(exampleRow(lang));
  const lists: Array<[ImportColumn, string[]]> = [
    ['role', DELEGATION_ROLES.map((r) => IMPORT_ROLE_LABELS[lang][r])],
    ['gender', GENDERS.map((g) => IMPORT_GENDER_LABELS[lang][g])],
  ];
  for (const [column, labels] of lists) {
    const letter = sheet.getColumn(IMPORT_COLUMNS.indexOf(column) + 1).letter;
    // Excel's own way to give a range a rule: exceljs writes one dataValidation per address.
    (
      sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}2001`, {
      type: 'list',
      allowBlank: column !== 'role',
      formulae: [listFormula(labels)],
      showErrorMessage: true,
      errorStyle: 'warning',
      error: labels.join(', '),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV template in one language (UTF-8 with a byte-order mark, so Excel reads its letters right). */
export function importTemplateCsv(lang: ImportLanguage): string {
  const example = exampleRow(lang);
  return toCsv(
    IMPORT_COLUMNS.map((c) => IMPORT_HEADERS[lang][c]),
    [IMPORT_COLUMNS.map((c) => example[c])],
  );
}
