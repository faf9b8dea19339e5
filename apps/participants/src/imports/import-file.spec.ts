import { describe, expect, it } from '@jest/globals';
import { IMPORT_HEADERS, IMPORT_MAX_ROWS } from '@plenary/contracts';
import ExcelJS from 'exceljs';
import { parseCsv, sniffSeparator } from './csv-text.js';
import { readImportFile } from './import-file.js';
import { importTemplateCsv, importTemplateXlsx } from './import-template.js';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('CSV text', () => {
  it('reads commas, quotes with separators, doubled quotes and line breaks inside', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it("takes the semicolon Excel writes in French and Russian locales, and Excel's sep= line", () => {
    expect(sniffSeparator('Prénom;Nom;"Rôle, ou fonction"\n')).toBe(';');
    expect(parseCsv('given;family\nJean;"Dupont; fils"\n')).toEqual([
      ['given', 'family'],
      ['Jean', 'Dupont; fils'],
    ]);
    expect(parseCsv('sep=;\na,b;c\n')).toEqual([['a,b', 'c']]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('reading a file of people', () => {
  it('reads a CSV with a BOM and semicolons, headers in Russian, role and gender in Russian', async () => {
    const h = IMPORT_HEADERS.ru;
    const text = `\uFEFF${h.given};${h.family};${h.givenLatin};${h.familyLatin};${h.role};${h.email};${h.gender}\r\nДаулет;Аргандыков;Daulet;Argandykov;Глава делегации;d@mfa.kz.example;Мужской\r\n;;;;;;\r\n`;
    const file = await readImportFile(Buffer.from(text, 'utf8'));
    expect(file).toEqual({
      format: 'csv',
      rows: [
        {
          number: 2,
          values: {
            given: 'Даулет',
            family: 'Аргандыков',
            givenLatin: 'Daulet',
            familyLatin: 'Argandykov',
            role: 'head',
            email: 'd@mfa.kz.example',
            gender: 'male',
          },
        },
      ],
    });
  });

  it('reads the column keys, in any order, and headers in Arabic and Chinese', async () => {
    const keys = await readImportFile(Buffer.from('email,role,family,given\nx@y.example,member,Doe,Jane\n'));
    expect(keys.rows[0].values).toEqual({
      email: 'x@y.example',
      role: 'member',
      family: 'Doe',
      given: 'Jane',
    });
    for (const lang of ['ar', 'zh'] as const) {
      const h = IMPORT_HEADERS[lang];
      const read = await readImportFile(
        Buffer.from(`${h.email},${h.role},${h.family},${h.given}\nx@y.example,expert,Doe,Jane\n`),
      );
      expect(read.rows[0].values.role).toBe('expert');
    }
  });

  it('reads an XLSX: formulas by their value, links and rich text by their text, numbers and dates as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    const h = IMPORT_HEADERS.fr;
    sheet.addRow([h.given, h.family, h.role, h.email, h.position, h.honorific, h.organization]);
    sheet.addRow([
      { richText: [{ text: 'Jea' }, { text: 'n' }] },
      { formula: 'UPPER("dupont")', result: 'DUPONT' },
      'Membre',
      { text: 'jean@example.org', hyperlink: 'mailto:jean@example.org' },
      42,
      new Date(Date.UTC(2027, 0, 5)),
      { formula: 'NOW()' },
    ]);
    const file = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(file.format).toBe('xlsx');
    expect(file.rows).toEqual([
      {
        number: 2,
        values: {
          given: 'Jean',
          family: 'DUPONT',
          role: 'member',
          email: 'jean@example.org',
          position: '42',
          honorific: '2027-01-05',
        },
      },
    ]);
  });

  it('reads its own templates back in every language: one example row', async () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) {
      const xlsx = await readImportFile(await importTemplateXlsx(lang));
      const csv = await readImportFile(Buffer.from(importTemplateCsv(lang), 'utf8'));
      expect(xlsx.rows).toHaveLength(1);
      expect(xlsx.rows[0].values).toEqual(csv.rows[0].values);
      expect(xlsx.rows[0].values).toMatchObject({ role: 'member', gender: 'male', givenLatin: 'Daulet' });
    }
  });

  it('puts lists for role and gender in the XLSX template', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplateXlsx('fr')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('H5').dataValidation).toMatchObject({ type: 'list' });
    expect(String(sheet.getCell('H5').dataValidation.formulae?.[0])).toContain('Chef de délégation');
    expect(String(sheet.getCell('J5').dataValidation.formulae?.[0])).toContain('Féminin');
  });

  it('refuses, naming the problem: unknown or missing columns, not UTF-8, too many rows, not a file', async () => {
    expect(await codeOf(readImportFile(Buffer.from('given,family,role,email,notes\n')))).toBe(
      'UNKNOWN_COLUMNS',
    );
    expect(await codeOf(readImportFile(Buffer.from('given,family\nA,B\n')))).toBe('MISSING_COLUMNS');
    expect(await codeOf(readImportFile(Buffer.from([0x67, 0x69, 0x76, 0x65, 0x6e, 0x0a, 0xe9, 0x0a])))).toBe(
      'NOT_UTF8',
    );
    const many = `given,family,role,email\n${'A,B,member,a@b.example\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(await codeOf(readImportFile(Buffer.from(many)))).toBe('TOO_MANY_ROWS');
    expect(await codeOf(readImportFile(Buffer.from('PK\u0003\u0004 not really a zip')))).toBe(
      'UNREADABLE_FILE',
    );
    expect(await codeOf(readImportFile(Buffer.alloc(0)))).toBe('EMPTY_FILE');
    expect(await codeOf(readImportFile(Buffer.alloc(3 * 1024 * 1024, 0x41)))).toBe('FILE_TOO_LARGE');
  });
});
