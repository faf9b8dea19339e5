import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime, formatTime, partyName } from './format';

const AT = '2027-01-11T04:30:00.000Z'; // 09:30 in Almaty (UTC+5)

describe('formatting for the reader, in the meeting’s time zone', () => {
  it('shows the time in the meeting’s zone, with the zone named', () => {
    const text = formatDateTime(AT, 'en', 'Asia/Almaty');
    expect(text).toMatch(/09:30/);
    expect(text).toMatch(/GMT\+5/);
    expect(formatTime(AT, 'en', 'Asia/Almaty')).toMatch(/9:30/);
  });

  it('formats in every console language', () => {
    for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      expect(formatDateTime(AT, language, 'Asia/Almaty').length).toBeGreaterThan(5);
      expect(formatDate(AT, language, 'Asia/Almaty').length).toBeGreaterThan(5);
    }
  });

  it('names countries in the reader’s language and keeps organisations’ names', () => {
    expect(partyName('KAZ', 'Kazakhstan', 'fr')).toBe('Kazakhstan');
    expect(partyName('DEU', 'Germany', 'fr')).toBe('Allemagne');
    expect(partyName('UNHCR', 'UNHCR', 'ru')).toBe('UNHCR');
  });
});
