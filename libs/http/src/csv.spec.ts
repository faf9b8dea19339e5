import { describe, expect, it } from '@jest/globals';
import { csvCell, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Argandykov, Daulet')).toBe('"Argandykov, Daulet"');
    expect(csvCell('the "Almaty Process"')).toBe('"the ""Almaty Process"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell('+7 727 000 00 00')).toBe("'+7 727 000 00 00");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1'); // a number is a number
  });

  it('writes UTF-8 with a byte order mark and CRLF line ends, so Excel reads Cyrillic', () => {
    const csv = toCsv(['Given', 'Family'], [['Даулет', 'Аргандыков']]);
    expect(csv).toBe('\uFEFFGiven,Family\r\nДаулет,Аргандыков\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
