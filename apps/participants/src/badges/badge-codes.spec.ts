import { describe, expect, it } from '@jest/globals';
import { signBadgeCode, verifyBadgeCode } from './badge-codes.js';

const KEY = 'a-badge-signing-key-of-at-least-32-characters';
const MEETING = '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a';
const OTHER_MEETING = '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5b';

/** Every code that differs from `code` in one character, the character replaced by each of a few others. */
const oneCharacterChanged = (code: string) =>
  [...code].flatMap((c, i) =>
    ['0', 'A', 'a', '-', '_', '.', 'z']
      .filter((other) => other !== c)
      .map((other) => `${code.slice(0, i)}${other}${code.slice(i + 1)}`),
  );

describe('badge codes', () => {
  const code = signBadgeCode(KEY, { eventId: MEETING, badgeNumber: '0042' });

  it('carry the meeting and the badge number, compact enough for a small QR code', () => {
    expect(code).toMatch(/^PB1\.0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a\.0042\.[A-Za-z0-9_-]{22}$/);
    expect(code.length).toBeLessThanOrEqual(78);
    expect(verifyBadgeCode(KEY, code)).toEqual({ eventId: MEETING, badgeNumber: '0042' });
  });

  it('are the same each time for the same badge, and differ between badges and meetings', () => {
    expect(signBadgeCode(KEY, { eventId: MEETING, badgeNumber: '0042' })).toBe(code);
    expect(signBadgeCode(KEY, { eventId: MEETING, badgeNumber: '0043' })).not.toBe(code);
    expect(signBadgeCode(KEY, { eventId: OTHER_MEETING, badgeNumber: '0042' }).split('.')[3]).not.toBe(
      code.split('.')[3],
    );
  });

  it('refuse any code with one character changed', () => {
    const altered = oneCharacterChanged(code);
    expect(altered.length).toBeGreaterThan(300);
    expect(altered.filter((c) => verifyBadgeCode(KEY, c) !== undefined)).toEqual([]);
  });

  it('refuse a genuine signature moved to another badge or meeting', () => {
    const mac = code.split('.')[3];
    expect(verifyBadgeCode(KEY, `PB1.${MEETING}.0043.${mac}`)).toBeUndefined();
    expect(verifyBadgeCode(KEY, `PB1.${OTHER_MEETING}.0042.${mac}`)).toBeUndefined();
    expect(verifyBadgeCode(KEY, `PB1.${MEETING}.042.${mac}`)).toBeUndefined();
  });

  it('refuse codes signed with another key', () => {
    const forged = signBadgeCode('another-key-that-is-also-32-characters-long', {
      eventId: MEETING,
      badgeNumber: '0042',
    });
    expect(verifyBadgeCode(KEY, forged)).toBeUndefined();
  });

  it('refuse what is not a code at all', () => {
    for (const text of [
      '',
      'PB1',
      'https://evil.example/PB1',
      `PB2.${MEETING}.0042.${code.split('.')[3]}`,
      `${code}.extra`,
      `PB1.${MEETING.toUpperCase()}.0042.${code.split('.')[3]}`,
      `PB1.${MEETING}.0042.${code.split('.')[3]}=`,
      `PB1.${MEETING}.0042.`,
      `PB1.${MEETING}.0042.${'A'.repeat(22)}`,
    ])
      expect({ text, verified: verifyBadgeCode(KEY, text) }).toEqual({ text, verified: undefined });
  });

  it('accept the code with the blanks a scanner or a paste may add around it', () => {
    expect(verifyBadgeCode(KEY, ` ${code}\n`)).toEqual({ eventId: MEETING, badgeNumber: '0042' });
  });
});
