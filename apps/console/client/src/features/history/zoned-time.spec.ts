import { describe, expect, it } from '@jest/globals';
import { fromLocalInput, toLocalInput } from './zoned-time';

describe('zoned time for the "as it was at" picker', () => {
  it.each([
    ['Asia/Almaty', '2027-11-21T04:00:00.000Z', '2027-11-21T09:00:00'],
    ['Europe/Berlin', '2026-07-01T10:00:00.000Z', '2026-07-01T12:00:00'],
    ['Europe/Berlin', '2026-12-01T10:00:00.000Z', '2026-12-01T11:00:00'],
    ['America/New_York', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30:00'],
    ['Australia/Sydney', '2026-04-05T00:00:00.000Z', '2026-04-05T10:00:00'],
  ])('reads and writes local times in %s', (zone, iso, local) => {
    expect(toLocalInput(iso, zone)).toBe(local);
    expect(fromLocalInput(local, zone)?.toISOString()).toBe(iso);
  });

  it('takes minutes without seconds, and the first of two 02:30s when Berlin goes back', () => {
    expect(fromLocalInput('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(fromLocalInput('2026-04-05T02:30:00', 'Australia/Sydney')?.toISOString()).toBe(
      '2026-04-04T15:30:00.000Z',
    );
    expect(fromLocalInput('not a time', 'Europe/Berlin')).toBeUndefined();
  });
});
