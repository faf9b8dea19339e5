import ExcelJS from 'exceljs';
import type { StoredParticipant } from '../participants/schemas/participant.schema.js';
import { PARTICIPANT_COLUMNS, type ParticipantColumn } from './participant-columns.js';

/** Letters of a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko…). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Wide enough for the header and the longest value, within reason (in characters). */
const widthOf = (column: ParticipantColumn, records: StoredParticipant[]) => {
  const longest = Math.max(
    column.header.length,
    ...records.map((r) => {
      const value = column.value(r);
      return value instanceof Date ? 19 : (value?.length ?? 0);
    }),
  );
  return Math.min(Math.max(longest + 2, 8), 60);
};

/**
 * The participant list as an Excel workbook: a bold, frozen header row with a filter, columns
 * sized to their content, right-to-left text marked so in its cell. Every value a person typed
 * is written as a text cell, never as a formula, so "=HYPERLINK(…)" is shown, not run (what the
 * CSV's leading apostrophe does for a format that has no cell types); times are date cells in UTC.
 */
export async function participantWorkbook(
  meetingTitle: string,
  records: StoredParticipant[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plenary';
  workbook.title = `Participants — ${meetingTitle}`;
  const sheet = workbook.addWorksheet('Participants', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = PARTICIPANT_COLUMNS.map((c) => ({ header: c.header, width: widthOf(c, records) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PARTICIPANT_COLUMNS.length } };

  for (const record of records) {
    const row = sheet.addRow([]);
    PARTICIPANT_COLUMNS.forEach((column, i) => {
      const value = column.value(record);
      if (value === undefined) return;
      const cell = row.getCell(i + 1);
      if (value instanceof Date) {
        cell.value = value;
        cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
        return;
      }
      // A string value is a text cell: exceljs writes a formula only from { formula }.
      cell.value = value;
      if (column.text && RIGHT_TO_LEFT.test(value))
        cell.alignment = { readingOrder: 'rtl', horizontal: 'right' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
